import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Behaviour } from '../support/hostile-server';
import { respond, respondJson, sequence } from '../support/hostile-server';
import { POINT, POINTS_PATH, byInputId, useHostileEra } from './hostile-fixture';

const MAY_HAVE_APPLIED = /ERA may have made this change before the failure/;

/** `count` points with distinct ids, as ERA lists them. */
const points = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({
		id: `point-${from + index}`,
		code: `code-${from + index}`,
		type: 'public',
	}));

/** A list endpoint over `all` points that honours `offset`, and sends at most `cap` per page. */
function pagedList(all: object[], cap: number): Behaviour {
	return (socket, request, index) => {
		const query = new URL(request.path, 'http://era').searchParams;
		const offset = Number(query.get('offset') ?? 0);
		const limit = Math.min(Number(query.get('limit') ?? cap), cap);
		respondJson(200, all.slice(offset, offset + limit))(socket, request, index);
	};
}

const listOffsets = (requests: Array<{ path: string }>) =>
	requests.map((request) => new URL(request.path, 'http://era').searchParams.get('offset'));

describe('ERA against a hostile server: replies of the wrong shape', () => {
	const era = useHostileEra();

	test('Get answered null, a number or a list holding null: that item fails, quoting the reply; the others succeed', async () => {
		// Items read side by side: each ID has its own reply, whatever order they arrive in.
		const replies: Behaviour[] = [
			respond(200, 'null'),
			respondJson(200, POINT),
			respond(200, '42'),
			respond(200, '[null]'),
		];
		const ids = replies.map((_, index) => `${POINT.id}-${index}`);
		const { server, point } = await era.serve((socket, request, index) =>
			replies[ids.findIndex((id) => request.path.endsWith(`/${id}`))](socket, request, index),
		);

		const result = await point(
			'get',
			{ pointId: byInputId },
			{ continueOnFail: true, input: ids.map((id) => ({ id })) },
		);

		assert.equal(server.count, 4);
		assert.deepEqual(
			result.items.map((item) => [item.json.error ?? item.json.code, item.pairedItem]),
			[
				['ERA answered Get with something other than an object: "null"', { item: 0 }],
				['ABCDE', { item: 1 }],
				['ERA answered Get with something other than an object: "42"', { item: 2 }],
				['ERA answered Get with something other than an object: "[null]"', { item: 3 }],
			],
		);
	});

	test('Create answered 200 null fails that item, saying the point may have been made; Create is not repeated', async () => {
		const { server, create } = await era.serve(
			sequence(respond(200, 'null'), respondJson(200, POINT)),
		);

		const result = await create({ continueOnFail: true, input: [{}, {}] });

		assert.equal(server.count, 2);
		assert.equal(result.items.length, 2);
		assert.equal(
			result.items[0].json.error,
			'ERA answered Create with something other than an object: "null"',
		);
		assert.match(String(result.items[0].error?.description), MAY_HAVE_APPLIED);
		assert.equal(result.items[1].json.code, 'ABCDE');
	});

	for (const [reply, quoted] of [
		['{"points":[]}', '"{"points":[]}"'],
		['[null]', '"[null]"'],
		['7', '"7"'],
		['', '(empty body)'],
	]) {
		test(`Get Many answered ${reply === '' ? 'an empty body' : reply} is a clear error, not 0 items`, async () => {
			const { server, point } = await era.serve(respond(200, reply));

			const result = await point('getMany', { returnAll: true });

			assert.equal(server.count, 1);
			assert.equal(
				result.error?.message,
				`ERA answered Get Many with something other than a list of objects: ${quoted}`,
			);
		});
	}
});

describe('ERA against a hostile server: IDs that would leave their path segment', () => {
	const era = useHostileEra();
	const badIds = ['', ' ', '.', '..'];

	for (const operation of ['get', 'update', 'delete']) {
		test(`${operation}: IDs "", " ", "." and ".." fail their item before anything is sent`, async () => {
			const { server, point } = await era.serve(respondJson(200, POINT));

			const result = await point(
				operation,
				{ pointId: byInputId, updateFields: { code: 'NEW' } },
				{ continueOnFail: true, input: badIds.map((id) => ({ id })) },
			);

			assert.equal(server.count, 0);
			assert.deepEqual(
				result.items.map((item) => item.json.error),
				[
					'No integration point given',
					'No integration point given',
					'The integration point ID is "."',
					'The integration point ID is ".."',
				],
			);
		});
	}

	test('token Check: "." and ".." fail their item before anything is sent', async () => {
		const { server, run } = await era.serve(respondJson(200, { domain: 'sandbox.era' }));

		const result = await run(
			{ resource: 'integrationToken', operation: 'check', token: '={{ $json.token }}' },
			{ continueOnFail: true, input: [{ token: '.' }, { token: '..' }] },
		);

		assert.equal(server.count, 0);
		assert.deepEqual(
			result.items.map((item) => item.json.error),
			['The integration token is "."', 'The integration token is ".."'],
		);
	});

	test('an ID with a slash stays inside its path segment', async () => {
		const { server, point } = await era.serve(respondJson(200, POINT));

		await point('get', { pointId: byInputId }, { input: [{ id: '../sessions/current' }] });

		assert.deepEqual(
			server.requests.map((request) => request.path),
			[`${POINTS_PATH}/..%2Fsessions%2Fcurrent`],
		);
	});
});

describe('ERA against a hostile server: paging', () => {
	const era = useHostileEra();

	test('a server that ignores offset: Return All stops with a clear error after 2 requests', async () => {
		const { server, point } = await era.serve(respondJson(200, points(100)));

		const result = await point('getMany', { returnAll: true });

		assert.equal(server.count, 2);
		assert.equal(
			result.error?.message,
			'ERA answered Get Many at offset 100 with entries it had already sent; paging was stopped',
		);
		assert.match(String(result.error?.description), /ignore "offset"/);
	});

	test('a server that ignores offset: Limit 150 also stops instead of repeating the first points', async () => {
		const { server, point } = await era.serve(pagedList(points(120), 100));
		// The second page, asked for at offset 100, repeats the first 50 points.
		const ignoring = await era.serve((socket, request, index) =>
			respondJson(200, points(index === 0 ? 100 : 50))(socket, request, index),
		);

		const honest = await point('getMany', { returnAll: false, limit: 150 });
		const result = await ignoring.point('getMany', { returnAll: false, limit: 150 });

		assert.equal(honest.items.length, 120);
		assert.deepEqual(listOffsets(server.requests), ['0', '100', '120']);
		assert.equal(ignoring.server.count, 2);
		assert.match(String(result.error?.message), /already sent; paging was stopped/);
	});

	test('a server that caps pages at 50: Return All reads all 120 points, ending on an empty page', async () => {
		const { server, point } = await era.serve(pagedList(points(120), 50));

		const result = await point('getMany', { returnAll: true });

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.id),
			points(120).map((entry) => entry.id),
		);
		assert.deepEqual(listOffsets(server.requests), ['0', '50', '100', '120']);
	});

	test('chosen fields without id: paging still tells pages apart, and the output has only those fields', async () => {
		const all = points(150).map(({ id, type }) => ({ id, type }));
		const { server, point } = await era.serve(pagedList(all, 100));

		const result = await point('getMany', { returnAll: true, options: { mask: ['type'] } });

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 150);
		assert.deepEqual(result.items[0].json, { type: 'public' });
		assert.equal(
			new URL(server.requests[0].path, 'http://era').searchParams.get('mask'),
			'type,id',
		);
	});
});
