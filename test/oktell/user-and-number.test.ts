import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, useOktell } from './oktell-fixture';

const IVANOV = 'da803f01-ea77-40fa-bc9d-e2efb36fd5a8';

describe('Oktell: User and Number', () => {
	const oktell = useOktell();
	const getState = (userId = IVANOV) =>
		oktell.run({ resource: 'user', operation: 'getState', userId });

	test('Get State returns {id, state, stateName} with the state as a number', async () => {
		const result = await getState('DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8');
		assert.deepEqual(jsonOf(result.items), [{ id: IVANOV, state: 1, stateName: 'usReady' }]);
		assert.deepEqual(oktell.sent(), [
			'/tst_getuserstate?iduser=DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8',
		]);
	});

	test('Raw Output from an expression is read for each item; a fixed one holds for every item', async () => {
		const perItem = await oktell.run(
			{ resource: 'user', operation: 'getState', userId: IVANOV, rawOutput: '={{ $json.raw }}' },
			[{ raw: true }, { raw: false }, { raw: true }],
		);
		assert.deepEqual(
			jsonOf(perItem.items).map((json) => Object.keys(json)),
			[['xml'], ['id', 'state', 'stateName'], ['xml']],
		);
		const fixed = await oktell.run(
			{ resource: 'user', operation: 'getState', userId: IVANOV, rawOutput: true },
			[{}, {}],
		);
		assert.deepEqual(
			jsonOf(fixed.items).map((json) => Object.keys(json)),
			[['xml'], ['xml']],
		);
	});

	test('Set State sends the state by number and the modes as 0/1; the server state follows', async () => {
		const result = await oktell.run({
			resource: 'user',
			operation: 'setState',
			user: 'ivanov',
			state: 'break',
			breakMode: 'on',
			breakReason: '1001',
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, {
			user: 'ivanov',
			success: true,
			state: 2,
			breakMode: true,
			breakReason: 1001,
		});
		assert.deepEqual(oktell.sent(), [
			'/wp_setuserstate?user=ivanov&userstateid=2&onlunch=1&lunchreasonid=1001',
		]);
		assert.deepEqual(jsonOf((await getState()).items)[0], {
			id: IVANOV,
			state: 2,
			stateName: 'usLunch',
		});
	});

	test('Set State takes a state name from an expression (usReady, busy) and text reasons as lunchreasonmsg', async () => {
		await oktell.run(
			{
				resource: 'user',
				operation: 'setState',
				user: 'ivanov',
				state: '={{ $json.state }}',
				breakMode: 'on',
				breakReason: 'Обед',
			},
			[{ state: 'busy' }],
		);
		assert.equal(
			oktell.sent()[0],
			`/wp_setuserstate?user=ivanov&userstateid=5&onlunch=1&lunchreasonmsg=${encodeURIComponent('Обед')}`,
		);
	});

	test('an unknown state name fails that item with the states that can be set, and sends nothing', async () => {
		const result = await oktell.run(
			{ resource: 'user', operation: 'setState', user: 'ivanov', state: '={{ $json.state }}' },
			[{ state: 'usReady' }, { state: 'sleeping' }],
		);
		assert.match(String(result.error?.message), /"sleeping" is not a user state Oktell can set/);
		assert.match(
			String(result.error?.description),
			/Ready \(1\), Break \(2\), Not at Place \(3\) or Busy \(5\)/,
		);
		assert.equal(result.error?.context.itemIndex, 1);
		assert.deepEqual(oktell.sent(), ['/wp_setuserstate?user=ivanov&userstateid=1']);
	});

	test('Set State with nothing chosen is an item error', async () => {
		const result = await oktell.run({ resource: 'user', operation: 'setState', user: 'ivanov' });
		assert.match(String(result.error?.message), /Nothing to change/);
		assert.deepEqual(oktell.sent(), []);
	});

	test('Set State addresses the user by their line or workplace too, as every wp_ command does', async () => {
		const byLine = await oktell.run({
			resource: 'user',
			operation: 'setState',
			line: '223',
			state: 'notAtPlace',
		});
		assert.deepEqual(byLine.items[0].json, { line: '223', success: true, state: 3 });
		assert.deepEqual(jsonOf((await getState()).items)[0], {
			id: IVANOV,
			state: 3,
			stateName: 'usNotAtPlace',
		});
		const byWorkplace = await oktell.run({
			resource: 'user',
			operation: 'setState',
			workplace: 'OPERATOR1',
			state: 'ready',
		});
		assert.deepEqual(byWorkplace.items[0].json, { wp: 'OPERATOR1', success: true, state: 1 });
		assert.deepEqual(
			oktell.sent().filter((sent) => sent.startsWith('/wp_')),
			['/wp_setuserstate?line=223&userstateid=3', '/wp_setuserstate?wp=OPERATOR1&userstateid=1'],
		);
	});

	test('Set State with both a user and a line, or with neither, fails that item and sends nothing', async () => {
		const both = await oktell.run({
			resource: 'user',
			operation: 'setState',
			user: 'ivanov',
			line: '223',
			state: 'ready',
		});
		assert.match(String(both.error?.message), /Line and User are given/);
		const neither = await oktell.run({ resource: 'user', operation: 'setState', state: 'ready' });
		assert.match(String(neither.error?.message), /No line, user or workplace given/);
		assert.deepEqual(oktell.sent(), []);
	});

	test('Get Avatar with neither User ID nor Image Path fails before any download, naming the item', async () => {
		const result = await oktell.run(
			{ resource: 'user', operation: 'getAvatar', userId: '={{ $json.id }}' },
			[{ id: IVANOV }, { id: '' }],
		);
		assert.equal(result.error?.message, 'No user ID or image path given in item 1');
		assert.deepEqual(oktell.sent(), []);
		const continued = await oktell.run(
			{ resource: 'user', operation: 'getAvatar', userId: '={{ $json.id }}' },
			[{ id: IVANOV }, { id: '' }],
			true,
		);
		assert.equal(continued.items[0].binary?.data.mimeType, 'image/png');
		assert.equal(continued.items[1].json.error, 'No user ID or image path given in item 1');
	});

	test('Get Avatar returns the picture as binary data with name and MIME type', async () => {
		const result = await oktell.run({ resource: 'user', operation: 'getAvatar', userId: IVANOV });

		assert.equal(result.error, undefined);
		const binary = result.items[0].binary?.data;
		assert.equal(binary?.mimeType, 'image/png');
		assert.equal(binary?.fileName, `${IVANOV}.png`);
		assert.equal(
			Buffer.from(String(binary?.data), 'base64').toString('hex'),
			'89504e470d0a1a0a0000000d49484452',
		);
		assert.deepEqual(oktell.sent(), [`/getavatar?userid=${IVANOV}&attachment=1`]);
	});

	test('Number Get Ready Users returns {number, ready, busy, readyUsers[]} as in the vendor example', async () => {
		const result = await oktell.run({
			resource: 'number',
			operation: 'getReadyUsers',
			number: '120',
		});
		assert.deepEqual(jsonOf(result.items), [
			{ number: '120', ready: 2, busy: 3, readyUsers: ['223', '227'] },
		]);

		await oktell.run({
			resource: 'user',
			operation: 'setState',
			user: 'petrov',
			state: 'notAtPlace',
		});
		const after = await oktell.run({
			resource: 'number',
			operation: 'getReadyUsers',
			number: '120',
		});
		assert.deepEqual(after.items[0].json, {
			number: '120',
			ready: 1,
			busy: 3,
			readyUsers: ['223'],
		});
	});
});
