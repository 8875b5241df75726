import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { headingsOf, README } from './readme-anchors';

/** The README's vendor sections, as README.ru.md has them. */
const VENDORS = ['ATI.SU', 'ERA', 'Bitrix24', '1C-Connect', 'Oktell'];

/** What a user reads before a first workflow fits in this many words (issue 32). */
const MAX_WORDS = 3_500;

function sectionOf(level: number, title: string): string {
	const lines = README.split('\n');
	const headings = headingsOf(README);
	const index = headings.findIndex((heading) => heading.level === level && heading.text === title);
	assert.ok(index >= 0, `README.md has no "${'#'.repeat(level)} ${title}"`);
	const end = headings.slice(index + 1).find((heading) => heading.level <= level);
	return lines.slice(headings[index].line, end?.line ?? lines.length).join('\n');
}

describe('README.md, the guide in English', () => {
	it(`is under ${MAX_WORDS} words`, () => {
		const words = README.split(/\s+/).filter(Boolean).length;
		assert.ok(words < MAX_WORDS, `${words} words`);
	});

	for (const vendor of VENDORS) {
		it(`${vendor}: the credential with its picture, a first workflow with its output, common errors`, () => {
			assert.match(sectionOf(3, `${vendor}: credential`), /!\[[^\]]+\]\(docs\/images\/credential-/);
			const first = sectionOf(3, `${vendor}: first workflow`);
			assert.match(first, /\]\(examples\/[^)]+\.json\)/);
			assert.match(first, /!\[[^\]]+\]\(docs\/images\/first-workflow-/);
			assert.match(sectionOf(3, `${vendor}: common errors`), /^\| What you see \| What to do \|$/m);
		});
	}

	it('links its reference pages: fault model, queue mode, speed', () => {
		for (const page of ['docs/behaviour.md', 'docs/queue-mode.md', 'docs/speed.md'])
			assert.ok(README.includes(`](${page})`), page);
	});
});
