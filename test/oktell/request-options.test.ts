import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { Oktell } from '../../nodes/Oktell/Oktell.node';
import { OktellTrigger } from '../../nodes/Oktell/OktellTrigger.node';
import { scriptDeadlineMs } from '../../nodes/Oktell/actions/parameters/request-options';

const DOWNLOADS = [
	'file.download',
	'file.downloadRecordByLink',
	'file.downloadShared',
	'user.getAvatar',
	'serviceScript.executePlain',
];

/** Each resource.operation with the names of the options its Options collection offers. */
function optionsByOperation(properties: INodeProperties[]): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const property of properties) {
		if (property.name !== 'options') continue;
		const show = property.displayOptions?.show ?? {};
		for (const resource of (show.resource as string[]) ?? [])
			for (const operation of (show.operation as string[]) ?? [])
				found.set(
					`${resource}.${operation}`,
					(property.options as INodeProperties[]).map((option) => option.name),
				);
	}
	return found;
}

describe('Oktell request options', () => {
	test('every operation has Max Parallel Requests and a Timeout; the ones that bring back files a Max Download Size', () => {
		const properties = new Oktell().description.properties;
		const found = optionsByOperation(properties);
		const operations = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ value: string }>).map(
					(option) => `${(property.displayOptions?.show?.resource as string[])[0]}.${option.value}`,
				),
			);
		assert.equal(operations.length, 25);
		for (const operation of operations) {
			const expected = DOWNLOADS.includes(operation)
				? ['maxReplySize', 'maxParallelRequests', 'timeout']
				: ['maxParallelRequests', 'timeout'];
			assert.deepEqual(found.get(operation), expected, operation);
		}
	});

	test('the trigger has a Timeout', () => {
		const options = new OktellTrigger().description.properties.find((p) => p.name === 'options');
		assert.deepEqual(
			(options?.options as INodeProperties[]).map((option) => option.name),
			['timeout'],
		);
	});

	test("a script run waits at least the script's own timeout plus its margin", () => {
		assert.equal(scriptDeadlineMs({}, 15_000), 15_000);
		assert.equal(scriptDeadlineMs({ timeoutMs: 60_000 }, 15_000), 60_000);
		assert.equal(scriptDeadlineMs({ timeoutMs: 5_000 }, 15_000), 15_000);
		assert.equal(scriptDeadlineMs({ timeoutMs: 5_000 }, undefined), 5_000);
		assert.equal(scriptDeadlineMs({}, undefined), undefined);
	});
});
