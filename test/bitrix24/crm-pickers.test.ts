import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	ResourceMapperFields,
} from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { bitrix24DemoCredentials, createBitrix24Simulator } from '../../sandbox/bitrix24';
import { N8nHarness } from '../harness/n8n-harness';

/**
 * The Bitrix24 node under another name whose listSearch entries call its resource mapper and
 * load-options methods, so the harness runs them in n8n's LoadOptionsContext as the editor does.
 */
class PickerProbe implements INodeType {
	private readonly node = new Bitrix24();
	description = {
		...this.node.description,
		name: 'bitrix24PickerProbe',
		usableAsTool: true as const,
	};
	methods = {
		listSearch: {
			searchRecords: this.node.methods.listSearch.searchRecords,
			async createColumns(this: ILoadOptionsFunctions) {
				const fields = await new Bitrix24().methods.resourceMapping.getCreateFields.call(this);
				return fields as unknown as INodeListSearchResult;
			},
			async updateColumns(this: ILoadOptionsFunctions) {
				const fields = await new Bitrix24().methods.resourceMapping.getUpdateFields.call(this);
				return fields as unknown as INodeListSearchResult;
			},
			async listFields(this: ILoadOptionsFunctions) {
				const options = await new Bitrix24().methods.loadOptions.getListFields.call(this);
				return { results: options } as unknown as INodeListSearchResult;
			},
			async smartProcesses(this: ILoadOptionsFunctions) {
				const options = await new Bitrix24().methods.loadOptions.getSmartProcesses.call(this);
				return { results: options } as unknown as INodeListSearchResult;
			},
		},
	};
}

