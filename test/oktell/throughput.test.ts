import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { OKTELL_CONCURRENCY } from '../../nodes/Oktell/transport';
import { jsonOf, useOktell } from './oktell-fixture';

const IVANOV = 'da803f01-ea77-40fa-bc9d-e2efb36fd5a8';
const PETROV = '0b9e7f52-21a4-4c55-9d0e-5d1b8f000227';
/** Enough latency that items sent side by side are seen side by side. */
const LATENCY = { latencyMs: 20, ratio: 1 };

const unknownUser = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe('Oktell: throughput', () => {
	const oktell = useOktell();
	const getState = (input: Array<{ userId: string }>, continueOnFail = false) =>
		oktell.run(
			{ resource: 'user', operation: 'getState', userId: '={{ $json.userId }}' },
			input,
			continueOnFail,
		);

	test('100 items asking the state of the same user send one request, and each item gets it', async () => {
		const result = await getState(Array.from({ length: 100 }, () => ({ userId: IVANOV })));

		assert.equal(result.error, undefined);
		assert.deepEqual(oktell.sent(), [`/tst_getuserstate?iduser=${IVANOV}`]);
		assert.equal(result.items.length, 100);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			Array.from({ length: 100 }, (_, item) => ({ item })),
		);
		assert.ok(jsonOf(result.items).every((json) => json.id === IVANOV));
	});

	test('reads for different users run side by side, never more than the Oktell limit at once', async () => {
		oktell.simulator.injectFault(LATENCY);
		const users = Array.from({ length: 40 }, (_, index) => ({
			userId: index % 2 === 0 ? unknownUser(index) : index % 4 === 1 ? IVANOV : PETROV,
		}));
		const result = await getState(users, true);

		assert.equal(oktell.simulator.requests.length, 22);
		assert.ok(oktell.simulator.maxConcurrentRequests <= OKTELL_CONCURRENCY);
		assert.ok(oktell.simulator.maxConcurrentRequests > 1);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			users.map((_, item) => ({ item })),
		);
		users.forEach((user, index) => {
			if (user.userId === IVANOV || user.userId === PETROV) {
				assert.equal(result.items[index].json.id, user.userId);
			}
		});
	});

	test('without Continue On Fail a bad item stops the run with its own number and message', async () => {
		const users = Array.from({ length: 30 }, (_, index) => ({
			userId: index === 7 ? ' ' : index % 2 === 0 ? IVANOV : PETROV,
		}));
		oktell.simulator.injectFault(LATENCY);
		const result = await getState(users);

		assert.ok(result.error);
		assert.equal((result.error as { context?: { itemIndex?: number } }).context?.itemIndex, 7);
		assert.match(result.error.message, /user ID/i);
		assert.ok(oktell.simulator.requests.length <= 2);
	});

	const startAutoCall = (input: Array<{ line: string; number: string }>, continueOnFail: boolean) =>
		oktell.run(
			{
				resource: 'call',
				operation: 'startAutoCall',
				line: '={{ $json.line }}',
				number: '={{ $json.number }}',
			},
			input,
			continueOnFail,
		);
	const calls = [
		{ line: '223', number: '101' },
		{ line: '227', number: '102' },
		{ line: '223', number: '103' },
		{ line: '223', number: '104' },
		{ line: '225', number: '105' },
		{ line: '227', number: '106' },
		{ line: '223', number: '107' },
	];
	const numbersSentFor = (line: string) =>
		oktell.simulator.requests
			.map((request) => new URLSearchParams(request.query))
			.filter((query) => query.get('line') === line)
			.map((query) => query.get('number'));

	test('call commands run one at a time without Continue On Fail: a failed run applied nothing after it', async () => {
		oktell.simulator.injectFault(LATENCY);
		await startAutoCall(calls, false);

		assert.equal(oktell.simulator.maxConcurrentRequests, 1);
		assert.equal(numbersSentFor('223')[0], '101');
	});

	test('under Continue On Fail commands for one line keep their order while other lines run beside them', async () => {
		oktell.simulator.injectFault(LATENCY);
		const result = await startAutoCall(calls, true);

		assert.equal(result.items.length, calls.length);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			calls.map((_, item) => ({ item })),
		);
		assert.deepEqual(numbersSentFor('223'), ['101', '103', '104', '107']);
		assert.deepEqual(numbersSentFor('227'), ['102', '106']);
		assert.ok(oktell.simulator.maxConcurrentRequests <= OKTELL_CONCURRENCY);
	});

	test('Get Version for many items sends one request and gives each item its own error when it fails', async () => {
		oktell.simulator.injectFault({ status: 500, body: 'down', match: { path: '/getversion' } });
		const result = await oktell.run(
			{ resource: 'server', operation: 'getVersion' },
			[{}, {}, {}],
			true,
		);

		assert.deepEqual(oktell.sent(), ['/getversion']);
		assert.deepEqual(
			result.items.map((item) => [Boolean(item.json.error), item.pairedItem]),
			[0, 1, 2].map((item) => [true, { item }]),
		);
	});
});
