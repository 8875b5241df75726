import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { respond, respondJson } from '../support/hostile-server';
import { askedIds, useHostileAti } from './hostile-fixture';

const ONLINE = { code_id: '123456.0', state: 'online' };

/** Replies that are JSON, but not what ATI.SU documents. */
const WRONG_SHAPES: Array<[string, string]> = [
	['null', 'null'],
	['a number', '42'],
	['a list holding null', '[null]'],
];

describe('ATI.SU against a hostile server: replies of the wrong shape and bad IDs', () => {
	const ati = useHostileAti();

	for (const [name, body] of [...WRONG_SHAPES, ['a list', JSON.stringify([ONLINE])]]) {
		test(`Get answered with ${name} fails that item, quoting the reply; the others succeed`, async () => {
			const server = await ati.serve((socket, request, index) => {
				const [id] = askedIds(request);
				const reply = id === '234567.0' ? body : JSON.stringify({ code_id: id, state: 'online' });
				return respond(200, reply)(socket, request, index);
			});

			const result = await ati.get(
				server,
				[{ id: '123456.0' }, { id: '234567.0' }, { id: '345678.0' }],
				{},
				true,
			);

			assert.equal(result.error, undefined);
			assert.deepEqual(
				result.items.map((item) => [item.json.code_id ?? item.json.error, item.pairedItem]),
				[
					['123456.0', { item: 0 }],
					[
						`ATI.SU answered the presence request for contact 234567.0 with something other than an object: "${body}"`,
						{ item: 1 },
					],
					['345678.0', { item: 2 }],
				],
			);
			assert.equal(server.count, 3, 'a wrong shape is not a reason to ask again');
		});
	}

	test('without Continue On Fail, `200 null` stops the run with the clear error, naming the item', async () => {
		const server = await ati.serve(respond(200, 'null'));

		const result = await ati.get(server, [{ id: '123456.0' }]);

		assert.equal(
			result.error?.message,
			'ATI.SU answered the presence request for contact 123456.0 with something other than an object: "null"',
		);
		assert.equal(result.error?.context.itemIndex, 0);
	});

	for (const [name, body] of [...WRONG_SHAPES, ['an object', JSON.stringify(ONLINE)]]) {
		test(`Get Many answered with ${name} fails the items of that batch alone`, async () => {
			const hundred = Array.from({ length: 100 }, (_, index) => `${100000 + index}.0`);
			const server = await ati.serve((socket, request, index) => {
				const ids = askedIds(request);
				const reply = ids.includes('999999.0')
					? body
					: JSON.stringify(ids.map((id) => ({ code_id: id, state: 'offline' })));
				return respond(200, reply)(socket, request, index);
			});

			const result = await ati.getMany(
				server,
				[{ ids: hundred }, { ids: '999999.0' }, { ids: '100000.0' }],
				{},
				true,
			);

			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 102, '100 + 1 error + 1');
			assert.deepEqual(result.items[100].json, {
				error: `ATI.SU answered the presence request for 1 contact with something other than a list of objects: "${body}"`,
			});
			assert.deepEqual(result.items[100].pairedItem, { item: 1 });
			assert.deepEqual(result.items[101].json, { code_id: '100000.0', state: 'offline' });
			assert.equal(server.count, 2);
		});
	}

	test('Get Many ignores entries for contacts it did not ask for', async () => {
		const server = await ati.serve(
			respondJson(200, [
				{ code_id: '__proto__', state: 'online' },
				{ code_id: '777777.0', state: 'online' },
				{ code_id: 5, state: 'online' },
			]),
		);

		const result = await ati.getMany(server, [{ ids: '123456.0' }], {}, true);

		assert.deepEqual(
			result.items.map((item) => item.json),
			[{ error: 'ATI.SU returned no state for contact 123456.0' }],
		);
	});

	test("IDs that would escape the path ('', ' ', '.', '..') are input errors; nothing is sent", async () => {
		const server = await ati.serve(respondJson(200, ONLINE));

		const get = await ati.get(
			server,
			[{ id: '' }, { id: ' ' }, { id: '.' }, { id: '..' }],
			{},
			true,
		);
		const getMany = await ati.getMany(server, [{ ids: '.' }, { ids: ['..'] }], {}, true);

		assert.deepEqual(
			get.items.map((item) => item.json.error),
			[
				'No contact ID given',
				'No contact ID given',
				'"." is not an ATI contact ID',
				'".." is not an ATI contact ID',
			],
		);
		assert.deepEqual(
			getMany.items.map((item) => item.json.error),
			['"." is not an ATI contact ID', '".." is not an ATI contact ID'],
		);
		assert.equal(server.count, 0);
	});
});
