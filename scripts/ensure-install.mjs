// Installs the project's dependencies when they are missing or older than package.json.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
	!existsSync(marker) ||
	statSync('package.json').mtimeMs > statSync(marker).mtimeMs ||
	(existsSync('package-lock.json') &&
		statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs);

if (stale) {
	console.log('Installing dependencies (npm install)…');
	const result = spawnSync('npm', ['install', '--no-fund', '--no-audit'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
