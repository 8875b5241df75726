import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { descriptionNames } from './contract/description-names';

// Taken from main before the CRM resources were derived from the record kinds (2026-12-07).
const before = JSON.parse(
	readFileSync(join(__dirname, 'contract', 'bitrix24-names-before.json'), 'utf8'),
) as Record<string, Record<string, string[]>>;

test('every resource, operation and parameter name a saved workflow may hold is still offered unchanged', () => {
	const now = descriptionNames(new Bitrix24().description);
	for (const [resource, operations] of Object.entries(before)) {
		assert.ok(now[resource], `resource ${resource} is still offered`);
		assert.deepEqual(
			Object.keys(now[resource]).sort(),
			Object.keys(operations).sort(),
			`the operations of ${resource}`,
		);
		for (const [operation, names] of Object.entries(operations)) {
			assert.deepEqual(now[resource][operation], names, `${resource} → ${operation}`);
		}
	}
});
