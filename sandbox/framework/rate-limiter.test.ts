import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SlidingWindowRateLimiter } from './rate-limiter';

describe('SlidingWindowRateLimiter', () => {
	test('allows the limit per key within a window and refuses the next', () => {
		const limiter = new SlidingWindowRateLimiter({ limit: 3 });
		const results = [0, 100, 200, 300].map((at) => limiter.tryAcquire('token', at));
		assert.deepEqual(results, [true, true, true, false]);
	});

	test('counts each key on its own', () => {
		const limiter = new SlidingWindowRateLimiter({ limit: 1 });
		assert.equal(limiter.tryAcquire('a', 0), true);
		assert.equal(limiter.tryAcquire('b', 0), true);
		assert.equal(limiter.tryAcquire('a', 10), false);
	});

	test('frees a slot when the oldest request leaves the window', () => {
		const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 1000 });
		limiter.tryAcquire('k', 0);
		limiter.tryAcquire('k', 500);
		assert.equal(limiter.tryAcquire('k', 999), false);
		assert.equal(limiter.tryAcquire('k', 1000), true);
		assert.equal(limiter.tryAcquire('k', 1400), false);
		assert.equal(limiter.tryAcquire('k', 1500), true);
	});

	test('does not count refused requests, and reset forgets everything', () => {
		const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000 });
		limiter.tryAcquire('k', 0);
		limiter.tryAcquire('k', 900);
		assert.equal(limiter.tryAcquire('k', 1000), true);
		limiter.reset();
		assert.equal(limiter.tryAcquire('k', 1001), true);
	});
});
