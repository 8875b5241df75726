// After `n8n-node build`: the whole pack as one CommonJS file, dist/pack.js, and each node and
// credential file n8n loads re-exports its class from it. n8n then reads one file instead of about
// two hundred (the pack loads in about half the time), and the pack keeps one copy of its
// process-wide state (rate limiters, login guards) shared by its nodes and triggers.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const PACK = 'pack.js';
const { nodes, credentials } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n;
const entries = [...nodes, ...credentials].map((file) =>
	relative('dist', file).replace(/\.js$/, ''),
);

// Process-wide state the bench and tests reach (client-side rate limits, ATI.SU's daily counts),
// exported beside the entries so that it reaches the instance the nodes use.
const STATE_MODULES = [
	'nodes/Bitrix24/transport/leaky-bucket',
	'nodes/Ati/transport/index',
	'nodes/Ati/transport/daily-quota',
];

const index = [...entries, ...STATE_MODULES]
	.map(
		(entry) => `exports[${JSON.stringify(entry)}] = require(${JSON.stringify(`./${entry}.js`)});`,
	)
	.join('\n');
buildSync({
	stdin: { contents: index, resolveDir: dist, sourcefile: 'pack-index.js', loader: 'js' },
	outfile: join(dist, PACK),
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	packages: 'external',
	legalComments: 'none',
	logLevel: 'warning',
});

for (const entry of entries) {
	const toPack = relative(dirname(join(dist, entry)), join(dist, PACK));
	writeFileSync(
		join(dist, `${entry}.js`),
		`"use strict";\nmodule.exports = require(${JSON.stringify(`./${toPack}`)})[${JSON.stringify(entry)}];\n`,
	);
}
