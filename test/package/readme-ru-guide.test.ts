import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { loadPackageCredentials, loadPackageNodes } from '../harness/package-loader';
import { ROOT } from './packed-package';
import { headingsOf } from './readme-anchors';

const GUIDE = readFileSync(join(ROOT, 'README.ru.md'), 'utf8');
const LINES = GUIDE.split('\n');

/** The guide's vendor sections, by their `##` heading. */
const VENDORS = ['ATI.SU', 'ERA', 'Битрикс24', '1С-Коннект', 'Oktell'];

/** The `###` parts every vendor section has: `### <vendor>: <words>`. */
const PARTS = {
	automate: 'что можно автоматизировать',
	credential: 'учётные данные',
	firstWorkflow: 'первый сценарий за пять минут',
	errors: 'частые ошибки',
};

/** Words a no-code reader need not know (issue 32). */
const JARGON = ['XDTO', 'ValueTable', 'leaky bucket', 'static data', '>ID', 'start=-1', 'mack'];

/** The text from a heading to the next heading of the same or a higher level. */
function sectionText(level: number, title: string): string | undefined {
	const headings = headingsOf(GUIDE);
	const index = headings.findIndex((heading) => heading.level === level && heading.text === title);
	if (index < 0) return undefined;
	const end = headings.slice(index + 1).find((heading) => heading.level <= level);
	return LINES.slice(headings[index].line, end?.line ?? LINES.length).join('\n');
}

function partOf(vendor: string, words: string): string {
	const section = sectionText(2, vendor);
	assert.ok(section, `README.ru.md has no section "## ${vendor}"`);
	const title = `${vendor}: ${words}`;
	const part = sectionText(3, title);
	assert.ok(part && section.includes(part), `the ${vendor} section has no part "### ${title}"`);
	return part;
}

describe('README.ru.md, the guide in Russian', () => {
	it('is linked from the top of README.md', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const firstLine = readme.split('\n').find((line) => line.trim() !== '');
		assert.match(firstLine ?? '', /\]\(README\.ru\.md\)/);
	});

	for (const vendor of VENDORS) {
		describe(vendor, () => {
			it('says what can be automated', () => {
				assert.match(partOf(vendor, PARTS.automate), /\*\*[^*]+\*\*/, 'names the node in bold');
			});

			it('gets the credential step by step, in the n8n form the pack has', () => {
				const part = partOf(vendor, PARTS.credential);
				assert.match(part, /^1\. /m, 'numbered steps');
				assert.match(part, /^2\. /m, 'numbered steps');
				assert.match(part, /\*\*Create credential\*\* → \*\*/, "where n8n's form is");
			});

			it('has a first workflow: an example file to import, what to run, its output', () => {
				const part = partOf(vendor, PARTS.firstWorkflow);
				const example = /\]\(((?:examples|docs)\/[^)]+\.json)\)/.exec(part);
				assert.ok(example, 'links an example workflow');
				assert.ok(existsSync(join(ROOT, example[1])), `${example[1]} exists`);
				assert.match(part, /Execute workflow|\*\*Publish\*\*/, 'says how to run it');
				assert.match(part, /```json\n[\s\S]+?```/, 'shows the output');
			});

			it('lists common errors and what to do', () => {
				assert.match(partOf(vendor, PARTS.errors), /^\| Что видно \| Что делать \|$/m);
			});

			it("shows the filled-in credential form, the node and the first workflow's output", () => {
				const pictures = (part: string) =>
					[...part.matchAll(/!\[[^\]]+\]\((docs\/images\/[^)]+\.png)\)/g)].map((found) => found[1]);
				for (const [words, shows] of [
					[PARTS.automate, 'node'],
					[PARTS.credential, 'credential'],
					[PARTS.firstWorkflow, 'first-workflow'],
				]) {
					const shown = pictures(partOf(vendor, words));
					assert.ok(
						shown.some((file) => file.startsWith(`docs/images/${shows}-`)),
						`"${vendor}: ${words}" shows the ${shows} (docs/images/${shows}-…): ${shown.join(', ')}`,
					);
				}
			});
		});
	}

	it('covers installing, the sandbox and the choice of Bitrix24 trigger', () => {
		for (const title of ['Установка', 'Песочница: попробовать всё без учётной записи у поставщика'])
			assert.ok(sectionText(2, title), `## ${title}`);
		for (const title of [
			'С экрана Community Nodes',
			'Через npm в `~/.n8n/nodes`',
			'Docker',
			'Режим очереди (queue mode)',
			'Какой триггер Битрикс24 выбрать',
		])
			assert.ok(sectionText(3, title), `### ${title}`);
		assert.match(GUIDE, /npm start/);
	});

	it("names every node and credential of the pack as n8n's panel shows it", () => {
		const names = [
			...[...loadPackageNodes().values()].map((node) => node.description.displayName),
			...[...loadPackageCredentials().values()].map((credential) => credential.displayName),
		];
		assert.ok(names.length >= 12, names.join(', '));
		assert.deepEqual(
			names.filter((name) => !GUIDE.includes(`**${name}**`)),
			[],
		);
	});

	it('has a part with the form of every trigger of the pack', () => {
		const triggers = [...loadPackageNodes().values()]
			.map((node) => node.description)
			.filter((description) => description.group.includes('trigger'));
		assert.ok(triggers.length >= 8, triggers.map((trigger) => trigger.displayName).join(', '));
		for (const trigger of triggers) {
			const part = sectionText(3, trigger.displayName) ?? sectionText(4, trigger.displayName);
			assert.ok(part, `README.ru.md has no part "### ${trigger.displayName}"`);
			assert.match(part, /!\[[^\]]+\]\(docs\/images\/node-[^)]+\.png\)/, trigger.displayName);
		}
	});

	it('lists every example workflow, by its file', () => {
		const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.json'));
		assert.deepEqual(
			examples.filter((name) => !GUIDE.includes(`(examples/${name})`)),
			[],
		);
	});

	it('uses none of the internal jargon', () => {
		assert.deepEqual(
			JARGON.filter((word) => GUIDE.includes(word)),
			[],
		);
	});
});
