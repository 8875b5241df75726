import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	asksToWait,
	backoffDelayMs,
	defaultRetryPolicy,
	parseRetryAfter,
	retryDelayMs,
} from '../../nodes/shared/http/retry-policy';

describe('retry policy', () => {
	test('Retry-After in seconds becomes milliseconds', () => {
		assert.equal(parseRetryAfter('7'), 7000);
		assert.equal(parseRetryAfter(' 0 '), 0);
	});

	test('Retry-After as an HTTP date is the time left until then, never negative', () => {
		const now = Date.parse('Sun, 22 Nov 2026 10:00:00 GMT');
		assert.equal(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now), 30_000);
		assert.equal(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now), 0);
	});

	test('an absent or unreadable Retry-After is ignored', () => {
		assert.equal(parseRetryAfter(undefined), undefined);
		assert.equal(parseRetryAfter(''), undefined);
		assert.equal(parseRetryAfter('soon'), undefined);
	});

	test('full jitter stays between 0 and the doubling ceiling, capped at the maximum delay', () => {
		const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
		assert.equal(
			backoffDelayMs(policy, 1, () => 0.999999),
			100,
		);
		assert.equal(
			backoffDelayMs(policy, 3, () => 0.999999),
			400,
		);
		assert.equal(
			backoffDelayMs(policy, 10, () => 0.999999),
			1000,
		);
		assert.equal(
			backoffDelayMs(policy, 10, () => 0),
			0,
		);
	});

	test('a 429 or 503 asks to wait only with a readable Retry-After', () => {
		assert.equal(asksToWait(429, '2'), true);
		assert.equal(asksToWait(503, 'Sun, 22 Nov 2026 10:00:30 GMT'), true);
		assert.equal(asksToWait(429, undefined), false);
		assert.equal(asksToWait(429, 'soon'), false);
		assert.equal(asksToWait(500, '2'), false);
	});

	test('Retry-After wins over a vendor rule, which wins over the default backoff', () => {
		const policy = {
			...defaultRetryPolicy,
			vendorDelayMs: (status: number) => (status === 429 ? 123 : undefined),
		};
		assert.equal(retryDelayMs(policy, 1, 429, '2'), 2000);
		assert.equal(retryDelayMs(policy, 1, 429, undefined), 123);
		assert.ok(retryDelayMs(policy, 1, 503, undefined) <= defaultRetryPolicy.baseDelayMs);
	});
});
