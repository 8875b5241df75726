import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './packed-package';

export const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
};

/** The README on the repository's page. */
export const README_URL = manifest.homepage.replace(/#readme$/, '?tab=readme-ov-file');

/** The Russian guide on the repository's page: every documentation link of the pack starts with it. */
export const GUIDE_URL = manifest.homepage.replace(/#readme$/, '/blob/main/README.ru.md');
const GUIDE = readFileSync(join(ROOT, 'README.ru.md'), 'utf8');

export interface Heading {
	level: number;
	text: string;
	/** Its line's index in the document. */
	line: number;
}

/** Headings outside fenced code blocks. */
export function headingsOf(markdown: string): Heading[] {
	let fenced = false;
	const found: Heading[] = [];
	markdown.split('\n').forEach((line, index) => {
		if (/^\s*```/.test(line)) fenced = !fenced;
		const heading = !fenced && /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) found.push({ level: heading[1].length, text: heading[2], line: index });
	});
	return found;
}

/** The anchors GitHub gives the README's headings (github-slugger's rule, repeats numbered). */
export function readmeAnchors(markdown = README): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const { text: heading } of headingsOf(markdown)) {
		const text = heading
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/[`*]/g, '');
		const slug = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

/** The Russian guide's section a documentation URL points at, or why it points elsewhere. */
export function anchorOf(url: string): { anchor?: string; problem?: string } {
	const [base, anchor] = url.split('#');
	if (base !== GUIDE_URL) return { problem: `${url} is not the Russian guide (${GUIDE_URL})` };
	if (!anchor) return { problem: `${url} names no section` };
	if (!readmeAnchors(GUIDE).has(decodeURIComponent(anchor)))
		return { problem: `${url}: README.ru.md has no section #${anchor}` };
	return { anchor };
}
