import { join, resolve } from 'node:path';

/** Pinned versions of what `npm start` and the end-to-end tests run the pack in. */
export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';

export const PROJECT_ROOT = resolve(__dirname, '..');
/** Installed runtimes (git-ignored): Node 24 and n8n, each in its own npm folder. */
export const RUNTIME_DIR = join(PROJECT_ROOT, '.runtime');
export const NODE_DIR = join(RUNTIME_DIR, 'node24');
export const N8N_DIR = join(RUNTIME_DIR, 'n8n');
export const PACK_DIR = join(RUNTIME_DIR, 'pack');

/** The registry package that carries the Node binary for this platform, with its headers. */
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
export const NODE_PACKAGE_DIR = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_PACKAGE_DIR, 'bin', 'node');
/** A node-gyp `nodedir` made of that package's headers, for native modules (sqlite3). */
export const NODE_HEADERS_DIR = join(NODE_DIR, 'headers');
export const N8N_BIN = join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

/** n8n's user data for `npm start` (git-ignored). */
export const START_DATA_DIR = join(PROJECT_ROOT, '.n8n-data');

export const N8N_HOST = '127.0.0.1';
export const N8N_PORT = 5678;
