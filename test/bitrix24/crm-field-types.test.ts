import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { bitrix24DemoCredentials } from '../../sandbox/bitrix24';
import { storedFiles } from '../../sandbox/bitrix24/crm/field-storage';
import { connectSdk } from './b24-sdk';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, mapped, sentFields } from './crm-fixture';

/**
 * The field-type matrix: for every type Bitrix24 reports in crm.deal.fields, the value a user
 * enters → the wire form the node sends (read back with the simulator's own PHP query parser)
 * → what the portal stores and Get gives → Get's output entered into Update unchanged.
 * The wire forms follow api-reference/data-types.md and api-reference/crm/data-types.md of
 * Bitrix24's REST docs; the simulator stores only what its type can take, so a wrong form shows
 * as a lost value. Bitrix24's JS SDK writing the same deal as its docs show is the oracle.
 */
const ACT = Buffer.from('%PDF-1.4 акт выполненных работ');

interface Row {
	field: string;
	entered: unknown;
	wire: unknown;
	stored: unknown;
	/** The same value as a developer following the REST docs sends it through the SDK. */
	sdk: unknown;
}

const shippedAt = DateTime.fromISO('2026-12-31T18:00:00+05:00', { setZone: true });

function matrix(methodItemId: string): Row[] {
	return [
		{ field: 'TITLE', entered: 'Поставка', wire: 'Поставка', stored: 'Поставка', sdk: 'Поставка' },
		{ field: 'OPPORTUNITY', entered: '1 500,50', wire: '1500.5', stored: '1500.5', sdk: 1500.5 },
		{ field: 'CURRENCY_ID', entered: 'usd', wire: 'USD', stored: 'USD', sdk: 'USD' },
		{
			field: 'CLOSEDATE',
			entered: "={{ DateTime.fromISO('2026-12-31T23:30:00', { zone: 'Asia/Vladivostok' }) }}",
			wire: '2026-12-31',
			stored: '2026-12-31T00:00:00+03:00',
			sdk: '2026-12-31',
		},
		{
			field: 'BEGINDATE',
			entered: '01.12.2026',
			wire: '2026-12-01',
			stored: '2026-12-01T00:00:00+03:00',
			sdk: '2026-12-01',
		},
		{ field: 'CLOSED', entered: true, wire: 'Y', stored: 'Y', sdk: 'Y' },
		{ field: 'CATEGORY_ID', entered: 'Доставка', wire: '1', stored: '1', sdk: 1 },
		{
			field: 'STAGE_ID',
			entered: 'Расчёт доставки',
			wire: 'C1:PREPARATION',
			stored: 'C1:PREPARATION',
			sdk: 'C1:PREPARATION',
		},
		{ field: 'ASSIGNED_BY_ID', entered: 'иван петров', wire: '15', stored: '15', sdk: 15 },
		{ field: 'CONTACT_IDS', entered: '1, 2', wire: ['1', '2'], stored: ['1', '2'], sdk: [1, 2] },
		{ field: 'SOURCE_ID', entered: 'Звонок', wire: 'CALL', stored: 'CALL', sdk: 'CALL' },
		{
			field: 'UF_CRM_AMOUNT',
			entered: '1500.5 rub',
			wire: '1500.5|RUB',
			stored: '1500.5|RUB',
			sdk: '1500.5|RUB',
		},
		{ field: 'UF_CRM_PAID', entered: 'да', wire: '1', stored: '1', sdk: 1 },
		{
			field: 'UF_CRM_SHIPPED',
			entered: "={{ DateTime.fromISO('2026-12-31T18:00:00+05:00', { setZone: true }) }}",
			wire: '2026-12-31T18:00:00+05:00',
			stored: '2026-12-31T16:00:00+03:00',
			sdk: 'toB24Format',
		},
		{
			// No offset: read in the workflow's time zone (Asia/Yekaterinburg, +05:00, in this test).
			field: 'UF_CRM_CALLED',
			entered: '31.12.2026 18:00',
			wire: '2026-12-31T18:00:00+05:00',
			stored: '2026-12-31T16:00:00+03:00',
			sdk: '2026-12-31T18:00:00+05:00',
		},
		{
			field: 'UF_CRM_DUE',
			entered: '2026-12-25',
			wire: '2026-12-25',
			stored: '2026-12-25T00:00:00+03:00',
			sdk: '2026-12-25',
		},
		{
			field: 'UF_CRM_METHOD',
			entered: 'самовывоз',
			wire: methodItemId,
			stored: methodItemId,
			sdk: methodItemId,
		},
		{ field: 'UF_CRM_MANAGER', entered: 27, wire: '27', stored: '27', sdk: 27 },
		{
			field: 'UF_CRM_LINKS',
			entered: '={{ ["C_1", "CO_2"] }}',
			wire: ['C_1', 'CO_2'],
			stored: ['C_1', 'CO_2'],
			sdk: ['C_1', 'CO_2'],
		},
		{
			field: 'UF_CRM_SITE',
			entered: 'https://example.ru/',
			wire: 'https://example.ru/',
			stored: 'https://example.ru/',
			sdk: 'https://example.ru/',
		},
		{
			field: 'UF_CRM_ADDRESS',
			entered: 'Москва, Тверская 1|55.76;37.61',
			wire: 'Москва, Тверская 1|55.76;37.61',
			stored: 'Москва, Тверская 1|55.76;37.61',
			sdk: 'Москва, Тверская 1|55.76;37.61',
		},
		{
			field: 'UF_CRM_TAGS',
			entered: '["опт", "срочно"]',
			wire: ['опт', 'срочно'],
			stored: ['опт', 'срочно'],
			sdk: ['опт', 'срочно'],
		},
		{ field: 'UF_CRM_WEIGHT', entered: 12.5, wire: '12.5', stored: '12.5', sdk: 12.5 },
		{ field: 'UF_CRM_COUNT', entered: '7', wire: '7', stored: '7', sdk: 7 },
		{
			field: 'UF_CRM_CHANNEL',
			entered: 'Веб-сайт',
			wire: 'WEB',
			stored: 'WEB',
			sdk: 'WEB',
		},
		{
			field: 'UF_CRM_ACT',
			entered: 'data',
			wire: { fileData: ['act.pdf', ACT.toString('base64')] },
			stored: 'file',
			sdk: { fileData: ['act.pdf', ACT.toString('base64')] },
		},
	];
}

