import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { RecordChange } from '../../sandbox/bitrix24/portal-state';
import { parsePhpQuery } from '../../sandbox/bitrix24/php-params';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, mapped, plain } from './crm-fixture';

describe('Bitrix24 Quote: a record kind of the universal methods (entityTypeId 7)', () => {
	const b24 = useBitrix24({ limit: { perSecond: 100, burst: 1000 } });
	const run = crmRunner(b24);

	test('create, get by its page, update, Get Many and delete, each call naming entityTypeId 7', async () => {
		const seen: RecordChange[] = [];
		b24.simulator.portal.onRecordChange((change) => seen.push(change));
		const created = await run('quote', 'create', {
			fields: mapped({ title: 'КП: Москва — Тверь', opportunity: 52000 }),
		});
		const id = Number(created.items[0].json.id);
		const got = await run('quote', 'get', {
			recordId: { __rl: true, mode: 'url', value: `${b24.baseUrl}/crm/type/7/details/${id}/` },
		});
		const updated = await run('quote', 'update', {
			recordId: byId(id),
			fields: mapped({ stageId: 'SENT' }),
		});
		const listed = await run('quote', 'getAll', { returnAll: true });
		const deleted = await run('quote', 'delete', { recordId: byId(id) });

		const commands = b24
			.restCalls()
			.flatMap((call) =>
				Object.values((JSON.parse(call.body) as { cmd: Record<string, string> }).cmd),
			)
			.map((cmd) => plain(parsePhpQuery(cmd.split('?')[1])) as Record<string, unknown>);
		assert.equal(created.error, undefined);
		assert.equal(got.items[0].json.title, 'КП: Москва — Тверь');
		assert.equal(got.items[0].json.stageId, 'DRAFT');
		assert.equal(updated.items[0].json.stageId, 'SENT');
		assert.deepEqual(
			listed.items.map((item) => item.json.id),
			[1, id],
		);
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.ok(commands.every((params) => params.entityTypeId === '7'));
		assert.deepEqual(
			seen.map((change) => change.event),
			['ONCRMQUOTEADD', 'ONCRMQUOTEUPDATE', 'ONCRMQUOTEDELETE'],
		);
	});

	test('a quote holds product rows (owner type Q) and is offered as a record type for them', async () => {
		const added = await run('productRow', 'add', {
			ownerType: 'quote',
			ownerId: { __rl: true, mode: 'url', value: `${b24.baseUrl}/crm/quote/show/1/` },
			productName: 'Перевозка',
			price: 45000,
		});
		const picked = await b24.harness.listSearch(
			b24.node({ resource: 'productRow', operation: 'add', ownerType: 'quote' }),
			'searchRecords',
		);

		assert.equal(added.error, undefined);
		assert.equal(added.items[0].json.ownerType, 'Q');
		assert.deepEqual(picked.results, [{ name: 'КП на перевозку (1)', value: '1' }]);
	});

	test('quotes are no smart process: the smart process picker does not offer them', async () => {
		const options = await b24.harness.loadOptions(
			b24.node({ resource: 'smartProcessItem', operation: 'getAll' }),
			'getSmartProcesses',
		);

		assert.deepEqual(
			options.map((option) => option.value),
			[1032],
		);
	});
});
