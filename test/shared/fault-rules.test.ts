import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INode } from 'n8n-workflow';

import { basicAuthSecret, redactSecrets } from '../../nodes/shared/errors/redact';
import { PageGuard } from '../../nodes/shared/http/page-guard';
import { pathSegment } from '../../nodes/shared/http/path-segment';
import { redirectStep } from '../../nodes/shared/http/redirect';
import { parseJsonReply } from '../../nodes/shared/http/reply-body';
import { expectShape } from '../../nodes/shared/http/reply-shape';
import { parseRetryAfter } from '../../nodes/shared/http/retry-policy';

const node = {
	name: 'Probe',
	type: 'probe',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

describe('redirects: credentials stay with their server', () => {
	const at = (status: number, location?: string) => ({
		statusCode: status,
		headers: location === undefined ? {} : { location },
	});

	test('same origin, relative or absolute, is followed', () => {
		assert.deepEqual(redirectStep(at(301, '/v2/x'), 'https://api.example/v1/x', 'GET'), {
			kind: 'follow',
			url: 'https://api.example/v2/x',
		});
		assert.equal(
			redirectStep(at(308, 'https://api.example/y'), 'https://api.example/x', 'POST').kind,
			'follow',
		);
	});

	test('http to https on the same host is followed; https to http and other ports are not', () => {
		assert.equal(
			redirectStep(at(301, 'https://api.example/x'), 'http://api.example/x', 'GET').kind,
			'follow',
		);
		assert.deepEqual(
			redirectStep(at(301, 'http://api.example/x'), 'https://api.example/x', 'GET'),
			{
				kind: 'refuse',
				reason: 'other-origin',
				target: 'http://api.example',
			},
		);
		assert.equal(
			redirectStep(at(301, 'https://api.example:8443/x'), 'http://api.example/x', 'GET').kind,
			'refuse',
		);
	});

	test('another host is refused, and only its origin is named (a path may hold secrets)', () => {
		assert.deepEqual(
			redirectStep(at(307, 'https://evil.example/p?token=1'), 'https://api.example/', 'GET'),
			{
				kind: 'refuse',
				reason: 'other-origin',
				target: 'https://evil.example',
			},
		);
	});

	test('a write is followed only by 307 and 308; a redirect without a location is refused', () => {
		assert.equal(redirectStep(at(303, '/done'), 'https://api.example/', 'POST').kind, 'refuse');
		assert.equal(redirectStep(at(302), 'https://api.example/', 'GET').kind, 'refuse');
		assert.equal(redirectStep(at(304), 'https://api.example/', 'GET').kind, 'none');
	});
});

describe('small fault rules', () => {
	test('Retry-After: negative or fractional seconds mean no usable wait, not a date', () => {
		assert.equal(parseRetryAfter('-5'), undefined);
		assert.equal(parseRetryAfter('1.5'), undefined);
		assert.equal(parseRetryAfter('3'), 3000);
	});

	test('every form of a secret is redacted: raw, URL- and form-encoded, JSON-escaped, Basic', () => {
		const password = 'p@ss "word"/+1 x';
		const basic = basicAuthSecret('operator', password);
		const text = [
			password,
			encodeURIComponent(password),
			encodeURIComponent(password).replace(/%20/g, '+'),
			JSON.stringify(password),
			`Authorization: Basic ${basic}`,
		].join(' | ');

		const redacted = redactSecrets(text, [password, basic]);

		assert.equal(
			redacted,
			'[redacted] | [redacted] | [redacted] | "[redacted]" | Authorization: Basic [redacted]',
		);
	});

	test('IDs in paths are encoded; empty, blank, "." and ".." are the item\'s input error', () => {
		assert.equal(
			pathSegment(() => node, 'a/b c', 'point ID'),
			'a%2Fb%20c',
		);
		assert.equal(
			pathSegment(() => node, 42, 'point ID'),
			'42',
		);
		for (const bad of ['', '  ', '.', '..', ' .. ', undefined, null, {}]) {
			assert.throws(
				() => pathSegment(() => node, bad, 'point ID', 3),
				(error: Error & { context?: { itemIndex?: number } }) =>
					/^The point ID is /.test(error.message) && error.context?.itemIndex === 3,
				String(bad),
			);
		}
	});

	test('a pager that repeats a cursor or passes its page cap stops with a clear error', () => {
		const guard = new PageGuard(node, 'Probe', 3);
		guard.next(0);
		guard.next(50);
		assert.throws(() => guard.next(50), /Probe sent the same page position twice \(50\)/);

		const capped = new PageGuard(node, 'Probe', 2);
		capped.next(1);
		capped.next(2);
		assert.throws(() => capped.next(3), /kept sending pages past 2/);
	});

	test('JSON nested deeper than 64 levels is refused before parsing; strings do not count', () => {
		assert.equal(parseJsonReply(`${'['.repeat(64)}${']'.repeat(64)}`, 'Probe').ok, true);
		const deep = parseJsonReply(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'Probe');
		assert.equal(deep.ok, false);
		assert.match(deep.ok ? '' : deep.problem, /nested deeper than 64 levels/);
		assert.deepEqual(parseJsonReply(`{"a":"${'['.repeat(100)}"}`, 'Probe'), {
			ok: true,
			value: { a: '['.repeat(100) },
		});
	});

	test('a reply of the wrong shape is an item error quoting its start', () => {
		const check = { vendor: 'Probe', what: 'Get', text: 'null', itemIndex: 2 };
		assert.deepEqual(
			expectShape(() => node, { id: 1 }, 'object', check),
			{ id: 1 },
		);
		assert.throws(
			() => expectShape(() => node, null, 'object', check),
			/^NodeApiError: Probe answered Get with something other than an object: "null"$/,
		);
		assert.throws(
			() => expectShape(() => node, [{}, null], 'list of objects', { ...check, text: '[{},null]' }),
			/other than a list of objects/,
		);
		assert.deepEqual(
			expectShape(() => node, [1], 'list', check),
			[1],
		);
	});
});
