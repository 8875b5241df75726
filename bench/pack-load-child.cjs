// One pack-load sample in a fresh process, with n8n-workflow already loaded as n8n has it:
// `node bench/pack-load-child.cjs` prints {ms, loaded} as one JSON line.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
require('n8n-workflow');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n;
const before = new Set(Object.keys(require.cache));
const begin = process.hrtime.bigint();
for (const file of [...manifest.nodes, ...manifest.credentials]) require(join(root, file));
const ms = Number(process.hrtime.bigint() - begin) / 1e6;
const loaded = Object.keys(require.cache).filter((path) => !before.has(path));
process.stdout.write(`${JSON.stringify({ ms, loaded })}\n`);