describe('Bitrix24 CRM pickers: mapper columns, record lists', () => {
	const simulator = createBitrix24Simulator();
	const harness = new N8nHarness({ nodes: [new PickerProbe()] });
	let credential = '';
	let rest = '';

	before(async () => {
		const baseUrl = await simulator.start();
		const { bitrix24WebhookApi } = bitrix24DemoCredentials(baseUrl);
		rest = bitrix24WebhookApi.secretWebhookUrl;
		credential = harness.addCredential('bitrix24WebhookApi', bitrix24WebhookApi);
	});
	beforeEach(() => simulator.reset());
	after(async () => await simulator.stop());

	const probe = (parameters: INodeParameters) => ({
		type: 'bitrix24PickerProbe',
		parameters: { authentication: 'webhook', ...parameters },
		credentials: { bitrix24WebhookApi: credential },
	});
	const columns = async (parameters: INodeParameters, method = 'createColumns') =>
		(await harness.listSearch(probe(parameters), method)) as unknown as ResourceMapperFields;
	const restCalls = () => simulator.requests.filter((request) => request.path.startsWith('/rest/'));

	test('deal columns come from crm.deal.fields with titles, types and the items of list fields, in one request', async () => {
		const { fields } = await columns({ resource: 'deal', operation: 'create' });

		assert.equal(restCalls().length, 1);
		const byId = new Map(fields.map((field) => [field.id, field]));
		assert.equal(byId.get('OPPORTUNITY')?.displayName, 'Сумма (OPPORTUNITY)');
		assert.equal(byId.get('OPPORTUNITY')?.type, 'number');
		assert.equal(byId.get('CLOSEDATE')?.type, 'dateTime');
		// Stages of every pipeline, named with their pipeline.
		assert.deepEqual(byId.get('STAGE_ID')?.options?.[3], {
			name: 'Общая: Сделка успешна',
			value: 'WON',
		});
		assert.equal(byId.get('SOURCE_ID')?.displayName, 'Источник (SOURCE_ID)');
		assert.equal(byId.has('ID'), false, 'read-only fields are not offered');
		assert.equal(byId.has('DATE_CREATE'), false);
	});

	test('60 sources are all offered: crm.status.list is read to its last page, in 2 requests', async () => {
		for (let n = 1; n <= 55; n++) {
			simulator.portal.directories.statuses.push({
				ENTITY_ID: 'SOURCE',
				STATUS_ID: `PARTNER_${n}`,
				NAME: `Партнёр ${n}`,
			});
		}

		const { fields } = await columns({ resource: 'deal', operation: 'create' });

		const sources = fields.find((field) => field.id === 'SOURCE_ID')?.options ?? [];
		assert.equal(sources.length, 60);
		assert.deepEqual(sources.at(-1), { name: 'Партнёр 55', value: 'PARTNER_55' });
		assert.equal(restCalls().length, 2, 'the first pages together, then the rest');
	});

	test('the Stage column offers the stages of every pipeline; Pipeline and Responsible offer names', async () => {
		const { fields } = await columns({ resource: 'deal', operation: 'create' });
		const byId = new Map(fields.map((field) => [field.id, field]));

		assert.deepEqual(
			byId.get('STAGE_ID')?.options?.map((option) => option.value),
			[
				'NEW',
				'PREPARATION',
				'EXECUTING',
				'WON',
				'LOSE',
				'C1:NEW',
				'C1:PREPARATION',
				'C1:WON',
				'C1:LOSE',
			],
		);
		assert.deepEqual(byId.get('STAGE_ID')?.options?.[5], {
			name: 'Доставка: Заявка',
			value: 'C1:NEW',
		});
		assert.deepEqual(byId.get('CATEGORY_ID')?.options, [
			{ name: 'Общая', value: '0' },
			{ name: 'Доставка', value: '1' },
		]);
		assert.deepEqual(byId.get('ASSIGNED_BY_ID')?.options?.[1], {
			name: 'Иван Петров (15)',
			value: '15',
		});
		assert.equal(byId.get('CONTACT_IDS')?.type, 'array');
		const update = await columns({ resource: 'deal', operation: 'update' }, 'updateColumns');
		assert.equal(
			update.fields.some((field) => field.id === 'CATEGORY_ID'),
			false,
			'a deal does not change pipeline by update (the field is immutable)',
		);
	});

	test('task columns ask only for what tasks.task.add needs, and offer users for Responsible', async () => {
		const { fields } = await columns({ resource: 'task', operation: 'create' });
		const byId = new Map(fields.map((field) => [field.id, field]));

		assert.deepEqual(
			fields.filter((field) => field.required).map((field) => field.id),
			['TITLE', 'RESPONSIBLE_ID'],
		);
		assert.equal(byId.get('CREATED_BY')?.required, false);
		assert.equal(byId.get('DEADLINE')?.type, 'dateTime');
		assert.deepEqual(byId.get('RESPONSIBLE_ID')?.options?.[2], {
			name: 'Ольга Кузнецова (27)',
			value: '27',
		});
		assert.deepEqual(byId.get('PRIORITY')?.options?.[2], { name: 'Высокий', value: '2' });
		assert.equal(byId.has('CREATED_DATE'), false, 'what the portal fills itself is not offered');
		assert.equal(byId.has('STATUS'), false);
	});

	test('a user field created on the portal appears in the mapper with its label, list items and required flag', async () => {
		const created = await fetch(`${rest}crm.deal.userfield.add.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				fields: {
					FIELD_NAME: 'DELIVERY',
					USER_TYPE_ID: 'enumeration',
					EDIT_FORM_LABEL: 'Способ доставки',
					MANDATORY: 'Y',
					LIST: [{ VALUE: 'Курьер' }, { VALUE: 'Самовывоз' }],
				},
			}),
		});
		assert.equal(created.status, 200);

		const create = await columns({ resource: 'deal', operation: 'create' });
		const update = await columns({ resource: 'deal', operation: 'update' }, 'updateColumns');

		const field = create.fields.find((column) => column.id === 'UF_CRM_DELIVERY');
		assert.equal(field?.displayName, 'Способ доставки (UF_CRM_DELIVERY)');
		assert.equal(field?.required, true);
		assert.equal(field?.type, 'options');
		assert.deepEqual(
			field?.options?.map((option) => option.name),
			['Курьер', 'Самовывоз'],
		);
		assert.equal(
			update.fields.find((column) => column.id === 'UF_CRM_DELIVERY')?.required,
			false,
			'Update asks for no field',
		);

		const removed = await fetch(`${rest}crm.deal.userfield.delete.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: ((await created.json()) as { result: number }).result }),
		});
		assert.equal(removed.status, 200);
		const after = await columns({ resource: 'deal', operation: 'create' });
		assert.equal(
			after.fields.some((column) => column.id === 'UF_CRM_DELIVERY'),
			false,
			'a deleted user field leaves the mapper',
		);
	});

	test('company title is required on Create, as crm.company.fields says; contact offers phone and e-mail', async () => {
		const company = await columns({ resource: 'company', operation: 'create' });
		const contact = await columns({ resource: 'contact', operation: 'create' });

		assert.equal(company.fields.find((field) => field.id === 'TITLE')?.required, true);
		const phone = contact.fields.find((field) => field.id === 'PHONE');
		assert.equal(phone?.displayName, 'Телефон (PHONE)');
		assert.equal(phone?.type, 'string');
	});

	test('From List names deals by title, newest first, pages by next, and searches the title', async () => {
		const first = await harness.listSearch(
			probe({ resource: 'deal', operation: 'get' }),
			'searchRecords',
		);
		const search = await harness.listSearch(
			probe({ resource: 'deal', operation: 'get' }),
			'searchRecords',
			'#11',
		);

		assert.equal(first.results.length, 50);
		assert.deepEqual(first.results[0], { name: 'Сделка #120 (120)', value: '120' });
		assert.equal(first.paginationToken, '50');
		assert.deepEqual(
			search.results.map((result) => result.value),
			['119', '118', '117', '116', '115', '114', '113', '112', '111', '110', '11'],
		);
	});

	test('contacts are named by first and last name; the field list feeds filters and sorting', async () => {
		const contacts = await harness.listSearch(
			probe({ resource: 'contact', operation: 'get' }),
			'searchRecords',
		);
		const fields = (await harness.listSearch(
			probe({ resource: 'contact', operation: 'getAll' }),
			'listFields',
		)) as unknown as { results: INodePropertyOptions[] };

		assert.deepEqual(contacts.results.at(-1), { name: 'Мария Иванова (1)', value: '1' });
		assert.ok(
			fields.results.some((field) => field.value === 'PHONE' && field.name === 'Телефон (PHONE)'),
		);
	});
});
