import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Auth } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';

const deal = (id: number) => ({ method: 'crm.deal.get', parameters: JSON.stringify({ id }) });

describe('Bitrix24 Method → Call', () => {
	const b24 = useBitrix24();

	for (const auth of ['webhook', 'oAuth2'] as Auth[]) {
		test(`one item calls the method once and returns result, total and next (${auth})`, async () => {
			const result = await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' }, auth);

			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 1);
			const json = result.items[0].json as { result: unknown[]; total: number; next: number };
			assert.equal(json.result.length, 50);
			assert.equal(json.total, 120);
			assert.equal(json.next, 50);
			assert.deepEqual(result.items[0].pairedItem, { item: 0 });
			const calls = b24.restCalls();
			assert.equal(calls.length, 1);
			assert.match(
				calls[0].path,
				auth === 'webhook'
					? /^\/rest\/1\/[^/]+\/crm\.deal\.list\.json$/
					: /^\/rest\/crm\.deal\.list\.json$/,
			);
		});
	}

	test('1,000 items become exactly 20 batch requests, each item getting its own result', async () => {
		const input = Array.from({ length: 1000 }, (_, index) => ({ id: (index % 120) + 1 }));

		const result = await b24.call(input, {
			method: 'crm.deal.get',
			parameters: '={{ JSON.stringify({ id: $json.id }) }}',
		});

		assert.equal(result.error, undefined);
		const calls = b24.restCalls();
		assert.equal(calls.length, 20);
		assert.ok(calls.every((call) => call.path.endsWith('/batch.json')));
		for (const call of calls) {
			const body = JSON.parse(call.body) as { halt: number; cmd: Record<string, string> };
			assert.equal(body.halt, 0);
			assert.equal(Object.keys(body.cmd).length, 50);
		}
		assert.equal(result.items.length, 1000);
		result.items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal((item.json.result as { ID: string }).ID, String((index % 120) + 1));
		});
	});

	test('a failing command in a batch fails only its own item, with Continue On Fail', async () => {
		const result = await b24.call(
			[{ id: 1 }, { id: 9999 }, { id: 3 }],
			{ method: 'crm.deal.get', parameters: '={{ JSON.stringify({ id: $json.id }) }}' },
			'webhook',
			true,
		);

		assert.equal(b24.restCalls().length, 1);
		assert.equal(result.items.length, 3);
		assert.equal((result.items[0].json.result as { ID: string }).ID, '1');
		assert.equal(result.items[1].json.error, 'Bitrix24 refused crm.deal.get (Not found)');
		assert.deepEqual(result.items[1].pairedItem, { item: 1 });
		assert.equal((result.items[2].json.result as { ID: string }).ID, '3');
	});

	test('without Continue On Fail, a failing command stops the node and names its item', async () => {
		const result = await b24.call([{ id: 1 }, { id: 9999 }], {
			method: 'crm.deal.get',
			parameters: '={{ JSON.stringify({ id: $json.id }) }}',
		});

		assert.match(String(result.error?.message), /Bitrix24 refused crm\.deal\.get \(Not found\)/);
		assert.equal((result.error as { context?: { itemIndex?: number } }).context?.itemIndex, 1);
	});

	test('Return All reads the first page, then the other pages 50 to a batch by start=', async () => {
		const result = await b24.call([{}], { method: 'crm.deal.list', returnAll: true });

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.ID),
			Array.from({ length: 120 }, (_, index) => String(index + 1)),
		);
		const calls = b24.restCalls();
		assert.equal(calls.length, 2);
		assert.equal((JSON.parse(calls[0].body) as { start?: number }).start, undefined);
		assert.deepEqual(
			Object.values((JSON.parse(calls[1].body) as { cmd: Record<string, string> }).cmd),
			['crm.deal.list?start=50', 'crm.deal.list?start=100'],
		);
	});

	test('Return All over 10,000 rows by start= takes 5 requests; a batch of pages is repeated only when marked Read Only', async () => {
		b24.simulator.portal.setDealCount(10_000);

		const result = await b24.call([{}], {
			method: 'crm.deal.list',
			returnAll: true,
			options: { readOnly: true },
		});

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 10_000);
		assert.equal(new Set(result.items.map((item) => item.json.ID)).size, 10_000);
		assert.equal(b24.restCalls().length, 5);
	});

	test('parameters that are not a JSON object fail their item before anything is sent', async () => {
		const result = await b24.call(
			[{ p: '{"id": 1}' }, { p: '{id: 2' }, { p: '[1]' }],
			{ method: 'crm.deal.get', parameters: '={{ $json.p }}' },
			'webhook',
			true,
		);

		assert.match(String(result.items[1].json.error), /^"Parameters" in item 1 is not valid JSON: /);
		assert.match(
			String(result.items[2].json.error),
			/^"Parameters" in item 2 must be a JSON object, not a list$/,
		);
		assert.equal((result.items[0].json.result as { ID: string }).ID, '1');
		assert.equal(b24.restCalls().length, 1);
	});

	test('a method name with a path or .json is refused plainly', async () => {
		const result = await b24.call([{}], { method: '../oauth/token', parameters: '{}' });

		assert.match(
			String(result.error?.message),
			/"\.\.\/oauth\/token" is not a Bitrix24 method name/,
		);
		assert.equal(b24.simulator.requests.length, 0);
	});

	test('an unknown method says so', async () => {
		const result = await b24.call([{}], { method: 'crm.nothing.here', parameters: '{}' });

		assert.equal(result.error?.message, 'Bitrix24 has no method crm.nothing.here');
	});

	test('QUERY_LIMIT_EXCEEDED (503) is retried after a backoff', async () => {
		b24.simulator.injectFault({
			status: 503,
			body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
			times: 1,
		});

		const result = await b24.call([{}], { method: 'profile', parameters: '{}' });

		assert.equal(result.error, undefined);
		assert.equal((result.items[0].json.result as { ID: string }).ID, '1');
		assert.deepEqual(
			b24.restCalls().map((call) => call.status),
			[503, 200],
		);
	});

	const GATEWAY_503 = {
		status: 503,
		retryAfter: '0',
		body: { error: 'SERVICE_UNAVAILABLE', error_description: 'Service temporarily unavailable' },
	};

	test('crm.deal.list without Read Only is a read by its name: after two 503s it is asked again and succeeds', async () => {
		b24.simulator.injectFault({ ...GATEWAY_503, times: 2 });

		const result = await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' });

		assert.equal(result.error, undefined);
		assert.equal((result.items[0].json.result as unknown[]).length, 50);
		assert.deepEqual(
			b24.restCalls().map((call) => call.status),
			[503, 503, 200],
		);
	});

	test('a read that keeps failing with 503 is worded as a read: it never says the change may have been made', async () => {
		b24.simulator.injectFault({ ...GATEWAY_503, times: 10 });

		const result = await b24.call([{}, {}], { method: 'crm.deal.get', parameters: '{"id": 1}' });

		assert.match(String(result.error?.message), /^Bitrix24 refused batch \(SERVICE_UNAVAILABLE/);
		assert.doesNotMatch(String(result.error?.description), /may have made this change/);
		assert.equal(b24.restCalls().length, 5);
	});

	test('Read Only switched off overrides the name: crm.deal.list answered 503 is sent once, as a change', async () => {
		b24.simulator.injectFault({ ...GATEWAY_503, times: 2 });

		const result = await b24.call([{}], {
			method: 'crm.deal.list',
			parameters: '{}',
			options: { readOnly: false },
		});

		assert.equal(b24.restCalls().length, 1);
		assert.match(String(result.error?.description), /may have made this change/);
	});

	test('OPERATION_TIME_LIMIT (429) fails at once and says when the block lifts', async () => {
		b24.simulator.injectFault({
			status: 429,
			body: {
				error: 'OPERATION_TIME_LIMIT',
				error_description: 'Method is blocked due to operation time limit.',
			},
			times: 3,
		});

		const result = await b24.call([{}], { method: 'crm.lead.list', parameters: '{}' });

		assert.equal(b24.restCalls().length, 1);
		assert.match(String(result.error?.message), /OPERATION_TIME_LIMIT/);
		assert.match(String(result.error?.description), /within 10 minutes/);
	});

	const TIME_LIMIT = {
		status: 429,
		body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked.' },
	};

	test('a read answered 429 with Retry-After waits as asked, is sent again and succeeds', async () => {
		b24.simulator.injectFault({ ...TIME_LIMIT, retryAfter: '1' });

		const result = await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' });

		assert.equal(result.error, undefined);
		const calls = b24.restCalls();
		assert.deepEqual(
			calls.map((call) => call.status),
			[429, 200],
		);
		assert.ok(calls[1].at - calls[0].at >= 950, `waited ${calls[1].at - calls[0].at} ms`);
	});

	test('a Retry-After longer than n8n waits fails the read at once and says how long Bitrix24 asked', async () => {
		b24.simulator.injectFault({ ...TIME_LIMIT, retryAfter: '600' });

		const result = await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' });

		assert.equal(b24.restCalls().length, 1);
		assert.match(String(result.error?.message), /OPERATION_TIME_LIMIT/);
		assert.match(String(result.error?.description), /Bitrix24 asked to wait 600 s/);
	});

	test('a write answered 429 with Retry-After is still sent once: only QUERY_LIMIT_EXCEEDED lets a write repeat', async () => {
		b24.simulator.injectFault({ ...TIME_LIMIT, retryAfter: '0' });

		const result = await b24.call([{}], {
			method: 'crm.deal.add',
			parameters: '{"fields": {"TITLE": "Once"}}',
		});

		assert.equal(b24.restCalls().length, 1);
		assert.match(String(result.error?.message), /OPERATION_TIME_LIMIT/);
	});

	test('OPERATION_TIME_LIMIT names the reset time the last reply of that method gave', async () => {
		await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' });
		b24.simulator.injectFault({
			status: 429,
			body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked.' },
		});

		const result = await b24.call([{}], { method: 'crm.deal.list', parameters: '{}' });

		assert.match(
			String(result.error?.description),
			/The budget resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z/,
		);
	});

	test('a webhook URL the portal does not know gives a clear error', async () => {
		const wrong = b24.harness.addCredential('bitrix24WebhookApi', {
			secretWebhookUrl: `${b24.baseUrl}/rest/1/wrongcode123/`,
		});
		const result = await b24.harness.runNode({
			...b24.node({ resource: 'method', operation: 'call', method: 'profile' }),
			credentials: { bitrix24WebhookApi: wrong },
		});

		assert.match(String(result.error?.message), /INVALID_CREDENTIALS/);
		assert.match(String(result.error?.description), /webhook URL/);
	});

	test('a credential that is not a webhook URL is refused before sending', async () => {
		const bad = b24.harness.addCredential('bitrix24WebhookApi', {
			secretWebhookUrl: 'https://mycompany.bitrix24.ru/crm/deal/',
		});
		const result = await b24.harness.runNode({
			...b24.node({ resource: 'method', operation: 'call', method: 'profile' }),
			credentials: { bitrix24WebhookApi: bad },
		});

		assert.equal(result.error?.message, 'The Bitrix24 webhook URL is not in the expected form');
	});

	test('a batch of deals added through batch creates each deal once', async () => {
		const result = await b24.call([{ t: 'Альфа' }, { t: 'Бета' }], {
			method: 'crm.deal.add',
			parameters: '={{ JSON.stringify({ fields: { TITLE: $json.t, OPPORTUNITY: 100 } }) }}',
		});

		assert.deepEqual(
			result.items.map((item) => item.json.result),
			[121, 122],
		);
		const titles = b24.simulator.portal.deals.slice(-2).map((deal) => deal.TITLE);
		assert.deepEqual(titles, ['Альфа', 'Бета']);
	});

	void deal;
});
