import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';

import { PACKAGE_NAME, loadPackageNodes } from '../harness/package-loader';
import { ROOT } from './packed-package';
import { anchorOf } from './readme-anchors';

/** The categories of n8n's nodes panel (n8n-nodes-base's codex files use these). */
const N8N_CATEGORIES = new Set([
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Developer Tools',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
]);

/** Per node folder: the vendor's name in both scripts and the words users search for. */
const REQUIRED_ALIASES: Record<string, string[]> = {
	Ati: ['ATI', 'АТИ', 'грузоперевозки', 'freight'],
	Era: ['ERA', 'ЭРА', 'контакт-центр'],
	OneCConnect: ['1C', '1С', '1С-Коннект', 'техподдержка', 'обращение'],
	Bitrix24: ['Bitrix24', 'Битрикс24', 'Битрикс'],
	Oktell: ['Oktell', 'Октелл', 'телефония', 'звонок', 'очередь'],
};

/** Search words only some nodes of a vendor need. */
const REQUIRED_BY_NODE: Record<string, string[]> = {
	bitrix24: ['CRM', 'сделка', 'лид', 'deal', 'lead'],
	bitrix24EventTrigger: ['CRM', 'сделка', 'лид', 'контакт', 'событие', 'deal', 'lead'],
	bitrix24OfflineEventTrigger: ['CRM', 'сделка', 'лид', 'контакт', 'событие', 'deal', 'lead'],
};

/** Words that would list a node for what it does not do (the app channel carries no CRM changes). */
const FORBIDDEN_BY_NODE: Record<string, string[]> = {
	bitrix24Trigger: ['CRM', 'црм', 'сделка', 'лид', 'контакт', 'событие', 'deal', 'lead'],
};

interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories: string[];
	alias: string[];
	resources: {
		primaryDocumentation: Array<{ url: string }>;
		credentialDocumentation: Array<{ url: string }>;
	};
}

function codexFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return codexFiles(path);
		return entry.endsWith('.node.json') ? [path] : [];
	});
}

const readCodex = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Codex;

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};

describe('codex files (n8n panel categories, search aliases, documentation links)', () => {
	const nodes = loadPackageNodes();

	it('every node package.json lists has a codex file beside it, naming that node', () => {
		for (const distPath of manifest.n8n.nodes) {
			const path = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.json'));
			assert.ok(existsSync(path), `${distPath} has no codex file ${path}`);
			const codex = readCodex(path);
			assert.ok(nodes.has(codex.node), `${path}: "node" is ${codex.node}, not a node of the pack`);
		}
	});

	it('every codex file sits beside its node source, with the version fields n8n reads', () => {
		for (const path of codexFiles(join(ROOT, 'nodes'))) {
			const source = path.replace(/\.json$/, '.ts');
			assert.ok(existsSync(source), `${path} has no node ${basename(source)} beside it`);
			const codex = readCodex(path);
			assert.match(codex.node, new RegExp(`^${PACKAGE_NAME}\\.[a-zA-Z0-9]+$`));
			assert.equal(codex.nodeVersion, '1.0');
			assert.equal(codex.codexVersion, '1.0');
		}
	});

	it("uses only categories of n8n's nodes panel", () => {
		for (const path of codexFiles(join(ROOT, 'nodes'))) {
			const { categories } = readCodex(path);
			assert.ok(categories.length > 0, `${path}: no category`);
			for (const category of categories) {
				assert.ok(N8N_CATEGORIES.has(category), `${path}: "${category}" is not an n8n category`);
			}
		}
	});

	it('finds each node by the vendor name in Latin and Cyrillic and by the words users type', () => {
		for (const path of codexFiles(join(ROOT, 'nodes'))) {
			const { node, alias } = readCodex(path);
			const vendor = basename(dirname(path));
			const required = [
				...(REQUIRED_ALIASES[vendor] ?? []),
				...(REQUIRED_BY_NODE[node.slice(PACKAGE_NAME.length + 1)] ?? []),
			];
			assert.ok(required.length > 0, `${path}: no required aliases for ${vendor}`);
			const missing = required.filter((word) => !alias.includes(word));
			assert.deepEqual(missing, [], `${path} misses aliases`);
			assert.ok(
				alias.some((word) => /[а-яё]/i.test(word)),
				`${path}: no Russian alias`,
			);
			assert.equal(new Set(alias.map((word) => word.toLowerCase())).size, alias.length, path);
			const misleading = (FORBIDDEN_BY_NODE[node.slice(PACKAGE_NAME.length + 1)] ?? []).filter(
				(word) => alias.some((given) => given.toLowerCase().includes(word.toLowerCase())),
			);
			assert.deepEqual(misleading, [], `${path} lists words for what it does not do`);
		}
	});

	it("links each node and its credential to the Russian guide's sections", () => {
		const problems: string[] = [];
		for (const path of codexFiles(join(ROOT, 'nodes'))) {
			const { primaryDocumentation, credentialDocumentation } = readCodex(path).resources;
			assert.ok(primaryDocumentation.length > 0 && credentialDocumentation.length > 0, path);
			for (const { url } of [...primaryDocumentation, ...credentialDocumentation]) {
				const { problem } = anchorOf(url);
				if (problem) problems.push(`${basename(path)}: ${problem}`);
			}
		}
		assert.deepEqual(problems, []);
	});
});
