import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Behaviour } from '../support/hostile-server';
import {
	dripBody,
	dripHeaders,
	endlessBody,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	respondJson,
	sequence,
} from '../support/hostile-server';
import {
	USER_ID,
	leakedForms,
	timed,
	useHostileOktell,
	userStateXml,
	xmlReply,
} from './hostile-fixture';

const MAY_HAVE_APPLIED =
	/Oktell may have made this change before the failure, so n8n did not send it again/;
const ok = respond(200, '');
const stateReply = xmlReply(userStateXml());

describe('Oktell against a hostile server: a call command is never sent twice', () => {
	const oktell = useHostileOktell();

	for (const status of [500, 502, 504]) {
		test(`Hang Up answered ${status} is sent once and says it may have ended the call`, async () => {
			const { server, hangUp } = await oktell.serve(sequence(respond(status, 'gateway'), ok));
			const result = await hangUp();
			assert.equal(server.count, 1);
			assert.equal(
				result.error?.message,
				`Oktell answered "wp_abortcall" with an error (${status}): "gateway"`,
			);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		});
	}

	for (const status of [429, 503]) {
		test(`Hang Up refused with ${status} (the server did not take it) is sent again`, async () => {
			const refusal = respond(status, 'busy', { 'Retry-After': '0' });
			const { server, hangUp } = await oktell.serve(sequence(refusal, ok));
			const result = await hangUp();
			assert.equal(result.error, undefined);
			assert.equal(server.count, 2);
			assert.deepEqual(result.items[0].json, {
				success: true,
				command: 'wp_abortcall',
				user: 'Dima',
			});
		});
	}

	test('Hang Up whose connection resets after the request, or mid-reply, is sent once', async () => {
		for (const fault of [resetAfterRequest(), resetMidBody(200, 'ok')]) {
			const { server, hangUp } = await oktell.serve(sequence(fault, ok));
			const result = await hangUp();
			assert.equal(server.count, 1);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		}
	});

	test('Hang Up against a dripping body or dripping headers fails within its Timeout and is sent once', async () => {
		for (const fault of [dripBody(200, {}, 200), dripHeaders(200)]) {
			const { server, hangUp } = await oktell.serve(fault);
			const { result, elapsed } = await timed(async () => await hangUp({ timeout: 1 }));
			assert.equal(result.error?.message, 'Oktell did not answer within 1 s');
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
			assert.match(String(result.error?.description), /Raise "Timeout \(Seconds\)"/);
			assert.ok(elapsed < 1_000 * 3 + 5_000, `took ${elapsed} ms`);
			assert.equal(server.count, 1);
		}
	});
});

describe('Oktell against a hostile server: reads are retried, bounded and capped', () => {
	const oktell = useHostileOktell();

	test('Get State answered 502 is retried, then succeeds', async () => {
		const { server, getState } = await oktell.serve(sequence(respond(502, 'proxy'), stateReply));
		const result = await getState();
		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
		assert.deepEqual(result.items[0].json, { id: USER_ID, state: 1, stateName: 'usReady' });
	});

	test('Get State whose connection resets after the request, or mid-reply, is retried', async () => {
		for (const fault of [resetAfterRequest(), resetMidBody(200, '<oktellxmlmapper>')]) {
			const { server, getState } = await oktell.serve(sequence(fault, stateReply));
			const result = await getState();
			assert.equal(result.error, undefined);
			assert.equal(server.count, 2);
		}
	});

	test('Get State against a dripping body or dripping headers ends within a bound of its Timeout', async () => {
		for (const fault of [dripBody(200, {}, 200), dripHeaders(200)]) {
			const { server, getState } = await oktell.serve(fault);
			const { result, elapsed } = await timed(async () => await getState({ timeout: 1 }));
			assert.match(String(result.error?.message), /^Oktell did not answer within 1 s/);
			assert.ok(elapsed < 1_000 * 3 + 5_000, `took ${elapsed} ms`);
			assert.ok(server.count >= 1 && server.count <= 3, `${server.count} requests`);
		}
	});

	test('an endless XML reply stops at 20 MB; an endless download at its Max Download Size', async () => {
		const { getState } = await oktell.serve(endlessBody(200, {}, '<a>'));
		const read = await getState();
		assert.equal(
			read.error?.message,
			'Oktell sent a reply larger than 20 MB; n8n stopped reading it',
		);

		const { run } = await oktell.serve(endlessBody(200, { 'Content-Type': 'audio/wav' }));
		const download = await run({
			resource: 'file',
			operation: 'download',
			source: 'record',
			fileId: 'ABC',
			options: { maxReplySize: 1 },
		});
		assert.equal(
			download.error?.message,
			'Oktell sent a reply larger than 1 MB; n8n stopped reading it',
		);
		assert.match(String(download.error?.description), /"Max Download Size \(MB\)"/);
	});
});

