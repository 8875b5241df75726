import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOneC } from './one-c-fixture';

describe('1C-Connect: Custom Operation', () => {
	const oneC = useOneC();

	test('an object is sent as a Structure; a table result gives one item per row', async () => {
		const result = await oneC.run('customOperation', 'execute', {
			operationName: 'ClientRead',
			parameters: JSON.stringify({ ClientID: 'x74f2212-ed24-49b9-8bb1-xx5822033abx' }),
			readOnly: true,
		});

		assert.equal(result.error, undefined);
		assert.match(
			oneC.simulator.requests[0].body,
			/xsi:type="v8:Structure"><v8:Property name="ClientID">/,
		);
		assert.deepEqual(
			result.items.map((item) => item.json.Name),
			['ИП Сидоров'],
		);
	});

	test('an array of objects is sent as one ValueTable batch; the row results come back as items', async () => {
		const result = await oneC.run('customOperation', 'execute', {
			operationName: 'DepartmentAdd',
			parameters: JSON.stringify([{ Name: 'Склад' }, { Name: '' }]),
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(oneC.operations(), ['DepartmentAdd']);
		assert.deepEqual(
			result.items.map((item) => item.json.ResultCode),
			['SUCCESS', 'PARAM_NOT_EXIST'],
		);
	});

	test('Split Table Rows Into Items off gives the whole ResultData as one item', async () => {
		const result = await oneC.run('customOperation', 'execute', {
			operationName: 'RegionRead',
			splitRows: false,
		});

		assert.equal(result.items.length, 1);
		assert.equal((result.items[0].json.result as unknown[]).length, 2);
	});

	test('bad JSON or a bad operation name is an item error before any call', async () => {
		const json = await oneC.run('customOperation', 'execute', {
			operationName: 'ClientRead',
			parameters: '{"ClientID": ',
		});
		assert.equal(
			json.error?.message,
			'"Parameters (JSON)" in item 0 is not valid JSON: Unexpected end of JSON input',
		);

		const name = await oneC.run('customOperation', 'execute', { operationName: 'Client Read<' });
		assert.equal(name.error?.message, '"Client Read<" is not an operation name (item 0)');
		assert.equal(oneC.simulator.requests.length, 0);
	});
});

describe('1C-Connect: reads with nothing to return', () => {
	const oneC = useOneC();

	test('an empty table gives no items, not an error', async () => {
		const result = await oneC.run('client', 'getMany', {
			returnAll: true,
			filters: { clientID: 'nobody' },
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items, []);
	});

	test('a nil ResultData gives no items either', async () => {
		oneC.simulator.injectFault({
			status: 200,
			body:
				'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:RegionReadResponse xmlns:m="http://buhphone.com/PartnerWebAPI2"><m:return xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
				'<Property xmlns="http://v8.1c.ru/8.1/data/core" name="ResultCode"><Value xsi:type="xs:string">SUCCESS</Value></Property>' +
				'<Property xmlns="http://v8.1c.ru/8.1/data/core" name="ResultData"><Value xsi:nil="true"/></Property>' +
				'</m:return></m:RegionReadResponse></soap:Body></soap:Envelope>',
		});

		const result = await oneC.run('region', 'getMany', { returnAll: true });

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items, []);
	});
});
