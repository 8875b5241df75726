import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { INodeProperties } from 'n8n-workflow';

import { loadPackageCredentials } from '../harness/package-loader';
import { anchorOf } from './readme-anchors';

/** Words and addresses of this repository's simulators, which users of the package never see. */
const DEVELOPER_ONLY = /sandbox|simulator|127\.0\.0\.1|localhost|\b18\d{3}\b/i;

function shippedText(field: INodeProperties): string[] {
	const options = (field.options ?? []) as Array<{ name?: string; description?: string }>;
	return [
		field.displayName,
		field.description,
		field.hint,
		field.placeholder,
		...options.flatMap((option) => [option.name, option.description]),
	].filter((text): text is string => typeof text === 'string');
}

describe('credential forms', () => {
	const credentials = loadPackageCredentials();

	it('say nothing about the sandbox and show no local address', () => {
		for (const [name, credential] of credentials) {
			for (const field of credential.properties) {
				for (const text of shippedText(field)) {
					assert.doesNotMatch(text, DEVELOPER_ONLY, `${name}.${field.name}: ${text}`);
				}
			}
		}
	});

	it("explain every field the user fills in, and link each form to the vendor's public page", () => {
		for (const [name, credential] of credentials) {
			const visible = credential.properties.filter((field) => field.type !== 'hidden');
			for (const field of visible) {
				assert.ok(
					(field.description ?? field.hint ?? '').length >= 15,
					`${name}.${field.name} does not say where its value comes from`,
				);
			}
			const links = visible.flatMap((field) =>
				[...`${field.description ?? ''} ${field.hint ?? ''}`.matchAll(/href="([^"]+)"/g)].map(
					(match) => match[1],
				),
			);
			assert.ok(links.length > 0, `${name}: no link to the vendor's page`);
			for (const link of links) assert.match(link, /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, link);
		}
	});

	it("point their documentation link at the Russian guide's section", () => {
		for (const [name, credential] of credentials) {
			const { problem } = anchorOf(String(credential.documentationUrl));
			assert.equal(problem, undefined, `${name}: ${problem}`);
		}
	});
});
