import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { OKTELL_DEMO_CREDENTIALS } from '../../sandbox/oktell';
import { useOktell } from '../oktell/oktell-fixture';

const unknownUser = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe('Credentials within one node run', () => {
	const oktell = useOktell();

	const countReads = () => {
		const helper = oktell.harness.credentialsHelper;
		const original = helper.getDecrypted.bind(helper);
		const reads: string[] = [];
		helper.getDecrypted = async (...args: Parameters<typeof original>) => {
			reads.push(args[2]);
			return await original(...args);
		};
		return { reads, restore: () => (helper.getDecrypted = original) };
	};

	test('are read once, however many items send requests, and every request is authenticated', async () => {
		const counter = countReads();
		try {
			const result = await oktell.run(
				{
					resource: 'user',
					operation: 'getState',
					userId: '={{ $json.userId }}',
					options: { maxParallelRequests: 5 },
				},
				Array.from({ length: 12 }, (_, index) => ({ userId: unknownUser(index) })),
				true,
			);
			assert.equal(result.items.length, 12);
		} finally {
			counter.restore();
		}
		assert.deepEqual(counter.reads, ['oktellApi']);
		const basic = `Basic ${Buffer.from(`${OKTELL_DEMO_CREDENTIALS.login}:${OKTELL_DEMO_CREDENTIALS.password}`).toString('base64')}`;
		assert.equal(oktell.simulator.requests.length, 12);
		for (const request of oktell.simulator.requests) {
			assert.equal(request.headers.authorization, basic);
		}
	});

	test('are read again by the next run, so an edited credential takes effect', async () => {
		const counter = countReads();
		try {
			for (let run = 0; run < 2; run++) {
				await oktell.run(
					{ resource: 'user', operation: 'getState', userId: unknownUser(run) },
					[{}, {}],
					true,
				);
			}
		} finally {
			counter.restore();
		}
		assert.deepEqual(counter.reads, ['oktellApi', 'oktellApi']);
	});
});
