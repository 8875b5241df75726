// Runs every *.test.ts under test/ and sandbox/ with Node's own test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = ['test', 'sandbox'];
const args = process.argv.slice(2);
// --built: the harness loads the package's nodes from dist/, as n8n would.
const built = args.includes('--built');
const only = args.filter((arg) => arg !== '--built');

function findTests(dir) {
	let found = [];
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) found = found.concat(findTests(path));
		else if (entry.endsWith('.test.ts')) found.push(path);
	}
	return found;
}

const files = roots
	.flatMap((root) => findTests(root))
	.filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
	.sort();

if (files.length === 0) {
	console.error('No test files found.');
	process.exit(1);
}

// n8n-core keeps its settings in a user folder: tests get a throwaway one, and n8n's log goes
// to a file there, which the secrets tests read.
const userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-ru-business-test-'));
const n8nEnv = {
	N8N_USER_FOLDER: userFolder,
	N8N_ENCRYPTION_KEY: 'harness-only-encryption-key',
	N8N_LOG_LEVEL: 'debug',
	N8N_LOG_OUTPUT: 'file',
	N8N_LOG_FILE_LOCATION: join(userFolder, 'n8n.log'),
	...(built ? { N8N_HARNESS_LOAD: 'dist' } : {}),
};
const result = spawnSync(
	process.execPath,
	// A stuck test fails after 2 minutes, and a server left open cannot keep the run alive.
	[
		'--import',
		'tsx',
		'--test',
		'--test-concurrency=1',
		'--test-timeout=120000',
		'--test-force-exit',
		...files,
	],
	{ stdio: 'inherit', env: { ...process.env, ...n8nEnv } },
);
rmSync(userFolder, { recursive: true, force: true });
process.exit(result.status ?? 1);