describe('Bitrix24 CRM field types: the form → the wire → the portal → Get → the form', () => {
	const b24 = useBitrix24();
	const run = crmRunner(b24);

	const addUserFields = () => {
		const table = b24.simulator.portal.crm.deal;
		const add = (name: string, type: string, extra: IDataObject = {}) =>
			table.addUserField({ FIELD_NAME: name, USER_TYPE_ID: type, EDIT_FORM_LABEL: name, ...extra });
		add('AMOUNT', 'money');
		add('PAID', 'boolean');
		add('SHIPPED', 'datetime');
		add('CALLED', 'datetime');
		add('DUE', 'date');
		add('METHOD', 'enumeration', { LIST: [{ VALUE: 'Курьер' }, { VALUE: 'Самовывоз' }] });
		add('MANAGER', 'employee');
		add('LINKS', 'crm', { MULTIPLE: 'Y' });
		add('SITE', 'url');
		add('ADDRESS', 'address');
		add('TAGS', 'string', { MULTIPLE: 'Y' });
		add('WEIGHT', 'double');
		add('COUNT', 'integer');
		add('CHANNEL', 'crm_status', { SETTINGS: { ENTITY_TYPE: 'SOURCE' } });
		add('ACT', 'file');
		const fields = table.fields();
		return String(fields.UF_CRM_METHOD.items?.find((item) => item.VALUE === 'Самовывоз')?.ID);
	};

	const lastWriteFields = (method: string) => sentFields(b24, method) ?? {};

	const storedOf = (record: IDataObject, row: Row) => {
		const value = record[row.field];
		if (row.stored !== 'file') return value;
		const file = storedFiles.get(Number((value as IDataObject).id));
		return { name: file?.name, content: file?.content.toString('base64') };
	};

	test('every type: entered → wire → stored; Get → Update gives the same record back', async () => {
		const methodItemId = addUserFields();
		const rows = matrix(methodItemId);
		b24.harness.timezone = 'Asia/Yekaterinburg';
		const item: INodeExecutionData = {
			json: {},
			binary: {
				data: { data: ACT.toString('base64'), mimeType: 'application/pdf', fileName: 'act.pdf' },
			},
		};

		const created = await b24.harness.runNodeOnItems(
			b24.node({
				resource: 'deal',
				operation: 'create',
				fields: mapped(
					Object.fromEntries(rows.map((row) => [row.field, row.entered])) as IDataObject,
				),
			}),
			[item],
		);
		assert.equal(created.error, undefined, created.error?.description ?? created.error?.message);
		const wire = lastWriteFields('crm.deal.add');
		const id = Number(created.items[0].json.ID);
		const record = b24.simulator.portal.crm.deal.find(id);
		for (const row of rows) {
			assert.deepEqual(wire[row.field], row.wire, `${row.field} is sent as the docs give its type`);
			if (row.stored !== 'file')
				assert.deepEqual(record[row.field], row.stored, `${row.field} is stored`);
		}
		assert.deepEqual(storedOf(record, rows.at(-1) as Row), {
			name: 'act.pdf',
			content: ACT.toString('base64'),
		});
		assert.deepEqual(b24.simulator.portal.crm.deal.refused, [], 'the portal took every value');

		// Get's output, mapped field by field into Update, changes nothing.
		const got = await run('deal', 'get', { recordId: byId(id), simplify: false });
		const before = structuredClone(record);
		const updated = await run(
			'deal',
			'update',
			{
				recordId: byId(id),
				fields: mapped(
					Object.fromEntries(rows.map((row) => [row.field, `={{ $json.${row.field} }}`])),
				),
			},
			[got.items[0].json],
		);
		assert.equal(updated.error, undefined, updated.error?.description ?? updated.error?.message);
		const after = b24.simulator.portal.crm.deal.find(id);
		for (const row of rows) {
			assert.deepEqual(after[row.field], before[row.field], `${row.field} survives Get → Update`);
		}
		assert.equal(
			lastWriteFields('crm.deal.update').UF_CRM_ACT,
			undefined,
			'the file the deal holds is left as it is',
		);
		assert.deepEqual(b24.simulator.portal.crm.deal.refused, []);
		b24.harness.timezone = undefined;
	});

	test("the node stores what Bitrix24's JS SDK stores when it writes the same deal as the REST docs show it", async () => {
		const methodItemId = addUserFields();
		const rows = matrix(methodItemId);
		b24.harness.timezone = 'Asia/Yekaterinburg';
		const sdk = await connectSdk(
			bitrix24DemoCredentials(b24.baseUrl).bitrix24WebhookApi.secretWebhookUrl,
		);
		try {
			const fields = Object.fromEntries(
				rows.map((row) => [
					row.field,
					row.sdk === 'toB24Format' ? sdk.Text.toB24Format(shippedAt) : row.sdk,
				]),
			);
			const reply = await sdk.hook.actions.v2.batch.make({
				calls: { add: { method: 'crm.deal.add', params: { fields } } },
				options: { isHaltOnError: true },
			});
			const sdkId = Number(reply.getData().add);
			const created = await b24.harness.runNodeOnItems(
				b24.node({
					resource: 'deal',
					operation: 'create',
					fields: mapped(
						Object.fromEntries(rows.map((row) => [row.field, row.entered])) as IDataObject,
					),
				}),
				[
					{
						json: {},
						binary: {
							data: {
								data: ACT.toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'act.pdf',
							},
						},
					},
				],
			);
			assert.equal(created.error, undefined);

			const bySdk = b24.simulator.portal.crm.deal.find(sdkId);
			const byNode = b24.simulator.portal.crm.deal.find(Number(created.items[0].json.ID));
			for (const row of rows) {
				assert.deepEqual(
					storedOf(byNode, row),
					storedOf(bySdk, row),
					`${row.field} as the SDK writes it`,
				);
			}
			assert.deepEqual(b24.simulator.portal.crm.deal.refused, []);
		} finally {
			sdk.restore();
			b24.harness.timezone = undefined;
		}
	});
});
