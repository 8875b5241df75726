import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { RecordChange } from '../../sandbox/bitrix24/portal-state';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, mapped } from './crm-fixture';

describe('Bitrix24 Smart Process Item, Task and User', () => {
	const b24 = useBitrix24();

	const run = crmRunner(b24);
	const changes = () => {
		const seen: RecordChange[] = [];
		b24.simulator.portal.onRecordChange((change) => seen.push(change));
		return seen;
	};

	test('smart process items: create in the chosen process (camelCase fields kept), get, update, delete', async () => {
		const seen = changes();
		const process = { entityTypeId: 1032 };
		const created = await run('smartProcessItem', 'create', {
			...process,
			fields: mapped({ title: 'Доставка в Тверь', ufCrm5Weight: 120 }),
		});
		const id = (created.items[0].json as { id: number }).id;
		const got = await run('smartProcessItem', 'get', {
			...process,
			recordId: {
				__rl: true,
				mode: 'url',
				value: `${b24.baseUrl}/crm/type/1032/details/${id}/`,
			},
		});
		const updated = await run('smartProcessItem', 'update', {
			...process,
			recordId: byId(id),
			fields: mapped({ opportunity: 900 }),
		});
		const deleted = await run('smartProcessItem', 'delete', { ...process, recordId: byId(id) });

		assert.equal(created.error, undefined);
		assert.equal(created.items[0].json.title, 'Доставка в Тверь');
		assert.equal(got.items[0].json.ufCrm5Weight, 120);
		assert.equal(updated.items[0].json.opportunity, 900);
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.deepEqual(
			seen.map((change) => [change.event, change.fields.ENTITY_TYPE_ID]),
			[
				['ONCRMDYNAMICITEMADD', '1032'],
				['ONCRMDYNAMICITEMUPDATE', '1032'],
				['ONCRMDYNAMICITEMDELETE', '1032'],
			],
		);
	});

	test('smart process Get Many reads items through the >id chain with the items key', async () => {
		const result = await run('smartProcessItem', 'getAll', { entityTypeId: 1032, returnAll: true });

		assert.deepEqual(
			result.items.map((item) => item.json.id),
			[1, 2, 3],
		);
		const body = JSON.parse(b24.restCalls()[0].body) as { cmd: Record<string, string> };
		assert.match(decodeURIComponent(body.cmd.p1), /\$result\[p0\]\[items\]\[49\]\[id\]/);
	});

	test('a smart process that is not a number fails the item plainly', async () => {
		const result = await run('smartProcessItem', 'getAll', { entityTypeId: 'abc' });

		assert.match(String(result.error?.message), /is not a smart process ID/);
		assert.equal(b24.restCalls().length, 0);
	});

	test('tasks: create, complete, Get Many by the chain, delete; each change announced', async () => {
		const seen = changes();
		const created = await run('task', 'create', {
			fields: mapped({ TITLE: 'Отправить КП', RESPONSIBLE_ID: 15 }),
		});
		const id = String(created.items[0].json.id);
		const completed = await run('task', 'complete', { recordId: byId(id) });
		const listed = await run('task', 'getAll', {
			returnAll: true,
			filters: { conditions: [{ field: 'RESPONSIBLE_ID', operator: '=', value: '15' }] },
		});
		const deleted = await run('task', 'delete', { recordId: byId(id) });

		assert.equal(created.items[0].json.title, 'Отправить КП');
		assert.equal(completed.items[0].json.status, '5');
		assert.deepEqual(
			listed.items.map((item) => item.json.id),
			[id],
		);
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.deepEqual(
			seen.map((change) => change.event),
			['ONTASKADD', 'ONTASKUPDATE', 'ONTASKDELETE'],
		);
	});

	test('users: Get by ID, Get Many active users, Get Current once for many items', async () => {
		const one = await run('user', 'get', { userId: byId(15) });
		const many = await run('user', 'getAll', { returnAll: true });
		const before = b24.restCalls().length;
		const current = await run('user', 'getCurrent', {}, [{}, {}, {}]);

		assert.equal(one.items[0].json.NAME, 'Иван');
		assert.deepEqual(
			many.items.map((item) => item.json.ID),
			['1', '15', '27'],
		);
		assert.equal(current.items.length, 3);
		assert.equal(current.items[2].json.ID, '1');
		assert.equal(b24.restCalls().length - before, 1);
	});

	test('a user that does not exist is a clear error', async () => {
		const result = await run('user', 'get', { userId: byId(999) });

		assert.equal(result.error?.message, 'Bitrix24 has no user 999');
	});
});
