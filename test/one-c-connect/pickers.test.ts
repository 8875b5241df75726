import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { OneCConnect } from '../../nodes/OneCConnect/OneCConnect.node';
import { forgetPickerLists } from '../../nodes/OneCConnect/methods/listSearch';
import { PICKER_OF_FIELD, RECORD_LISTS } from '../../nodes/OneCConnect/methods/record-lists';
import { PARTNER_OPERATIONS } from '../../sandbox/one-c-connect';
import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
const properties = new OneCConnect().description.properties;

/** Every property, collections' options included. */
function allProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) => [
		property,
		...allProperties(
			((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option),
		),
	]);
}

describe('1C-Connect record pickers', () => {
	const oneC = useOneC();
	beforeEach(() => forgetPickerLists());
	const search = (method: string, filter?: string) =>
		oneC.harness.listSearch(
			{
				type: 'oneCConnect',
				parameters: { resource: 'client', operation: 'update' },
				credentials: { oneCConnectApi: oneC.credentialId },
			},
			method,
			filter,
		);

	test('every ID field whose records 1C lists is a picker with From List and By ID (1C has no record URLs)', () => {
		// The push API's line picker lists lines, not PartnerWebAPI2 records (push-lines.test.ts).
		const pickers = allProperties(properties).filter(
			(each) =>
				each.type === 'resourceLocator' &&
				each.modes?.[0].typeOptions?.searchListMethod !== 'searchPushLines',
		);
		const names = new Set(pickers.map((each) => each.name));
		assert.equal(names.size, Object.keys(PICKER_OF_FIELD).length);
		for (const picker of pickers) {
			assert.deepEqual(
				picker.modes?.map((mode) => mode.name),
				['list', 'id'],
				picker.name,
			);
			const method = picker.modes?.[0].typeOptions?.searchListMethod;
			assert.ok(
				new OneCConnect().methods.listSearch[method as string],
				`${picker.name}: ${method}`,
			);
		}
		for (const list of RECORD_LISTS) assert.ok(PARTNER_OPERATIONS.includes(list.operation));
	});

	test('lists clients by name and INN, searches by the typed text, and leaves deleted ones out', async () => {
		oneC.simulator.addObject('Client', { ClientID: 'gone', Name: 'Удалённый' });
		await oneC.run('client', 'delete', { clientID: 'gone' });

		const all = await search('searchClients');
		assert.deepEqual(all.results, [
			{ name: 'ИП Сидоров · 500100732259', value: 'x74f2212-ed24-49b9-8bb1-xx5822033abx' },
			{ name: 'ООО «Ромашка» · 7701234567', value: ROMASHKA },
		]);
		assert.deepEqual(
			(await search('searchClients', 'ромаш')).results.map((each) => each.value),
			[ROMASHKA],
		);
	});

	test('typing to search does not call 1C again within a minute (its hourly limit is shared)', async () => {
		await search('searchSpecialists');
		await search('searchSpecialists', 'Ив');
		const found = await search('searchSpecialists', 'петров');

		assert.deepEqual(found.results, [
			{ name: 'Петров · Пётр · petrov@example.ru', value: 'spec-petrov' },
		]);
		assert.deepEqual(oneC.operations(), ['SpecialistRead']);
	});

	test('a picked value and a plain ID saved before the pickers existed are sent the same way', async () => {
		const picked = await oneC.run('client', 'update', {
			clientID: { __rl: true, mode: 'list', value: ROMASHKA },
			additionalFields: { phone: '+7 495 111-11-11' },
		});
		const typed = await oneC.run('client', 'update', {
			clientID: ROMASHKA,
			additionalFields: { comment: 'из старого процесса' },
		});

		assert.equal(picked.error, undefined);
		assert.equal(typed.error, undefined);
		const stored = oneC.simulator.objects('Client').find((each) => each.ClientID === ROMASHKA);
		assert.equal(stored?.Phone, '+7 495 111-11-11');
		assert.equal(stored?.Comment, 'из старого процесса');
	});

	test('a picker inside Filters is read too', async () => {
		const result = await oneC.run('clientUser', 'getMany', {
			returnAll: true,
			filters: { clientID: { __rl: true, mode: 'id', value: ROMASHKA } },
		});
		assert.deepEqual(
			result.items.map((item) => item.json.UserID),
			['user-anna'],
		);
	});
});

describe('1C-Connect Get Many says what Limit does not save', () => {
	test('the Limit of every read says the whole list is downloaded and one call is spent', () => {
		// The push API (Line, Treatment) has no hourly limit.
		const pushResources = ['line', 'treatment'];
		const limits = properties.filter(
			(each) =>
				each.name === 'limit' &&
				!pushResources.some((resource) => each.displayOptions?.show?.resource?.includes(resource)),
		);
		assert.ok(limits.length > 10);
		for (const limit of limits) {
			assert.match(
				String(limit.hint),
				/no paging: every run downloads the whole list and spends one call of its hourly limit/,
			);
		}
	});
});