describe('Oktell against a hostile server: redirects and secrets', () => {
	const oktell = useHostileOktell();

	for (const status of [302, 307]) {
		test(`a ${status} to another server is not followed: the Basic login never goes there`, async () => {
			const elsewhere = await oktell.start(stateReply);
			const { getState, hangUp } = await oktell.serve(redirect(status, `${elsewhere.url}/x`));
			for (const result of [await getState(), await hangUp()]) {
				assert.match(
					String(result.error?.message),
					new RegExp(`^Oktell redirected the request to ${elsewhere.url}.*; it was not followed$`),
				);
			}
			assert.equal(elsewhere.count, 0);
		});
	}

	test('a redirect on the same server is followed', async () => {
		const moved: Behaviour = (socket, request, index) =>
			(index === 0 ? redirect(302, `/moved${request.path}`) : stateReply)(socket, request, index);
		const { server, getState } = await oktell.serve(moved);
		const result = await getState();
		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
		assert.match(server.requests[1].path, /^\/moved\/tst_getuserstate\?/);
		assert.match(server.requests[1].headers.authorization ?? '', /^Basic /);
	});

	test('a 500 echoing the request (Authorization, password, URL-encoded password) leaks no form of the login', async () => {
		const echo: Behaviour = (socket, request, index) => {
			const password = 'hostile p@ss/w+rd:7c2d';
			const body = `${request.raw}\npwd=${password} ${encodeURIComponent(password)}`;
			respond(500, body)(socket, request, index);
		};
		const { server, getState, hangUp } = await oktell.serve(echo);
		for (const result of [await getState(), await hangUp()]) {
			assert.match(String(result.error?.message), /with an error \(500\)/);
			const shown = [
				result.error?.message,
				result.error?.description,
				JSON.stringify(result.items),
				JSON.stringify(result.error),
			].join('\n');
			assert.deepEqual(leakedForms(shown), []);
		}
		assert.equal(leakedForms(server.requests[0].raw).length, 1, 'the server did get the login');
	});

	test('a 200 that is not the XML expected, echoing the request, leaks no form of the login either', async () => {
		const { getState } = await oktell.serve((socket, request, index) =>
			respond(200, `<html>${request.headers.authorization} ${request.raw}`)(socket, request, index),
		);
		const result = await getState();
		assert.match(String(result.error?.message), /not valid XML/);
		const shown = [result.error?.message, result.error?.description, JSON.stringify(result.error)];
		assert.deepEqual(leakedForms(shown.join('\n')), []);
	});
});

describe('Oktell against a hostile server: replies of the wrong shape and unsafe ids', () => {
	const oktell = useHostileOktell();

	test('Get Chain Content: null, a number and a list are that item’s clear error; the others go on', async () => {
		const replies = ['{"chainid":"c1"}', 'null', '42', '[null]'];
		const { run } = await oktell.serve((socket, request, index) =>
			respond(200, replies[index] ?? '{}')(socket, request, index),
		);
		const result = await run(
			{ resource: 'call', operation: 'getChainContent', user: '={{ $json.user }}' },
			{ continueOnFail: true, input: replies.map((_, index) => ({ user: `u${index}` })) },
		);
		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 4);
		assert.deepEqual(result.items[0].json, { chainid: 'c1' });
		for (const [index, quoted] of [
			[1, '"null"'],
			[2, '"42"'],
			[3, '"[null]"'],
		] as const) {
			assert.equal(
				result.items[index].json.error,
				`Oktell answered wp_getchaincontent with something other than an object: ${quoted}`,
			);
		}
	});

	test('Queue Get Many: a list holding null, an object, or a queue whose callers hold null is a clear error', async () => {
		for (const reply of [[null], { numprefix: '14' }, [{ numprefix: '14', queue: [null] }]]) {
			const { run } = await oktell.serve(respondJson(200, reply));
			const result = await run({ resource: 'queue', operation: 'getAll' });
			assert.match(
				String(result.error?.message),
				/^Oktell answered gettotalqueueinfo.* with something other than a list of objects: "/,
			);
		}
	});

	test('a record ID that is empty, blank, "." or ".." is an input error and nothing is sent', async () => {
		const { server, run } = await oktell.serve(ok);
		const ids = ['', ' ', '.', '..'];
		const result = await run(
			{ resource: 'file', operation: 'download', source: 'record', fileId: '={{ $json.id }}' },
			{ continueOnFail: true, input: ids.map((id) => ({ id })) },
		);
		assert.equal(server.count, 0);
		assert.deepEqual(
			result.items.map((item) => item.json.error),
			[
				'The record ID is empty',
				'The record ID is empty',
				'The record ID is "."',
				'The record ID is ".."',
			],
		);
	});

	test('a record ID is one encoded path segment', async () => {
		const { server, run } = await oktell.serve(
			respond(200, 'RIFF', { 'Content-Type': 'audio/wav' }),
		);
		const result = await run({
			resource: 'file',
			operation: 'download',
			source: 'record',
			fileId: '../rec/x?y',
		});
		assert.equal(result.error, undefined);
		assert.equal(server.requests[0].path, '/download/rec/..%2Frec%2Fx%3Fy?attachment=1');
	});
});
