import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOktell } from './oktell-fixture';

const ACTORS = [
	{ by: 'line', parameters: { line: '223' }, query: 'line=223' },
	{ by: 'user', parameters: { user: 'ivanov' }, query: 'user=ivanov' },
	{ by: 'workplace', parameters: { workplace: 'OPERATOR1' }, query: 'wp=OPERATOR1' },
];

describe('Oktell: Call', () => {
	const oktell = useOktell();
	const call = (operation: string, parameters: Record<string, unknown> = {}) =>
		oktell.run({ resource: 'call', operation, ...parameters });
	const lineState = (number: string) =>
		oktell.simulator.state().lines.find((line) => line.number === number)?.state;
	const userState = (login: string) =>
		oktell.simulator.state().users.find((user) => user.login === login)?.state;

	for (const actor of ACTORS) {
		test(`by ${actor.by}: Start Auto Call rings 227, Answer connects, chain and abonent follow, Hang Up frees both`, async () => {
			const started = await call('startAutoCall', {
				...actor.parameters,
				number: '227',
				direction: 'pbx',
			});
			assert.equal(started.error, undefined);
			assert.deepEqual(started.items[0].json, {
				success: true,
				command: 'wp_autocallstart',
				...Object.fromEntries(actor.query.split('&').map((pair) => pair.split('='))),
				number: '227',
				direction: 'pbx',
			});
			assert.equal(lineState('227'), 'lsRinging');

			const answered = await call('answer', { user: 'petrov' });
			assert.equal(answered.error, undefined);
			assert.equal(lineState('223'), 'lsCommutated');
			assert.equal(userState('ivanov'), 5);

			const chain = await call('getChainContent', actor.parameters);
			const trace = chain.items[0].json.trace as Array<Record<string, unknown>>;
			assert.deepEqual(
				trace.map((element) => element.contentelementtype),
				['call', 'commutation'],
			);
			const abonent = await call('getAbonentInfo', actor.parameters);
			assert.equal(abonent.items[0].json.currentlinestatestr, 'lsCommutated');
			assert.equal(
				(abonent.items[0].json.abonentinfo as Record<string, unknown>).calleruserlogin,
				'petrov',
			);

			const hungUp = await call('hangUp', actor.parameters);
			assert.equal(hungUp.error, undefined);
			assert.equal(lineState('223'), 'lsHookUp');
			assert.equal(lineState('227'), 'lsHookUp');
			assert.equal(userState('petrov'), 1);

			assert.deepEqual(oktell.sent(), [
				`/wp_autocallstart?${actor.query}&number=227&direction=pbx`,
				'/wp_answercall?user=petrov',
				`/wp_getchaincontent?${actor.query}`,
				`/wp_getabonentinfo?${actor.query}`,
				`/wp_abortcall?${actor.query}`,
			]);
		});

		test(`by ${actor.by}: Decline, Answer, Stop Auto Call, Flash and Switch Call send their parameters`, async () => {
			await call('startAutoCall', { line: '227', number: '223', sequence: 'direct' });
			assert.equal((await call('decline', actor.parameters)).error, undefined);
			assert.equal(lineState('227'), 'lsHookUp');

			await call('startAutoCall', { line: '227', number: '223' });
			assert.equal((await call('answer', actor.parameters)).error, undefined);
			assert.equal(lineState('223'), 'lsCommutated');
			await call('hangUp', { line: '227' });

			await call('startAutoCall', {
				...actor.parameters,
				number: '+74950001122',
				sequence: 'back',
			});
			assert.equal((await call('stopAutoCall', actor.parameters)).error, undefined);
			assert.equal(lineState('223'), 'lsHookUp');

			await call('startAutoCall', { ...actor.parameters, number: '227' });
			await call('answer', { line: '227' });
			assert.equal(
				(await call('flash', { ...actor.parameters, flashMode: 'switch' })).error,
				undefined,
			);
			const switched = await call('switchCall', {
				...actor.parameters,
				number: '225',
				direction: 'pbx',
			});
			assert.equal(switched.error, undefined);
			assert.equal(lineState('223'), 'lsHookUp', 'the switching line is freed');

			assert.deepEqual(oktell.sent(), [
				'/wp_autocallstart?line=227&number=223',
				`/wp_declinecall?${actor.query}`,
				'/wp_autocallstart?line=227&number=223',
				`/wp_answercall?${actor.query}`,
				'/wp_abortcall?line=227',
				`/wp_autocallstart?${actor.query}&number=%2B74950001122&sequence=back`,
				`/wp_autocallstop?${actor.query}`,
				`/wp_autocallstart?${actor.query}&number=227`,
				'/wp_answercall?line=227',
				`/wp_flash?${actor.query}&mode=switch`,
				`/wp_switchcall?${actor.query}&number=225&direction=pbx`,
			]);
		});
	}

	test('Get Chain Content and Get Abonent Info serve the vendor examples for the demo call', async () => {
		const chain = await call('getChainContent', { user: 'Dima' });
		assert.equal(chain.items[0].json.chainid, 'c7b333a5-93b3-4277-8c60-9844d63a4732');
		assert.equal(chain.items[0].json.createtime, '2011-07-27 14:41:28');
		const abonent = await call('getAbonentInfo', { user: 'Dima' });
		assert.equal(abonent.items[0].json.currentlinestate, 32);
		assert.equal(
			(abonent.items[0].json.abonentinfo as Record<string, unknown>).callerlinenum,
			'17001',
		);
	});

	test('no line, user or workplace, or two of them, fail the item before anything is sent', async () => {
		const result = await oktell.run(
			{
				resource: 'call',
				operation: 'hangUp',
				line: '={{ $json.line }}',
				user: '={{ $json.user }}',
			},
			[{}, { line: '223', user: 'ivanov' }, { line: '17002' }],
			true,
		);
		assert.deepEqual(
			result.items.map((item) => item.json.error ?? item.json.command),
			['No line, user or workplace given', 'Both Line and User are given', 'wp_abortcall'],
		);
		assert.deepEqual(oktell.sent(), ['/wp_abortcall?line=17002']);
		const error = result.items[0].error;
		assert.match(String(error?.description), /exactly one of Line, User or Workplace/);
	});

	test('a command the server refuses (no incoming call) is an error with its reply', async () => {
		const result = await call('answer', { line: '223' });
		assert.equal(
			result.error?.message,
			'Oktell answered "wp_answercall" with an error (409): "No incoming call on line 223"',
		);
	});

	test('an unknown user is a 404 that says to check the names', async () => {
		const result = await call('hangUp', { user: 'nobody' });
		assert.match(String(result.error?.message), /Oktell found nothing for "wp_abortcall" \(404\)/);
		assert.match(String(result.error?.description), /user, line, workplace/);
	});
});
