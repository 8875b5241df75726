import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	explainRefusedLogin,
	recentRefusal,
	rememberRefusal,
	sessionIdentity,
	sessionTokenIn,
} from '../../nodes/Era/transport/login';

describe('ERA login helpers', () => {
	test('the session token is read from session_token, then token, then id', () => {
		assert.equal(sessionTokenIn({ session_token: 'a', token: 'b', id: 'c' }), 'a');
		assert.equal(sessionTokenIn({ token: 'b', id: 'c' }), 'b');
		assert.equal(sessionTokenIn({ session_token: '', id: 'c' }), 'c');
		assert.equal(sessionTokenIn({ domain: 'x' }), undefined);
		assert.equal(sessionTokenIn('text'), undefined);
	});

	test('a refused login says wrong domain, login or password, with ERA code, and is remembered', () => {
		const refused = explainRefusedLogin(401, {
			error_code: 10002,
			error_message: 'User not found',
		});
		assert.match(
			refused.message,
			/^ERA refused the login: wrong domain, login or password \(error 10002: User not found\)/,
		);
		assert.equal(refused.remember, true);
	});

	test('the ban answer names the wait and is remembered for that long', () => {
		const banned = explainRefusedLogin(403, {
			error_code: 10201,
			error_message: 'wait',
			error_details: { timer: 42 },
		});
		assert.match(banned.message, /blocked logins from this address for 42 s/);
		assert.equal(banned.waitMs, 42_000);
	});

	test('an answer without an ERA error points at the Server URL and is not remembered', () => {
		const wrongUrl = explainRefusedLogin(404, '<html>Not Found</html>');
		assert.match(wrongUrl.message, /check the Server URL/);
		assert.equal(wrongUrl.remember, false);
	});

	test('a remembered refusal lasts its time for the same login only', () => {
		const identity = { serverUrl: 'u', domain: 'd', login: 'l', password: 'p-remember' };
		rememberRefusal(identity, 'refused', 1_000, 10_000);

		assert.deepEqual(recentRefusal(identity, 10_500), { message: 'refused', secondsLeft: 1 });
		assert.equal(recentRefusal({ ...identity, password: 'p-other' }, 10_500), undefined);
		assert.equal(recentRefusal(identity, 11_000), undefined);
	});

	test('values that read the same when joined are still different credentials', () => {
		const identity = { serverUrl: 'http://era', domain: 'd', login: 'a|b', password: 'c' };
		const moved = { ...identity, login: 'a', password: 'b|c' };
		assert.notEqual(sessionIdentity(identity), sessionIdentity(moved));
		rememberRefusal(identity, 'refused', 60_000, 10_000);
		assert.equal(recentRefusal(moved, 10_500), undefined);
	});
});
