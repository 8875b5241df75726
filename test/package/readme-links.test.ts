import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, it } from 'node:test';

import { ROOT } from './packed-package';
import { readmeAnchors } from './readme-anchors';

/** Markdown links `[text](target)`, images `![alt](file)` and autolinks `<https://…>`, outside fenced code. */
function linksIn(markdown: string): string[] {
	const prose = markdown.replace(/```[\s\S]*?```/g, '');
	return [
		...[...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]),
		...[...prose.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((match) => match[1]),
	];
}

const PRIVATE_HOST =
	/^https?:\/\/(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?|0\.0\.0\.0)/i;

for (const document of ['README.md', 'README.ru.md', 'CONTRIBUTING.md', 'CHANGELOG.md']) {
	describe(`links in ${document}`, () => {
		const markdown = readFileSync(join(ROOT, document), 'utf8');
		const links = linksIn(markdown);

		it('lead only to public https pages or to files of this repository', () => {
			const problems: string[] = [];
			for (const link of links) {
				if (/^https?:/.test(link)) {
					if (!link.startsWith('https://')) problems.push(`${link}: not https`);
					if (PRIVATE_HOST.test(link)) problems.push(`${link}: not a public address`);
					continue;
				}
				if (link.startsWith('#')) continue;
				const path = normalize(link.split('#')[0]);
				if (path.startsWith('..') || path.startsWith('/'))
					problems.push(`${link}: outside the repository`);
				else if (!existsSync(join(ROOT, path))) problems.push(`${link}: no such file`);
			}
			assert.deepEqual(problems, []);
		});

		it('point at sections that exist, in this document or in the Markdown file they name', () => {
			const missing = links
				.filter((link) => !/^https?:/.test(link) && link.includes('#'))
				.filter((link) => {
					const [file, anchor] = link.split('#');
					if (file && !file.endsWith('.md')) return false;
					const target = file ? join(ROOT, normalize(file)) : join(ROOT, document);
					return !existsSync(target) || !readmeAnchors(readFileSync(target, 'utf8')).has(anchor);
				});
			assert.deepEqual(missing, []);
		});
	});
}
