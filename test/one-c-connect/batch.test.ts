import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
const SIDOROV = 'x74f2212-ed24-49b9-8bb1-xx5822033abx';

function rowsPerCall(bodies: string[]): number[] {
	return bodies.map((body) => (body.match(/<v8:row>/g) ?? []).length);
}

describe('1C-Connect: Add/Edit/Delete batch across input items', () => {
	const oneC = useOneC();

	test(
		'1,000 items make exactly 10 ClientAdd calls of 100 rows, each result back to its item',
		{ timeout: 120_000 },
		async () => {
			const input = Array.from({ length: 1000 }, (_, index) => ({ name: `Клиент ${index}` }));

			const result = await oneC.run('client', 'create', { name: '={{ $json.name }}' }, input);

			assert.equal(result.error, undefined);
			assert.deepEqual(oneC.operations(), Array(10).fill('ClientAdd'));
			assert.deepEqual(
				rowsPerCall(oneC.simulator.requests.map((request) => request.body)),
				Array(10).fill(100),
			);
			assert.equal(result.items.length, 1000);
			result.items.forEach((item, index) => {
				assert.deepEqual(item.pairedItem, { item: index });
				assert.equal(item.json.Name, `Клиент ${index}`);
				assert.match(String(item.json.ClientID), /^[0-9a-f-]{36}$/);
			});
			assert.equal(oneC.simulator.objects('Client').length, 1002);
		},
	);

	test('ServiceKindDelete goes 50 rows per call, as the vendor limits it: 120 items → 50, 50, 20', async () => {
		const input = Array.from({ length: 120 }, (_, index) => ({ name: `Вид ${index}` }));
		const created = await oneC.run('serviceKind', 'create', { name: '={{ $json.name }}' }, input);
		oneC.simulator.clearRequests();

		const deleted = await oneC.run(
			'serviceKind',
			'delete',
			{ serviceKindID: '={{ $json.ServiceKindID }}' },
			created.items.map((item) => item.json),
		);

		assert.equal(deleted.error, undefined);
		assert.deepEqual(
			rowsPerCall(oneC.simulator.requests.map((request) => request.body)),
			[50, 50, 20],
		);
		assert.equal(deleted.items.length, 120);
		assert.deepEqual(deleted.items[119].json, { deleted: true });
	});

	test('a bad row fails only its own item; with Continue On Fail the others succeed in the same call', async () => {
		const result = await oneC.run(
			'client',
			'update',
			{ clientID: '={{ $json.id }}', additionalFields: { comment: 'обновлено' } },
			[{ id: ROMASHKA }, { id: 'no-such-client' }, { id: SIDOROV }],
			true,
		);

		assert.deepEqual(oneC.operations(), ['ClientEdit']);
		assert.equal(result.items.length, 3);
		assert.equal(result.items[0].json.Comment, 'обновлено');
		assert.equal(
			result.items[1].json.error,
			'ClientEdit failed: PARAM_NOT_EXIST: ClientID: no Client with no-such-client',
		);
		assert.deepEqual(result.items[1].pairedItem, { item: 1 });
		assert.equal(result.items[2].json.Comment, 'обновлено');
		assert.deepEqual(
			oneC.simulator.objects('Client').map((client) => client.Comment),
			['обновлено', 'обновлено'],
		);
	});

	test('without Continue On Fail a bad row stops the node with its item number', async () => {
		const result = await oneC.run('client', 'delete', { clientID: '={{ $json.id }}' }, [
			{ id: ROMASHKA },
			{ id: 'no-such-client' },
		]);

		assert.match(String(result.error?.message), /^ClientDelete failed: PARAM_NOT_EXIST/);
		assert.equal(result.error?.context.itemIndex, 1);
	});

	test('bad input is caught before sending and fails only that item; the rest still go in one call', async () => {
		const result = await oneC.run(
			'department',
			'create',
			{ name: '={{ $json.name }}' },
			[{ name: 'Бухгалтерия' }, { name: '' }, { name: 'Склад' }],
			true,
		);

		assert.deepEqual(rowsPerCall(oneC.simulator.requests.map((request) => request.body)), [2]);
		assert.equal(result.items[1].json.error, 'Name is required for DepartmentAdd (item 1)');
		assert.deepEqual(
			result.items.map((item) => item.json.Name ?? null),
			['Бухгалтерия', null, 'Склад'],
		);
	});

	test('a value the vendor rejects (Priority of a competence) is that row’s error', async () => {
		const result = await oneC.run(
			'competence',
			'create',
			{
				specialistID: '={{ $json.s }}',
				serviceID: 'line-1c',
				additionalFields: { priority: '={{ $json.p }}' },
			},
			[
				{ s: 'spec-ivanov', p: '1' },
				{ s: 'spec-petrov', p: '9' },
			],
			true,
		);

		assert.equal(result.items[0].json.Priority, '1');
		assert.match(String(result.items[1].json.error), /WRONG_PARAM: Priority: 0 \(observer\)/);
	});

	test('OUT_OF_LIMIT for a whole batch call fails every item of that call with the limit message', async () => {
		oneC.simulator.limits.set({ DepartmentAdd: 0 });

		const result = await oneC.run(
			'department',
			'create',
			{ name: '={{ $json.name }}' },
			[{ name: 'Первый' }, { name: 'Второй' }],
			true,
		);

		assert.equal(oneC.simulator.requests.length, 1, 'not retried');
		assert.deepEqual(
			result.items.map((item) => [item.json.error, item.pairedItem]),
			[
				[
					'DepartmentAdd failed: OUT_OF_LIMIT: Превышен лимит вызовов операции DepartmentAdd в час',
					{ item: 0 },
				],
				[
					'DepartmentAdd failed: OUT_OF_LIMIT: Превышен лимит вызовов операции DepartmentAdd в час',
					{ item: 1 },
				],
			],
		);
	});
});
