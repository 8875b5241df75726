import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';

import { useOktell } from './oktell-fixture';

describe('Oktell: faults, retries and Continue On Fail', () => {
	const oktell = useOktell();
	const getVersion = (continueOnFail = false) =>
		oktell.run({ resource: 'server', operation: 'getVersion' }, [{}], continueOnFail);
	const hangUp = () => oktell.run({ resource: 'call', operation: 'hangUp', user: 'Dima' });

	test('a read is retried after a dropped connection and then succeeds', async () => {
		oktell.simulator.injectFault({ reset: true, times: 1 });
		const result = await getVersion();
		assert.equal(result.error, undefined);
		assert.deepEqual(
			oktell.simulator.requests.map((request) => request.status),
			[0, 200],
		);
	});

	test('a call command is not repeated after a dropped connection: it may have run', async () => {
		oktell.simulator.injectFault({ reset: true, times: 1 });
		const result = await hangUp();
		assert.equal(
			result.error?.message,
			'Could not reach Oktell: The connection was closed before the server answered',
		);
		assert.match(String(result.error?.description), /Server URL in the Oktell credential/);
		assert.equal(oktell.simulator.requests.length, 1);
	});

	test('a script whose reply never comes times out 5 s after its own timeout, and is not repeated', async () => {
		oktell.simulator.injectFault({ latencyMs: 6_500, match: { path: '/execsvcscript' } });
		const started = Date.now();
		const result = await oktell.run({
			resource: 'serviceScript',
			operation: 'execute',
			scriptName: 'SvcScript1',
			scriptTimeout: 1,
		});
		const elapsed = Date.now() - started;
		assert.equal(result.error?.message, 'Oktell did not answer within 6 s');
		assert.ok(elapsed >= 5_900 && elapsed < 6_500, `gave up after ${elapsed} ms`);
		await setTimeout(6_700 - elapsed);
		assert.equal(oktell.simulator.requests.length, 1, 'sent once, never repeated');
	});

	test('503 is retried for commands too (the server did not take them); 502 is not', async () => {
		oktell.simulator.injectFault({ status: 503, retryAfter: '0', times: 1 });
		assert.equal((await hangUp()).error, undefined);

		oktell.simulator.reset();
		oktell.simulator.injectFault({ status: 502, times: 1 });
		const result = await hangUp();
		assert.match(
			String(result.error?.message),
			/Oktell answered "wp_abortcall" with an error \(502\)/,
		);
		assert.equal(oktell.simulator.requests.length, 1);
	});

	test('500 is an error that quotes the reply and says the fault is on the server', async () => {
		oktell.simulator.injectFault({ status: 500, body: 'Internal error in script engine' });
		const result = await getVersion();
		assert.equal(
			result.error?.message,
			'Oktell answered "getversion" with an error (500): "Internal error in script engine"',
		);
		assert.match(String(result.error?.description), /Oktell server's side/);
	});

	test('403 and 401 say to check the login, password and the Web-API privilege', async () => {
		for (const status of [401, 403]) {
			oktell.simulator.injectFault({ status, body: 'Forbidden' });
			const result = await getVersion();
			assert.equal(result.error?.message, `Oktell refused the login (${status})`);
			assert.match(String(result.error?.description), /privilege to run Web-API requests/);
		}
	});

	test('XML with a DOCTYPE is refused; broken XML is quoted', async () => {
		oktell.simulator.injectFault({
			status: 200,
			body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><oktellxmlmapper/>',
		});
		const doctype = await getVersion();
		assert.match(String(doctype.error?.message), /DOCTYPE or entity declaration, which is refused/);

		oktell.simulator.injectFault({ status: 200, body: '<oktellxmlmapper><data>' });
		const broken = await getVersion();
		assert.match(
			String(broken.error?.message),
			/^Oktell sent a reply that is not valid XML .*"<oktellxmlmapper><data>"/,
		);

		oktell.simulator.injectFault({ status: 200, body: '<html>login page</html>' });
		const wrong = await getVersion();
		assert.match(String(wrong.error?.message), /without the expected <oktellxmlmapper> root/);
	});

	test('with Continue On Fail, N items in give N items out, each failure in its own place', async () => {
		oktell.simulator.injectFault({ status: 500, body: 'boom', match: { path: '/wp_abortcall' } });
		const result = await oktell.run(
			{ resource: 'call', operation: 'hangUp', user: '={{ $json.user }}' },
			[{ user: 'Dima' }, { user: '' }, { user: 'VIKTIRICH' }, { user: 'nobody' }],
			true,
		);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.error ?? item.json.command, item.pairedItem]),
			[
				['Oktell answered "wp_abortcall" with an error (500): "boom"', { item: 0 }],
				['No line, user or workplace given', { item: 1 }],
				['wp_abortcall', { item: 2 }],
				[
					'Oktell found nothing for "wp_abortcall" (404): "User not found"'.replace(
						'User not found',
						'Internal line not found for user=nobody',
					),
					{ item: 3 },
				],
			],
		);
	});
});
