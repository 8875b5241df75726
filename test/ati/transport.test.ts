import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { AtiFixture } from './ati-fixture';
import { useAti } from './ati-fixture';

function gapsMs(ati: AtiFixture): number[] {
	const times = ati.simulator.requests.map((request) => request.at);
	return times.slice(1).map((at, index) => at - times[index]);
}

describe('ATI.SU transport: retries and errors', () => {
	const ati = useAti();

	test('429 is retried after 100 ms, then 200 ms, as ATI asks, and then succeeds', async () => {
		ati.simulator.injectFault({
			status: 429,
			body: { error: 'too_many_requests', reason: 'slow down' },
			times: 2,
		});

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.code_id, '123456.0');
		assert.deepEqual(
			ati.simulator.requests.map((request) => request.status),
			[429, 429, 200],
		);
		const [first, second] = gapsMs(ati);
		// Lower bounds are the rule; the upper ones only catch a wrong (much longer) backoff, with
		// room for a loaded CI machine.
		assert.ok(first >= 95 && first < 1000, `first wait ${first} ms`);
		assert.ok(second >= 195 && second < 1200, `second wait ${second} ms`);
	});

	test('Retry-After in seconds is honoured on 503', async () => {
		ati.simulator.injectFault({ status: 503, retryAfter: '1', times: 1 });

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.ok(gapsMs(ati)[0] >= 990, `waited ${gapsMs(ati)[0]} ms`);
	});

	test('Retry-After as an HTTP date is honoured on 502', async () => {
		const inOneSecond = new Date(Date.now() + 1500).toUTCString();
		ati.simulator.injectFault({ status: 502, retryAfter: inOneSecond, times: 1 });

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.ok(gapsMs(ati)[0] >= 400, `waited ${gapsMs(ati)[0]} ms`);
	});

	test('a Retry-After longer than the total wait cap fails at once with a clear error', async () => {
		ati.simulator.injectFault({ status: 503, retryAfter: '3600', times: 1 });

		const started = Date.now();
		const result = await ati.get([{ id: '123456.0' }]);

		assert.ok(Date.now() - started < 2000);
		assert.match(String(result.error?.message), /^ATI\.SU answered with an error \(503\)/);
		assert.match(
			String(result.error?.description),
			/ATI\.SU asked to wait 3600 s before trying again\./,
		);
		assert.equal(ati.simulator.requests.length, 1);
	});

	test('500 is not retried and gives a clear error with the vendor reason', async () => {
		ati.simulator.injectFault({
			status: 500,
			body: { Error: 'internal', Reason: 'database is down' },
			times: 1,
		});

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(result.error?.message, 'ATI.SU answered with an error (500): database is down');
		assert.match(String(result.error?.description), /ATI\.SU's side; try again later/);
		assert.equal((result.error as { httpCode?: string }).httpCode, '500');
		assert.equal(ati.simulator.requests.length, 1);
	});

	test('429 that never ends fails after the attempt cap, saying what to do', async () => {
		ati.simulator.injectFault({ status: 429, times: 100 });

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(
			result.error?.message,
			'ATI.SU kept answering "too many requests" after 7 attempts',
		);
		assert.match(String(result.error?.description), /10 requests per second/);
		assert.equal(ati.simulator.requests.length, 7);
	});

	test('a reset connection is retried for reads', async () => {
		ati.simulator.injectFault({ reset: true, times: 1 });

		const result = await ati.getMany([{ ids: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			ati.simulator.requests.map((request) => request.status),
			[0, 200],
		);
	});

	test('a reply that is not JSON gives an error quoting its start', async () => {
		ati.simulator.injectFault({ malformedBody: '<html><body>Bad gateway</body></html>', times: 1 });

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(
			result.error?.message,
			'ATI.SU sent a reply that is not valid JSON: "<html><body>Bad gateway</body></html>"',
		);
	});

	test('a wrong token gives a 401 error that says where to get a new one', async () => {
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: 'not-the-token',
			baseUrl: ati.baseUrl,
		});

		const result = await ati.harness.runNode(
			{
				type: 'ati',
				parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
				credentials: { atiApi: credentialId },
			},
			[{}],
		);

		assert.match(String(result.error?.message), /^ATI\.SU rejected the access token \(401\)/);
		assert.match(String(result.error?.description), /developer cabinet/);
	});

	for (const body of ['null', '']) {
		test(`a 401 whose body is ${body === '' ? 'empty' : body} ends at the status, with no quoted body`, async () => {
			ati.simulator.injectFault({ status: 401, malformedBody: body, times: 1 });

			const result = await ati.get([{ id: '123456.0' }]);

			assert.equal(String(result.error?.message), 'ATI.SU rejected the access token (401)');
			assert.match(String(result.error?.description), /developer cabinet/);
		});
	}

	test('a server that refuses connections is reported at once, naming the Base URL', async () => {
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: 'ati-demo-token',
			baseUrl: 'http://127.0.0.1:9',
		});

		const result = await ati.harness.runNode(
			{
				type: 'ati',
				parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
				credentials: { atiApi: credentialId },
			},
			[{}],
		);

		assert.equal(
			result.error?.message,
			'Could not reach ATI.SU: The server refused the connection',
		);
		assert.match(String(result.error?.description), /http:\/\/127\.0\.0\.1:9/);
	});
});
