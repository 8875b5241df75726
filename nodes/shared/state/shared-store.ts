import type { Cluster, Redis } from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';

import type { SharedRedisSettings } from './queue-settings';
import { sharedRedisSettings } from './queue-settings';

type RateLimiterRedisOptions = ConstructorParameters<typeof RateLimiterRedis>[0];

/**
 * State every n8n process of one installation sees: n8n's own queue Redis, reached with ioredis,
 * counted with rate-limiter-flexible. Both are loaded only here, on first use in queue mode.
 */
export interface SharedStore {
	redis: Redis | Cluster;
	/** Prefix for every key this pack writes. */
	prefix: string;
	rateLimiter(options: Omit<RateLimiterRedisOptions, 'storeClient'>): RateLimiterRedis;
	/**
	 * False from a lost or refused connection until ioredis has connected again, and from a command
	 * timeout until Redis answers a PING again. Callers then decide alone at once, instead of each
	 * waiting out Redis's retries (4 to 6 s a command) or its command timeout (2 s).
	 */
	reachable(): boolean;
}

/** Where a limiter or memory finds the shared store; undefined means this process alone. */
export type StoreSource = () => SharedStore | undefined;

/** The shared store while it can be reached; undefined means this process decides alone now. */
export function usableStore(source: StoreSource): SharedStore | undefined {
	const store = source();
	return store?.reachable() ? store : undefined;
}

export function openSharedStore(
	settings: SharedRedisSettings,
	timing: { stalledPauseMs?: number } = {},
): SharedStore {
	// Loaded here only: a single-process install never loads either library.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const ioredis = require('ioredis') as typeof import('ioredis');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flexible = require('rate-limiter-flexible') as typeof import('rate-limiter-flexible');
	const tls = settings.tls
		? { servername: settings.tlsServerName, rejectUnauthorized: settings.tlsRejectUnauthorized }
		: undefined;
	const options = {
		username: settings.username,
		password: settings.password,
		tls,
		// A command waits at most this long for Redis to come back; then the caller falls back.
		maxRetriesPerRequest: 2,
		connectTimeout: 5_000,
		// A Redis that is connected but stalled fails the command, and the caller falls back.
		commandTimeout: 2_000,
	};
	const redis =
		settings.clusterNodes.length > 0
			? new ioredis.Cluster(settings.clusterNodes, { redisOptions: options })
			: new ioredis.Redis({
					...options,
					host: settings.host,
					port: settings.port,
					db: settings.db,
				});
	// Errors also reach the callers of each command; an unhandled 'error' event would end the process.
	let lost = false;
	redis.on('error', () => (lost = true));
	redis.on('close', () => (lost = true));
	const stall = stallWatch(redis, timing.stalledPauseMs ?? STALLED_PAUSE_MS);
	return {
		redis,
		reachable: () => (!lost || redis.status === 'ready') && !stall.stalled(),
		prefix: settings.keyPrefix,
		rateLimiter: (limiterOptions) =>
			new flexible.RateLimiterRedis({
				...limiterOptions,
				storeClient: redis,
				keyPrefix: `${settings.keyPrefix}${limiterOptions.keyPrefix ?? 'limit'}`,
			}),
	};
}

/**
 * A Redis that keeps its connection but answers no command (blocked, overloaded) fails each one
 * after the command timeout without any event. After one such failure it is left alone, and a PING
 * this often, not a caller's command, finds out when it answers again.
 */
const STALLED_PAUSE_MS = 15_000;

function stallWatch(redis: Redis | Cluster, pauseMs: number): { stalled: () => boolean } {
	let stalled = false;
	let probe: NodeJS.Timeout | undefined;
	const probeLater = () => {
		if (probe || redis.status === 'end') return;
		probe = setTimeout(() => {
			redis.ping().then(
				() => {
					probe = undefined;
					stalled = false;
				},
				() => {
					probe = undefined;
					probeLater();
				},
			);
		}, pauseMs);
		probe.unref();
	};
	noteTimeouts(redis, () => {
		stalled = true;
		probeLater();
	});
	return { stalled: () => stalled };
}

/** Calls `onTimeout` whenever one of the client's commands fails on its command timeout. */
function noteTimeouts(redis: Redis | Cluster, onTimeout: () => void): void {
	const client = redis as unknown as { sendCommand: (...args: unknown[]) => unknown };
	const send = client.sendCommand.bind(client);
	client.sendCommand = (...args: unknown[]) => {
		const reply = send(...args);
		if (reply instanceof Promise) {
			reply.catch((error: unknown) => {
				if (error instanceof Error && error.message === 'Command timed out') onTimeout();
			});
		}
		return reply;
	};
}

let processStore: SharedStore | undefined | null = null;

/** This process's shared store: opened on first use when n8n runs in queue mode. */
export const processSharedStore: StoreSource = () => {
	if (processStore === null) {
		const settings = sharedRedisSettings();
		processStore = settings ? openSharedStore(settings) : undefined;
	}
	return processStore;
};

/**
 * Takes one point: resolves to 0 when it was free, or to the milliseconds until the window frees
 * one; rejects only when Redis itself fails (rate-limiter-flexible refuses with a RateLimiterRes).
 */
export async function takePoint(
	limiter: ReturnType<SharedStore['rateLimiter']>,
	key: string,
): Promise<number> {
	return await limiter.consume(key).then(
		() => 0,
		async (refusal: unknown) =>
			refusal instanceof Error
				? await Promise.reject(refusal)
				: Math.max(1, (refusal as { msBeforeNext: number }).msBeforeNext),
	);
}

/** Shared state is a help, never a new way to fail: when Redis fails, this process decides alone. */
export async function orInProcess<T>(
	shared: () => Promise<T>,
	inProcess: () => Promise<T> | T,
): Promise<T> {
	const outcome = await shared().then(
		(value) => ({ value }),
		() => undefined,
	);
	return outcome ? outcome.value : await inProcess();
}
