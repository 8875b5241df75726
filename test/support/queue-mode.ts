import { after, before } from 'node:test';

import assert from 'node:assert/strict';

import type { SharedRedisSettings } from '../../nodes/shared/state/queue-settings';
import { sharedRedisSettings } from '../../nodes/shared/state/queue-settings';
import type { PrivateRedis } from '../../runtime/private-redis';
import { startPrivateRedis } from '../../runtime/private-redis';

/**
 * Makes this test process play an n8n process in queue mode: a private Redis starts before the
 * suite and stops after it, and n8n's queue settings name it (the pack reads them on its first
 * use of Redis). Returns the running Redis.
 */
export function useQueueModeRedis(): () => PrivateRedis {
	let redis: PrivateRedis | undefined;
	before(async () => {
		redis = await startPrivateRedis();
		process.env.EXECUTIONS_MODE = 'queue';
		process.env.QUEUE_BULL_REDIS_HOST = redis.host;
		process.env.QUEUE_BULL_REDIS_PORT = String(redis.port);
	});
	after(async () => await redis?.stop());
	return () => {
		if (!redis) throw new Error('Redis is started before the suite runs');
		return redis;
	};
}

/** n8n's queue settings naming a private Redis, with a key prefix of their own. */
export function queueSettingsFor(redis: PrivateRedis): SharedRedisSettings {
	const settings = sharedRedisSettings(
		{
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_PREFIX: `test-${process.pid}-${Math.random()}`,
		},
		[],
	);
	assert.ok(settings);
	return settings;
}
