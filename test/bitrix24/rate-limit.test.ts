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
		b24.simulator.portal.setDealCount(70 * 50);
		const started = Date.now();

		const result = await b24.call([{}], { method: 'crm.deal.list', returnAll: true });

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
		b24.simulator.portal.setDealCount(300 * 50);

		const result = await b24.call([{}], {
			method: 'crm.deal.list',
			returnAll: true,
			options: { plan: 'enterprise' },
		});

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 15_000);
		assert.equal(b24.restCalls().length, 300);
		assert.equal(b24.simulator.bucket.refused, 0);
	});
});
