import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, mapped, sentFields } from './crm-fixture';

describe('Bitrix24 CRM writes: phones and e-mails, pipelines, bad input, tasks', () => {
	const b24 = useBitrix24();
	const run = crmRunner(b24);
	const contact = (id: number) => b24.simulator.portal.crm.contact.find(id);
	const values = (entries: IDataObject[]) => entries.map((entry) => entry.VALUE);

	test('a sync workflow that updates a contact twice leaves each phone and e-mail on it once', async () => {
		const sync = async () =>
			await run('contact', 'update', {
				recordId: byId(1),
				fields: mapped({
					PHONE: '8 (999) 123-45-67, +7 912 765-43-21',
					EMAIL: 'MARIA@example.ru, maria@work.example.ru',
				}),
			});

		const first = await sync();
		const second = await sync();

		assert.equal(first.error, undefined);
		assert.equal(second.error, undefined);
		assert.deepEqual(values(contact(1).PHONE), ['+7 (999) 123-45-67', '+7 912 765-43-21']);
		assert.deepEqual(values(contact(1).EMAIL), ['maria@example.ru', 'maria@work.example.ru']);
		assert.equal(contact(1).PHONE[0].ID, '10', 'the entry the contact had keeps its ID');
	});

	test('Create or Update run twice by phone also leaves each phone once', async () => {
		const upsert = async () =>
			await run('contact', 'upsert', {
				matchBy: 'phone',
				fields: mapped({ NAME: 'Мария', PHONE: '+79991234567, +7 912 765 43 21' }),
			});

		await upsert();
		await upsert();

		assert.deepEqual(values(contact(1).PHONE), ['+7 (999) 123-45-67', '+7 912 765 43 21']);
	});

	test('Get → Update with Map Automatically writes the contact back unchanged, phones not doubled', async () => {
		b24.simulator.portal.crm.contact.addUserField({ FIELD_NAME: 'BORN', USER_TYPE_ID: 'date' });
		b24.simulator.portal.crm.contact.update(1, {
			UF_CRM_BORN: '1990-05-17',
			BIRTHDATE: '1990-05-17',
		});
		const before = structuredClone(contact(1));

		for (const simplify of [false, true]) {
			const got = await run('contact', 'get', { recordId: byId(1), simplify });
			const updated = await run(
				'contact',
				'update',
				{ recordId: byId(1), fields: { mappingMode: 'autoMapInputData', value: null } },
				[got.items[0].json],
			);
			assert.equal(updated.error, undefined, updated.error?.message);
			const sent = sentFields(b24, 'crm.contact.update');
			assert.deepEqual(
				[sent?.NAME, sent?.UF_CRM_BORN, sent?.BIRTHDATE, sent?.ID, sent?.DATE_CREATE],
				['Мария', '1990-05-17', '1990-05-17', undefined, undefined],
				'the fields are sent, what the portal fills itself is not',
			);
		}

		const after = contact(1);
		assert.deepEqual({ ...after, DATE_MODIFY: '' }, { ...before, DATE_MODIFY: '' });
		assert.deepEqual(b24.simulator.portal.crm.contact.refused, []);
	});

	test('Replace Existing Values leaves exactly the phones given, keeping the entry that matches', async () => {
		const replace = async (phones: string) =>
			await run('contact', 'update', {
				recordId: byId(1),
				fields: mapped({ PHONE: phones }),
				options: { replaceExistingValues: true, phoneType: 'MOBILE' },
			});

		await replace('89991234567, +7 900 000-00-00');
		assert.deepEqual(
			contact(1).PHONE.map((entry: IDataObject) => [entry.ID === '10', entry.VALUE]),
			[
				[true, '+7 (999) 123-45-67'],
				[false, '+7 900 000-00-00'],
			],
		);
		await replace('+7 900 000-00-00');
		assert.deepEqual(values(contact(1).PHONE), ['+7 900 000-00-00']);
		assert.deepEqual(values(contact(1).EMAIL), ['maria@example.ru'], 'e-mails not given stay');
	});

	test('a deal is created in a second pipeline from one of its stages, by ID or by name', async () => {
		const result = await run(
			'deal',
			'create',
			{ fields: mapped({ TITLE: '={{ $json.title }}', STAGE_ID: '={{ $json.stage }}' }) },
			[
				{ title: 'По ID', stage: 'C1:NEW' },
				{ title: 'По имени', stage: 'Доставка: Отказ' },
			],
		);

		assert.equal(result.error, undefined);
		const [byStageId, byName] = result.items.map((item) =>
			b24.simulator.portal.crm.deal.find(Number(item.json.ID)),
		);
		assert.deepEqual([byStageId.CATEGORY_ID, byStageId.STAGE_ID], ['1', 'C1:NEW']);
		assert.deepEqual([byName.CATEGORY_ID, byName.STAGE_ID], ['1', 'C1:LOSE']);
	});

	test('a stage given by expression that the saved form does not list is still sent: the options may be out of date', async () => {
		b24.simulator.portal.directories.statuses.push({
			ENTITY_ID: 'DEAL_STAGE_1',
			STATUS_ID: 'C1:PAID',
			NAME: 'Оплачено',
			CATEGORY_ID: '1',
		});
		const saved = {
			mappingMode: 'defineBelow',
			value: { TITLE: 'Новая стадия', STAGE_ID: '={{ $json.stage }}' },
			schema: [
				{
					id: 'TITLE',
					displayName: 'Название (TITLE)',
					type: 'string',
					display: true,
					required: false,
					defaultMatch: false,
				},
				{
					id: 'STAGE_ID',
					displayName: 'Стадия сделки (STAGE_ID)',
					type: 'options',
					options: [{ name: 'Общая: Новая', value: 'NEW' }],
					display: true,
					required: false,
					defaultMatch: false,
				},
			],
		};

		const result = await run('deal', 'create', { fields: saved }, [{ stage: 'C1:PAID' }]);

		assert.equal(result.error, undefined, result.error?.message);
		const deal = b24.simulator.portal.crm.deal.find(Number(result.items[0].json.ID));
		assert.deepEqual([deal.CATEGORY_ID, deal.STAGE_ID], ['1', 'C1:PAID']);
	});

	test('bad values fail their own item with the field title, its code and what to enter; the rest are created', async () => {
		const result = await run(
			'deal',
			'create',
			{
				fields: mapped({
					TITLE: '={{ $json.title }}',
					CLOSEDATE: '={{ $json.close }}',
					STAGE_ID: '={{ $json.stage }}',
					CURRENCY_ID: '={{ $json.currency }}',
				}),
			},
			[
				{ title: 'Хорошая', close: '2026-12-31', stage: 'WON', currency: 'RUB' },
				{ title: 'Дата', close: 'завтра', stage: 'WON', currency: 'RUB' },
				{ title: 'Стадия', close: '2026-12-31', stage: 'Почти выиграна', currency: 'RUB' },
				{ title: 'Валюта', close: '2026-12-31', stage: 'WON', currency: 'рубли' },
			],
			true,
		);

		const errors = result.items.map((item) => item.json.error as string | undefined);
		assert.equal(errors[0], undefined);
		assert.equal(errors[1], '"Дата завершения" (CLOSEDATE) in item 1 is not a date: "завтра"');
		assert.match(
			String(errors[2]),
			/^"Стадия сделки" \(STAGE_ID\) in item 2 is not one of its options: "Почти выиграна"/,
		);
		assert.equal(errors[3], '"Валюта" (CURRENCY_ID) in item 3 is not a currency code: "рубли"');
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }],
		);
		assert.equal(b24.simulator.portal.deals.at(-1)?.TITLE, 'Хорошая');
		assert.equal(b24.simulator.portal.deals.length, 121, 'only the good item was created');
	});

	test('a bad value without Continue On Fail names the item and says what to enter', async () => {
		const result = await run('deal', 'create', {
			fields: mapped({ TITLE: 'Сделка', OPPORTUNITY: 'много' }),
		});

		assert.equal(result.error?.message, '"Сумма" (OPPORTUNITY) in item 0 is not a number: "много"');
		assert.match(String(result.error?.description), /Enter a number such as 1500\.50/);
		assert.equal(b24.simulator.portal.deals.length, 120);
	});

	test('a smart process item takes its stage by name and its dates in the form crm.item takes them', async () => {
		const result = await run('smartProcessItem', 'create', {
			entityTypeId: 1032,
			fields: mapped({
				title: 'Доставка в Казань',
				stageId: 'Доставлена',
				begindate: "={{ DateTime.fromISO('2026-12-01T00:30:00', { zone: 'Asia/Vladivostok' }) }}",
				opportunity: '2 500',
			}),
		});

		assert.equal(result.error, undefined, result.error?.message);
		const item = b24.simulator.portal.smartProcesses.item(
			b24.simulator.portal.smartProcesses.type(1032),
			result.items[0].json.id,
		);
		assert.deepEqual(
			[item.stageId, item.categoryId, item.begindate, item.opportunity],
			['DT1032_1:SUCCESS', 1, '2026-12-01T00:00:00+03:00', 2500],
		);
		assert.deepEqual(b24.simulator.portal.smartProcesses.refused, []);
	});

	test('a task is created without a creator (tasks.task.add needs only a title and a responsible user)', async () => {
		const result = await run('task', 'create', {
			fields: mapped({
				TITLE: 'Позвонить',
				RESPONSIBLE_ID: 'Ольга Кузнецова',
				DEADLINE: "={{ DateTime.fromISO('2026-12-30T17:00:00+03:00', { setZone: true }) }}",
			}),
		});

		assert.equal(result.error, undefined, result.error?.message);
		const task = b24.simulator.portal.tasks.find(result.items[0].json.id);
		assert.deepEqual(
			[task.responsibleId, task.createdBy, task.deadline],
			['27', '1', '2026-12-30T17:00:00+03:00'],
		);
		const missing = await run('task', 'create', { fields: mapped({ TITLE: 'Без исполнителя' }) });
		assert.match(
			String(missing.error?.message),
			/"Исполнитель" \(RESPONSIBLE_ID\) in item 0 is required and has no value/,
		);
	});
});
