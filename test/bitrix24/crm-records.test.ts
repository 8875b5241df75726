import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import type { RecordChange } from '../../sandbox/bitrix24/portal-state';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, mapped } from './crm-fixture';

interface BatchBody {
	halt: number;
	cmd: Record<string, string>;
}

describe('Bitrix24 CRM records: Deal, Lead, Contact, Company', () => {
	const b24 = useBitrix24();

	const run = crmRunner(b24);
	const batches = () =>
		b24.restCalls().map((call) => {
			assert.match(call.path, /\/batch\.json$/);
			return JSON.parse(call.body) as BatchBody;
		});
	const changes = () => {
		const seen: RecordChange[] = [];
		b24.simulator.portal.onRecordChange((change) => seen.push(change));
		return seen;
	};

	test('Create over 120 items reads the field list once, then sends 3 batch requests, creates each deal once and announces each', async () => {
		const seen = changes();
		const input = Array.from({ length: 120 }, (_, index) => ({ title: `Заказ ${index}` }));

		const result = await run(
			'deal',
			'create',
			{
				fields: mapped({ TITLE: '={{ $json.title }}', OPPORTUNITY: 500, STAGE_ID: 'WON' }),
			},
			input,
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			batches().map((body) => Object.keys(body.cmd).length),
			[1, 50, 50, 20],
		);
		assert.match(Object.values(batches()[0].cmd)[0], /^crm\.deal\.fields/);
		assert.equal(result.items.length, 120);
		assert.deepEqual(result.items[0].json, { ID: 121 });
		assert.deepEqual(result.items[119].pairedItem, { item: 119 });
		const deals = b24.simulator.portal.deals.slice(120);
		assert.deepEqual(
			deals.map((deal) => deal.TITLE),
			input.map((item) => item.title),
		);
		assert.equal(deals[0].OPPORTUNITY, '500');
		assert.equal(seen.filter((change) => change.event === 'ONCRMDEALADD').length, 120);
	});

	test('a contact created from plain phone and e-mail text gets Bitrix24 multi-fields of the chosen type', async () => {
		const result = await run('contact', 'create', {
			fields: mapped({
				NAME: 'Ирина',
				PHONE: '+7 900 111-22-33, +7 900 111-22-44',
				EMAIL: 'irina@example.ru',
			}),
			options: { phoneType: 'MOBILE' },
		});

		assert.equal(result.error, undefined);
		const contact = b24.simulator.portal.crm.contact.find(result.items[0].json.ID);
		assert.deepEqual(
			contact.PHONE.map((entry: IDataObject) => [entry.VALUE, entry.VALUE_TYPE]),
			[
				['+7 900 111-22-33', 'MOBILE'],
				['+7 900 111-22-44', 'MOBILE'],
			],
		);
		assert.equal(contact.EMAIL[0].VALUE_TYPE, 'WORK');
	});

	test('Get takes the record by URL, and Simplify flattens multi-fields and drops empty ones', async () => {
		const url = { __rl: true, mode: 'url', value: `${b24.baseUrl}/crm/contact/details/1/` };
		const simple = await run('contact', 'get', { recordId: url });
		const raw = await run('contact', 'get', { recordId: url, simplify: false });

		assert.equal(simple.error, undefined);
		assert.equal(simple.items[0].json.PHONE, '+7 (999) 123-45-67');
		assert.equal('SECOND_NAME' in simple.items[0].json, false);
		assert.deepEqual((raw.items[0].json.PHONE as IDataObject[])[0].VALUE_TYPE, 'MOBILE');
		assert.equal(raw.items[0].json.SECOND_NAME, null);
	});

	test('Get over 75 items takes 2 batch requests; a missing record fails only its own item', async () => {
		const input = Array.from({ length: 75 }, (_, index) => ({
			id: index === 3 ? 9999 : index + 1,
		}));

		const result = await run('deal', 'get', { recordId: '={{ $json.id }}' }, input, true);

		assert.equal(b24.restCalls().length, 2);
		assert.equal(result.items.length, 75);
		assert.equal(result.items[0].json.ID, '1');
		assert.match(String(result.items[3].json.error), /Not found/);
		assert.equal(result.items[74].json.ID, '75');
	});

	test('a record ID that is not a number fails its item before anything is sent', async () => {
		const result = await run('deal', 'get', { recordId: '={{ $json.id }}' }, [{ id: 'abc' }]);

		assert.match(String(result.error?.message), /"Deal" in item 0 is not a deal ID: "abc"/);
		assert.equal(b24.restCalls().length, 0);
	});

	test('Update changes the fields and announces it; Delete returns {deleted: true} and announces it', async () => {
		const seen = changes();
		const updated = await run('deal', 'update', {
			recordId: byId(7),
			fields: mapped({ TITLE: 'Новое имя', OPPORTUNITY: '' }),
		});
		const deleted = await run('deal', 'delete', { recordId: byId(8) });

		assert.deepEqual(updated.items[0].json, { ID: '7', updated: true });
		assert.equal(b24.simulator.portal.crm.deal.find(7).TITLE, 'Новое имя');
		assert.equal(
			b24.simulator.portal.crm.deal.find(7).OPPORTUNITY,
			'7000.00',
			'an empty form field changes nothing',
		);
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.throws(() => b24.simulator.portal.crm.deal.find(8));
		assert.deepEqual(
			seen.map((change) => [change.event, change.fields.ID]),
			[
				['ONCRMDEALUPDATE', '7'],
				['ONCRMDEALDELETE', '8'],
			],
		);
	});

	test('a Create batch whose connection drops is not sent again: it may have been made', async () => {
		// ratio 0.5 hits the second request: the field list is read, the write is cut off.
		b24.simulator.injectFault({ reset: true, ratio: 0.5, times: 1 });

		const result = await run('lead', 'create', { fields: mapped({ TITLE: 'Лид' }) });

		assert.equal(b24.restCalls().length, 2);
		assert.match(String(result.error?.description ?? result.error?.message), /may have/i);
	});

	test('a Get batch whose connection drops is sent again: it only reads', async () => {
		b24.simulator.injectFault({ reset: true, times: 1 });

		const result = await run('deal', 'get', { recordId: byId(1) });

		assert.equal(result.error, undefined);
		assert.equal(b24.restCalls().length, 2);
	});

	test('Get Many Return All reads 10,000 deals in 5 requests through the >ID chain, each once', async () => {
		b24.simulator.portal.setDealCount(10_000);

		const result = await run('deal', 'getAll', { returnAll: true, simplify: false });

		assert.equal(result.error, undefined);
		const bodies = batches();
		assert.equal(bodies.length, 5);
		assert.deepEqual(
			bodies.map((body) => Object.keys(body.cmd).length),
			[50, 50, 50, 50, 50],
		);
		assert.match(bodies[0].cmd.p0, /start=-1/);
		assert.match(decodeURIComponent(bodies[0].cmd.p1), /filter\[>ID\]=\$result\[p0\]\[49\]\[ID\]/);
		assert.match(decodeURIComponent(bodies[1].cmd.p0), /filter\[>ID\]=2500&/);
		const ids = result.items.map((item) => Number(item.json.ID));
		assert.equal(ids.length, 10_000);
		assert.deepEqual(
			ids,
			Array.from({ length: 10_000 }, (_, index) => index + 1),
		);
	});

	test('records added while Return All pages are each read once, none lost', async () => {
		b24.simulator.portal.setDealCount(3_000);
		const table = b24.simulator.portal.crm.deal;
		const rows = table.rows;
		let reads = 0;
		Object.assign(table, {
			rows: () => {
				if (++reads === 60) for (let n = 0; n < 30; n++) table.add({ TITLE: `Новая ${n}` });
				return rows();
			},
		});

		const result = await run('deal', 'getAll', { returnAll: true });
		Object.assign(table, { rows });

		const ids = result.items.map((item) => Number(item.json.ID));
		assert.equal(new Set(ids).size, ids.length, 'no row twice');
		assert.deepEqual(
			ids,
			Array.from({ length: 3_030 }, (_, index) => index + 1),
		);
		assert.equal(b24.restCalls().length, 2);
	});

	test('Limit 120 is one request of 3 chained pages; filters are built from field, operator and value', async () => {
		const limited = await run('deal', 'getAll', { limit: 120 });
		const filtered = await run('deal', 'getAll', {
			returnAll: true,
			filters: {
				conditions: [
					{ field: 'STAGE_ID', operator: '@', value: 'WON, LOSE' },
					{ field: 'OPPORTUNITY', operator: '>=', value: '100000' },
				],
			},
			options: {
				fieldSet: 'selected',
				select: ['TITLE', 'STAGE_ID'],
				rawFilter: '{"!ASSIGNED_BY_ID": "15"}',
			},
		});

		assert.equal(limited.items.length, 120);
		assert.equal(Object.keys(batches()[0].cmd).length, 3);
		const rows = filtered.items.map((item) => item.json);
		assert.ok(rows.length > 0);
		for (const row of rows) {
			assert.deepEqual(Object.keys(row).sort(), ['ID', 'STAGE_ID', 'TITLE']);
			assert.ok(['WON', 'LOSE'].includes(String(row.STAGE_ID)));
		}
		const expected = b24.simulator.portal.deals.filter(
			(deal) =>
				['WON', 'LOSE'].includes(deal.STAGE_ID) &&
				Number(deal.OPPORTUNITY) >= 100000 &&
				deal.ASSIGNED_BY_ID !== '15',
		);
		assert.deepEqual(
			rows.map((row) => row.ID),
			expected.map((deal) => deal.ID),
		);
	});

	test('Return All sorted by another field reads by the >ID chain and sorts in n8n: none skipped when a read record is deleted', async () => {
		b24.simulator.portal.setDealCount(2_550);
		const table = b24.simulator.portal.crm.deal;
		const rows = table.rows;
		let reads = 0;
		// After the first pages are read, the deal with the largest amount (read first by
		// start= offsets, OPPORTUNITY DESC) is deleted: offsets would then skip one row.
		Object.assign(table, {
			rows: () => {
				if (++reads === 60) table.delete(2550);
				return rows();
			},
		});

		const result = await run('deal', 'getAll', {
			returnAll: true,
			simplify: false,
			options: { orderBy: 'OPPORTUNITY', orderDirection: 'DESC' },
		});
		Object.assign(table, { rows });

		assert.equal(result.error, undefined);
		const ids = result.items.map((item) => Number(item.json.ID));
		assert.equal(new Set(ids).size, ids.length, 'no row twice');
		const expected = Array.from({ length: 2_550 }, (_, index) => 2_550 - index);
		assert.deepEqual(
			ids.filter((id) => id !== 2550),
			expected.filter((id) => id !== 2550),
			'every deal but the deleted one, largest amount first',
		);
		const calls = b24.restCalls();
		assert.equal(calls.length, 2);
		assert.ok(calls.every((call) => call.path.endsWith('/batch.json')));
	});

	test('Get Many returns phones, e-mails and custom fields by default; Fields to Return adds to them', async () => {
		b24.simulator.portal.crm.contact.addUserField({ FIELD_NAME: 'CITY', USER_TYPE_ID: 'string' });
		b24.simulator.portal.crm.contact.update(1, { UF_CRM_CITY: 'Тверь' });

		const all = await run('contact', 'getAll', { limit: 1 });
		const added = await run('contact', 'getAll', { limit: 1, options: { select: ['POST'] } });
		const only = await run('contact', 'getAll', {
			limit: 1,
			options: { fieldSet: 'selected', select: ['NAME'] },
		});

		assert.equal(all.items[0].json.PHONE, '+7 (999) 123-45-67');
		assert.equal(all.items[0].json.EMAIL, 'maria@example.ru');
		assert.equal(all.items[0].json.UF_CRM_CITY, 'Тверь');
		assert.equal(all.items[0].json.NAME, 'Мария');
		assert.equal(added.items[0].json.PHONE, '+7 (999) 123-45-67');
		assert.deepEqual(only.items[0].json, { ID: '1', NAME: 'Мария' });
	});

	test('bad filter JSON fails the item plainly before anything is sent', async () => {
		const result = await run('deal', 'getAll', { options: { rawFilter: '{stage' } });

		assert.match(String(result.error?.message), /"Filter \(JSON\)" in item 0 is not valid JSON/);
		assert.equal(b24.restCalls().length, 0);
	});
});
