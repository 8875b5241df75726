import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { POINTS_PATH, useEra } from './era-fixture';

describe('ERA integration point picker (resource locator list search)', () => {
	const era = useEra();
	const search = (filter?: string, paginationToken?: string) =>
		era.harness.listSearch(
			{
				type: 'era',
				parameters: { resource: 'integrationPoint', operation: 'get' },
				credentials: { eraApi: era.credentialId },
			},
			'searchIntegrationPoints',
			filter,
			paginationToken,
		);

	test('lists points as "code (type) — title" with their ids, 100 per page, asking only for the needed fields', async () => {
		era.simulator.seedPoints(150);

		const first = await search();

		assert.equal(first.results.length, 100);
		assert.deepEqual(first.results[0], {
			name: 'ABCDE (public)',
			value: 'b4680fbe-016c-d86f-1d6b-50e54938780c',
		});
		assert.equal(first.paginationToken, '100');
		const second = await search(undefined, first.paginationToken);
		assert.equal(second.results.length, 52);
		assert.equal(second.paginationToken, undefined);
		assert.deepEqual(
			era.simulator.requests.map(
				(request) => `${request.path}?${decodeURIComponent(request.query)}`,
			),
			[
				`${POINTS_PATH}?mask=id,code,type,opts.title&offset=0&limit=100`,
				`${POINTS_PATH}?mask=id,code,type,opts.title&offset=100&limit=100`,
			],
		);
	});

	test('the typed text filters by code, title or id, ignoring case', async () => {
		era.simulator.seedPoints(3, 'shop');

		const result = await search('SHOP-0000');

		assert.deepEqual(
			result.results.map((point) => point.name),
			['shop-00001 (public)', 'shop-00002 (public)', 'shop-00003 (public)'],
		);
	});
});
