import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { soapFaultBody } from '../../sandbox/one-c-connect';
import { useOneC } from './one-c-fixture';

describe('1C-Connect: SOAP transport', () => {
	const oneC = useOneC();

	test('sends SOAP 1.1 with the documented SOAPAction, text/xml and HTTP Basic', async () => {
		await oneC.run('region', 'getMany', { returnAll: true });

		const [request] = oneC.simulator.requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/cus/ws/PartnerWebAPI2');
		assert.equal(
			request.headers.soapaction,
			'"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:RegionRead"',
		);
		assert.equal(request.headers['content-type'], 'text/xml; charset=utf-8');
		assert.equal(
			request.headers.authorization,
			`Basic ${Buffer.from('demo-partner:demo-1c-connect').toString('base64')}`,
		);
		assert.match(
			request.body,
			/^<\?xml version="1\.0" encoding="UTF-8"\?><soap:Envelope xmlns:soap="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/"><soap:Body><m:RegionRead xmlns:m="http:\/\/buhphone\.com\/PartnerWebAPI2"><m:Params /,
		);
	});

	test('OUT_OF_LIMIT says the hourly limit is spent and is not retried', async () => {
		oneC.simulator.limits.set({ RegionRead: 1 });
		await oneC.run('region', 'getMany');

		const result = await oneC.run('region', 'getMany');

		assert.equal(
			result.error?.message,
			'RegionRead failed: OUT_OF_LIMIT: Превышен лимит вызовов операции RegionRead в час',
		);
		assert.match(
			String(result.error?.description),
			/hourly limit of RegionRead calls for this API login is spent.*Retrying within this hour does not help/,
		);
		assert.equal(oneC.simulator.requests.length, 2, 'one call each, no retry');
	});

	test('a SOAP Fault becomes a clear error with the fault text', async () => {
		oneC.simulator.injectFault({
			status: 500,
			body: soapFaultBody('Ошибка при вызове метода контекста (Выполнить): поле не найдено'),
		});

		const result = await oneC.run('client', 'getMany');

		assert.equal(
			result.error?.message,
			'1C-Connect could not run ClientRead: Ошибка при вызове метода контекста (Выполнить): поле не найдено',
		);
		assert.equal(oneC.simulator.requests.length, 1);
	});

	test('an unknown operation in Custom Operation is the simulator’s SOAP Fault, shown as such', async () => {
		const result = await oneC.run('customOperation', 'execute', {
			operationName: 'NoSuchOperation',
		});

		assert.equal(
			result.error?.message,
			'1C-Connect could not run NoSuchOperation: Operation NoSuchOperation is not found in PartnerWebAPI2',
		);
	});

	test('a wrong password is a 401 that says to check the API login', async () => {
		const credentialId = oneC.harness.addCredential('oneCConnectApi', {
			region: 'custom',
			customUrl: oneC.serviceUrl,
			login: 'demo-partner',
			password: 'wrong-password',
		});
		const result = await oneC.harness.runNode({
			type: 'oneCConnect',
			parameters: { resource: 'region', operation: 'getMany' },
			credentials: { oneCConnectApi: credentialId },
		});

		assert.equal(result.error?.message, '1C-Connect refused the API login (401)');
		assert.match(String(result.error?.description), /API login and password/);
	});

	test('a reply that is not XML is an error quoting its start', async () => {
		oneC.simulator.injectFault({ status: 200, malformedBody: '<html><body>Сервис недоступен' });

		const result = await oneC.run('region', 'getMany');

		assert.match(
			String(result.error?.message),
			/1C-Connect sent a reply that is not valid XML .*"<html><body>Сервис недоступен"/,
		);
	});

	test('a 503 from a gateway is retried; reads are retried after a dropped connection', async () => {
		oneC.simulator.injectFault([{ status: 503, retryAfter: '0' }, { reset: true }]);

		const result = await oneC.run('region', 'getMany', { returnAll: true });

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 2);
		assert.deepEqual(
			oneC.simulator.requests.map((request) => request.status),
			[503, 0, 200],
		);
	});

	test('writes are not sent twice after a dropped connection', async () => {
		oneC.simulator.injectFault({ reset: true });

		const result = await oneC.run('department', 'create', { name: 'Отдел' });

		assert.match(String(result.error?.message), /^Could not reach 1C-Connect/);
		assert.equal(oneC.simulator.requests.length, 1);
		assert.equal(oneC.simulator.objects('Department').length, 1);
	});
});
