import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { useBitrix24 } from './bitrix24-fixture';
import { crmRunner, mapped } from './crm-fixture';

describe('Bitrix24 CRM: Find by Phone or Email, Create or Update', () => {
	const b24 = useBitrix24();

	const run = crmRunner(b24);
	const methodsOf = (index: number) =>
		Object.values(
			(JSON.parse(b24.restCalls()[index].body) as { cmd: Record<string, string> }).cmd,
		).map((command) => command.split('?')[0]);

	test('Find by Phone matches whatever the formatting and returns the whole contact; none found gives no item', async () => {
		const result = await run(
			'contact',
			'findByPhoneOrEmail',
			{ searchBy: 'PHONE', values: '={{ $json.phone }}' },
			[{ phone: '89991234567' }, { phone: '+7 000 000-00-00' }, { phone: '+7 (912) 000 11 22' }],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.NAME, item.json.PHONE, item.pairedItem]),
			[
				['Мария', '+7 (999) 123-45-67', { item: 0 }],
				['Пётр', '+7 912 000-11-22', { item: 2 }],
			],
		);
		assert.equal(b24.restCalls().length, 2, 'one batch of searches, one batch of reads');
		assert.deepEqual(methodsOf(0), Array(3).fill('crm.duplicate.findbycomm'));
	});

	test('Find by Phone returns every match when more records share the phone than a page holds', async () => {
		const store = b24.simulator.portal.crm.contact;
		const added = Array.from({ length: 120 }, (_, index) =>
			store.add({
				NAME: `Дубль ${index}`,
				PHONE: [{ VALUE: '+7 955 000-00-55', VALUE_TYPE: 'WORK' }],
			}),
		);

		const result = await run('contact', 'findByPhoneOrEmail', {
			searchBy: 'PHONE',
			values: '89550000055',
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => Number(item.json.ID)),
			added,
			'each once, in ID order',
		);
		assert.equal(b24.restCalls().length, 2, 'one batch of searches, one batch of reads');
		assert.deepEqual(methodsOf(1), Array(3).fill('crm.contact.list'));
	});

	test('Find by Email without values fails the item before anything is sent', async () => {
		const result = await run('lead', 'findByPhoneOrEmail', { searchBy: 'EMAIL', values: ' ' });

		assert.match(String(result.error?.message), /"Values" in item 0 is empty/);
		assert.equal(b24.restCalls().length, 0);
	});

	test('Create or Update updates the contact with that phone, adding only the e-mail it lacks', async () => {
		const result = await run('contact', 'upsert', {
			matchBy: 'phoneOrEmail',
			fields: mapped({
				POST: 'Директор',
				PHONE: '8 999 123 45 67',
				EMAIL: 'maria@work.example.ru',
			}),
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { ID: '1', created: false });
		const contact = b24.simulator.portal.crm.contact.find(1);
		assert.equal(contact.POST, 'Директор');
		assert.equal(contact.PHONE.length, 1, 'the phone it has is not added twice');
		assert.deepEqual(
			contact.EMAIL.map((entry: IDataObject) => entry.VALUE),
			['maria@example.ru', 'maria@work.example.ru'],
		);
	});

	test('web-form leads: new people become leads, two submissions from one phone make one lead', async () => {
		const input = [
			{ name: 'Олег', phone: '+7 901 000-00-01' },
			{ name: 'Олег', phone: '89010000001', email: 'oleg@example.ru' },
			{ name: 'Антон', phone: '+7 921 300 40 50' },
		];

		const result = await run(
			'lead',
			'upsert',
			{
				matchBy: 'phoneOrEmail',
				fields: mapped({
					TITLE: '={{ "Заявка: " + $json.name }}',
					NAME: '={{ $json.name }}',
					PHONE: '={{ $json.phone }}',
					EMAIL: '={{ $json.email ?? "" }}',
				}),
			},
			input,
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json),
			[
				{ ID: '3', created: true },
				{ ID: '3', created: false },
				{ ID: '1', created: false },
			],
		);
		const oleg = b24.simulator.portal.crm.lead.find(3);
		assert.equal(oleg.PHONE.length, 1);
		assert.equal(oleg.EMAIL[0].VALUE, 'oleg@example.ru');
		assert.equal(b24.simulator.portal.crm.lead.rows().length, 3);
		// The field list once; wave 1: find, read the match, write; wave 2 (the second Олег): the same.
		assert.equal(b24.restCalls().length, 7);
	});

	test('Create or Update by a field creates a company when no record holds that value', async () => {
		const created = await run('company', 'upsert', {
			matchBy: 'field',
			matchField: 'TITLE',
			fields: mapped({ TITLE: 'ООО «Новая»', REVENUE: 10 }),
		});
		const updated = await run('company', 'upsert', {
			matchBy: 'field',
			matchField: 'TITLE',
			fields: mapped({ TITLE: 'ООО «Новая»', REVENUE: 20 }),
		});

		assert.deepEqual(created.items[0].json, { ID: '3', created: true });
		assert.deepEqual(updated.items[0].json, { ID: '3', created: false });
		assert.equal(b24.simulator.portal.crm.company.find(3).REVENUE, '20');
	});

	test('a Create or Update write batch whose connection drops is not sent again', async () => {
		// ratio 1/3 hits the third request: the field list and the search go through, the write is cut off.
		b24.simulator.injectFault({ reset: true, ratio: 1 / 3, times: 1 });

		const result = await run('lead', 'upsert', {
			matchBy: 'phone',
			fields: mapped({ TITLE: 'Новый', PHONE: '+7 900 555 55 55' }),
		});

		assert.equal(b24.restCalls().length, 3);
		assert.match(String(result.error?.description ?? result.error?.message), /may have/i);
	});
});
