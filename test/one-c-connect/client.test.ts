import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';

describe('1C-Connect: Client', () => {
	const clock = { now: Date.parse('2024-03-01T09:00:00Z') };
	beforeEach(() => (clock.now = Date.parse('2024-03-01T09:00:00Z')));
	const oneC = useOneC({ now: () => clock.now });

	test('Create sends one ClientAdd ValueTable and returns each client with its new ClientID', async () => {
		const result = await oneC.run(
			'client',
			'create',
			{ name: '={{ $json.name }}', additionalFields: { iNN: '={{ $json.inn }}' } },
			[
				{ name: 'ООО «Берёзка»', inn: '7709876543' },
				{ name: 'АО "Ель & Сосна"', inn: '7801234567' },
			],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(oneC.operations(), ['ClientAdd']);
		assert.match(oneC.simulator.requests[0].body, /xsi:type="v8:ValueTable"/);
		assert.equal(result.items.length, 2);
		assert.equal(result.items[1].json.Name, 'АО "Ель & Сосна"');
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		const stored = oneC.simulator.objects('Client');
		for (const item of result.items) {
			const created = stored.find((client) => client.ClientID === item.json.ClientID);
			assert.equal(created?.Name, item.json.Name);
			assert.equal(created?.INN, item.json.INN);
		}
	});

	test('Get Many reads clients back with typed columns; Limit and Return All apply', async () => {
		const limited = await oneC.run('client', 'getMany', { limit: 1 });
		assert.equal(limited.items.length, 1);

		const all = await oneC.run('client', 'getMany', { returnAll: true });
		assert.equal(all.error, undefined);
		assert.deepEqual(
			all.items.map((item) => [item.json.ClientID, item.json.Name, item.json.Deleted]),
			[
				[ROMASHKA, 'ООО «Ромашка»', false],
				['x74f2212-ed24-49b9-8bb1-xx5822033abx', 'ИП Сидоров', false],
			],
		);
	});

	test('Get Many with Changed From returns only what changed since, deletions included', async () => {
		clock.now = Date.parse('2024-03-01T10:00:00Z');
		await oneC.run('client', 'delete', { clientID: ROMASHKA });

		const result = await oneC.run('client', 'getMany', {
			returnAll: true,
			filters: { changedFrom: '2024-03-01T09:30:00' },
		});
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.ClientID, item.json.Deleted]),
			[[ROMASHKA, true]],
		);
		assert.match(
			oneC.simulator.requests.at(-1)?.body ?? '',
			/<v8:Property name="ChangedFrom"><v8:Value xsi:type="xs:dateTime">2024-03-01T09:30:00<\/v8:Value>/,
		);
	});

	test('Update changes the client; Delete returns {deleted: true}', async () => {
		const updated = await oneC.run('client', 'update', {
			clientID: ROMASHKA,
			additionalFields: { name: 'ООО «Ромашка-2»', comment: '<b>VIP</b>' },
		});
		assert.equal(updated.error, undefined);
		assert.equal(updated.items[0].json.Name, 'ООО «Ромашка-2»');
		assert.equal(oneC.simulator.objects('Client')[0].Comment, '<b>VIP</b>');

		const deleted = await oneC.run('client', 'delete', { clientID: ROMASHKA });
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.equal(oneC.simulator.objects('Client')[0].Deleted, true);
	});

	test('Get ITS Status, Set Client Manager and Set Service Manager act on the client', async () => {
		const status = await oneC.run('client', 'getItsStatus', { clientID: ROMASHKA });
		assert.equal(status.items[0].json.ITSStatus, 'ACTIVE');
		assert.equal(status.items[0].json.ExpiresDate, '2030-01-01T00:00:00');

		await oneC.run('client', 'setClientManager', {
			clientID: ROMASHKA,
			specialistID: 'spec-ivanov',
		});
		const service = await oneC.run('client', 'setServiceManager', {
			clientID: ROMASHKA,
			specialistID: 'spec-petrov',
		});
		assert.deepEqual(service.items[0].json, { success: true });
		const client = oneC.simulator.objects('Client')[0];
		assert.equal(client.ClientManagerID, 'spec-ivanov');
		assert.equal(client.ServiceManagerID, 'spec-petrov');
	});

	test('an unknown client is a clear item error naming the ResultCode', async () => {
		const result = await oneC.run('client', 'getItsStatus', { clientID: 'nobody' });
		assert.equal(
			result.error?.message,
			'ClientITSStatus failed: PARAM_NOT_EXIST: ClientID: no client with ID nobody',
		);
	});
});
