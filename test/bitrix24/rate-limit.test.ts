import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { BITRIX24_ENTERPRISE_LIMIT } from '../../sandbox/bitrix24';
import { useBitrix24 } from './bitrix24-fixture';

describe('Bitrix24 leaky bucket (standard plan: 2 per second, burst 50)', () => {
	const b24 = useBitrix24();

	test('the simulator refuses what overflows the bucket with 503 QUERY_LIMIT_EXCEEDED', async () => {
		const url = `${b24.baseUrl}/rest/1/demo0webhook0code1/profile.json`;
		const replies = await Promise.all(Array.from({ length: 60 }, () => fetch(url)));
		const refused = replies.filter((reply) => reply.status === 503);

		assert.ok(refused.length >= 9, `${refused.length} refused`);
		assert.deepEqual(await refused[0].json(), {
			error: 'QUERY_LIMIT_EXCEEDED',
			error_description: 'Too many requests',
		});
	});

	test('a run of 70 page requests stays under the limit: no request is refused', async () => {
		b24.simulator.portal.setDealCount(50);
		const started = Date.now();

		// Return All reads later pages 50 to a batch, so 70 items of one page each make 70 requests.
		const result = await b24.call(
			Array.from({ length: 70 }, () => ({})),
			{
				method: 'crm.deal.list',
				returnAll: true,
				options: { readOnly: true },
			},
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 3500);
		assert.equal(b24.restCalls().length, 70);
		assert.equal(b24.simulator.bucket.refused, 0);
		assert.ok(Date.now() - started >= 9_000, 'the node waited for the bucket to drain');
	});
});

describe('Bitrix24 leaky bucket (Enterprise plan: 5 per second, burst 250)', () => {
	const b24 = useBitrix24({ limit: BITRIX24_ENTERPRISE_LIMIT });

	test('a run of 300 page requests with the Enterprise option stays under the limit', async () => {
		b24.simulator.portal.setDealCount(50);

		const result = await b24.call(
			Array.from({ length: 300 }, () => ({})),
			{
				method: 'crm.deal.list',
				returnAll: true,
				options: { plan: 'enterprise', readOnly: true },
			},
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 15_000);
		assert.equal(b24.restCalls().length, 300);
		assert.equal(b24.simulator.bucket.refused, 0);
	});

	test('a portal another app has filled refuses once; the node waits and every write goes through once', async () => {
		b24.simulator.portal.setDealCount(0);
		// Another application keeps the whole bucket taken until the node's first request comes
		// (however long n8n takes to get there): the node's own count knows nothing of it.
		const fill = () => {
			while (b24.simulator.bucket.tryAcquire()) {
				// fill
			}
		};
		fill();
		const otherApp = setInterval(() => {
			if (b24.restCalls().length > 0) clearInterval(otherApp);
			else fill();
		}, 5);

		const result = await b24.call(
			Array.from({ length: 6 }, (_, index) => ({ title: `Deal ${index}` })),
			{
				method: 'crm.deal.add',
				parameters: '={{ JSON.stringify({ fields: { TITLE: $json.title } }) }}',
			},
		);

		clearInterval(otherApp);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 6);
		assert.ok(
			b24.restCalls().some((call) => call.status === 503),
			'the portal did refuse the node',
		);
		const titles = b24.simulator.portal.deals.map((deal) => deal.TITLE).sort();
		assert.deepEqual(
			titles,
			[0, 1, 2, 3, 4, 5].map((index) => `Deal ${index}`),
		);
	});
});
