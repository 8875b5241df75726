import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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

/** The guides, the reference pages they link to under docs/, and the developer documents. */
const DOCUMENTS = [
	'README.md',
	'README.ru.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** A link's file as a path inside the repository (links are relative to their document). */
function fileOf(document: string, link: string): string {
	return relative(ROOT, join(ROOT, dirname(document), normalize(link.split('#')[0])));
}

for (const document of DOCUMENTS) {
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
				const path = fileOf(document, link);
				if (path.startsWith('..') || link.startsWith('/'))
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
					const target = join(ROOT, file ? fileOf(document, link) : document);
					return !existsSync(target) || !readmeAnchors(readFileSync(target, 'utf8')).has(anchor);
				});
			assert.deepEqual(missing, []);
		});
	});
}
