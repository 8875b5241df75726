import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { redactSecrets } from '../../nodes/shared/errors/redact';
import { parseJsonReply, quoteStart } from '../../nodes/shared/http/reply-body';

describe('reply bodies and redaction', () => {
	test('broken JSON is reported with the start of the body, on one line', () => {
		const reply = parseJsonReply('{"a": 1,\n "b": oops', 'Oktell');
		assert.deepEqual(reply, {
			ok: false,
			problem: 'Oktell sent a reply that is not valid JSON: "{"a": 1, "b": oops"',
		});
	});

	test('a long body is cut to its first 200 characters', () => {
		const quoted = quoteStart('x'.repeat(1000));
		assert.equal(quoted, `"${'x'.repeat(200)}…"`);
	});

	test('a byte-order mark does not break JSON', () => {
		assert.deepEqual(parseJsonReply('\uFEFF[1]', 'ATI.SU'), { ok: true, value: [1] });
	});

	test('secrets are masked in plain and URL-encoded form; short or empty values are left alone', () => {
		const text = 'token=p@ss/word+1 and p%40ss%2Fword%2B1 and abc';
		assert.equal(
			redactSecrets(text, ['p@ss/word+1', 'abc', '', undefined]),
			'token=[redacted] and [redacted] and abc',
		);
	});
});
