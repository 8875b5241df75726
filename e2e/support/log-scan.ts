import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../runtime/layout';
import { expectedLogErrors } from './wrong-secrets';

const PACKAGE = 'n8n-nodes-ru-business';

/** The pack's name and its credential type names, as n8n writes them in its log. */
function packNames(): string[] {
	const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		n8n: { credentials: string[] };
	};
	const credentialType = (path: string) => {
		const base = path
			.split('/')
			.pop()!
			.replace(/\.credentials\.js$/, '');
		return base.charAt(0).toLowerCase() + base.slice(1);
	};
	return [PACKAGE, ...manifest.n8n.credentials.map(credentialType)];
}

function levelOf(line: string): string | undefined {
	try {
		const entry = JSON.parse(line) as { level?: string };
		return entry.level;
	} catch {
		return /\b(error|warn)\b/i.exec(line)?.[1]?.toLowerCase();
	}
}

/** Log lines at level warn or error that name the pack or one of its types. */
export function packWarnings(log: string): string[] {
	const mentions = packNames().map((name) => new RegExp(`\\b${name.replace(/[.-]/g, '\\$&')}\\b`));
	return log
		.split('\n')
		.filter((line) => {
			const level = levelOf(line);
			if (level !== 'warn' && level !== 'error') return false;
			if (expectedLogErrors.some((expected) => expected.test(line))) return false;
			return mentions.some((mention) => mention.test(line));
		})
		.map((line) => line.slice(0, 600));
}
