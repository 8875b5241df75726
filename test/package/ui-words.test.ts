import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

import { loadPackageCredentials, loadPackageNodes } from '../harness/package-loader';
import { ROOT } from './packed-package';

/** Words a no-code user need not know (issue 32); a vendor term gets its Russian word instead. */
const JARGON = [
	/XDTO/,
	/ValueTable/,
	/leaky bucket/i,
	/static data/i,
	/>ID/,
	/start=-1/,
	/\bmack\b/,
];

function jargonIn(text: string): string[] {
	return JARGON.filter((word) => word.test(text)).map(String);
}

/** Every text a node or credential form shows: names, descriptions, hints, placeholders, actions. */
function shownTexts(value: unknown, path: string, found: Array<[string, string]>): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => shownTexts(entry, `${path}[${index}]`, found));
		return;
	}
	if (!value || typeof value !== 'object') return;
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		const where = `${path}.${key}`;
		if (
			typeof entry === 'string' &&
			['displayName', 'name', 'description', 'hint', 'placeholder', 'action', 'subtitle'].includes(
				key,
			)
		)
			found.push([where, entry]);
		else shownTexts(entry, where, found);
	}
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/**
 * Sentences in the source (string and template literals with words and spaces), which is where
 * error messages and hints are written; wire values (`ValueTable`, `>ID`) have no spaces.
 */
function sentencesIn(path: string): Array<[string, string]> {
	const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
	const found: Array<[string, string]> = [];
	const visit = (node: ts.Node): void => {
		let text: string | undefined;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
		else if (ts.isTemplateExpression(node))
			text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
		if (text !== undefined && /[A-Za-z]{2,}\s+\S+\s+\S+/.test(text)) {
			const { line } = file.getLineAndCharacterOfPosition(node.getStart());
			found.push([`${relative(ROOT, path)}:${line + 1}`, text]);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

describe('words the user sees', () => {
	it('no node or credential form uses the internal jargon', () => {
		const texts: Array<[string, string]> = [];
		for (const [name, node] of loadPackageNodes()) shownTexts(node.description, name, texts);
		for (const [name, credential] of loadPackageCredentials()) shownTexts(credential, name, texts);
		assert.ok(texts.length > 500, `only ${texts.length} texts found`);
		assert.deepEqual(
			texts.filter(([, text]) => jargonIn(text).length > 0),
			[],
		);
	});

	it('no message, hint or description written in nodes/ or credentials/ uses it', () => {
		const sentences = ['nodes', 'credentials'].flatMap((dir) =>
			sourceFiles(join(ROOT, dir)).flatMap(sentencesIn),
		);
		assert.ok(sentences.length > 500, `only ${sentences.length} sentences found`);
		assert.deepEqual(
			sentences.filter(([, text]) => jargonIn(text).length > 0),
			[],
		);
	});
});
