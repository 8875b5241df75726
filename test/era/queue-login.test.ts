import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type * as LoginModule from '../../nodes/Era/transport/login';
import { sharedRedisSettings } from '../../nodes/shared/state/queue-settings';
import type { SharedStore } from '../../nodes/shared/state/shared-store';
import { openSharedStore } from '../../nodes/shared/state/shared-store';
import type { EraSimulator } from '../../sandbox/era';
import { ERA_DEMO_CREDENTIALS, createEraSimulator } from '../../sandbox/era';
import type { PrivateRedis } from '../../runtime/private-redis';
import { ensureRedisServer, startPrivateRedis } from '../../runtime/private-redis';

const missing = ensureRedisServer();

/** A worker process: its own copy of the login module (its own memory) and its own Redis connection. */
function workerProcess(store: SharedStore): typeof LoginModule {
	const path = require.resolve('../../nodes/Era/transport/login');
	delete require.cache[path];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const login = require(path) as typeof LoginModule;
	delete require.cache[path];
	return {
		...login,
		shareLogin: (identity, run, now) => login.shareLogin(identity, run, now, () => store),
	};
}

describe(
	'ERA: a wrong password costs one failed login across n8n processes (queue mode, real Redis)',
	{ skip: missing },
	() => {
		let redis: PrivateRedis;
		let era: EraSimulator;
		let serverUrl: string;
		const stores: SharedStore[] = [];

		before(async () => {
			redis = await startPrivateRedis();
			era = createEraSimulator();
			serverUrl = await era.start();
		});

		after(async () => {
			for (const store of stores) store.redis.disconnect();
			await era.stop();
			await redis.stop();
		});

		/** What the ERA credential does on each login: the refusal memory first, then one POST. */
		async function logIn(worker: typeof LoginModule, identity: LoginModule.LoginIdentity) {
			const refused = worker.recentRefusal(identity);
			if (refused)
				throw new Error(`${refused.message} (not tried again for ${refused.secondsLeft} s)`);
			const reply = await fetch(`${serverUrl}/rest/v1/iam/sessions`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({
					domain: identity.domain,
					login: identity.login,
					pwd: identity.password,
					session_type: 'token',
				}),
			});
			const body = (await reply.json()) as object;
			if (reply.ok) return worker.bindSession(identity, worker.sessionTokenIn(body) ?? '');
			const { message, remember, waitMs } = worker.explainRefusedLogin(reply.status, body);
			if (remember) worker.rememberRefusal(identity, message, waitMs);
			throw new Error(message);
		}

		const failedLogins = () =>
			era.requests.filter(
				(request) =>
					request.method === 'POST' &&
					request.path === '/rest/v1/iam/sessions' &&
					request.status >= 400,
			).length;

		test('3 workers, each running 4 items with a wrong password: ERA sees one failed login', async () => {
			const settings = sharedRedisSettings(
				{
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: redis.host,
					QUEUE_BULL_REDIS_PORT: String(redis.port),
				},
				[],
			);
			assert.ok(settings);
			const identity = { serverUrl, ...ERA_DEMO_CREDENTIALS, password: 'PLACEHOLDER-wrong' };
			const workers = [1, 2, 3].map(() => {
				const store = openSharedStore(settings);
				stores.push(store);
				return workerProcess(store);
			});
			const outcomes = await Promise.allSettled(
				workers.flatMap((worker) =>
					[1, 2, 3, 4].map(() =>
						worker.shareLogin(identity, async () => await logIn(worker, identity)),
					),
				),
			);
			assert.ok(outcomes.every((outcome) => outcome.status === 'rejected'));
			for (const outcome of outcomes) {
				assert.match(
					String((outcome as PromiseRejectedResult).reason),
					/wrong domain, login or password/,
				);
			}
			assert.equal(failedLogins(), 1);

			// The right password is a new identity: it logs in at once, from any worker.
			const right = { serverUrl, ...ERA_DEMO_CREDENTIALS };
			const session = await workers[2].shareLogin(
				right,
				async () => await logIn(workers[2], right),
			);
			assert.match(session, /^[0-9a-f]{64}\./);
		});

		test('the same 3 workers each remembering alone cost one failed login each (what Redis prevents)', async () => {
			era.reset();
			const identity = { serverUrl, ...ERA_DEMO_CREDENTIALS, password: 'PLACEHOLDER-other' };
			const workers = [1, 2, 3].map(() => {
				const path = require.resolve('../../nodes/Era/transport/login');
				delete require.cache[path];
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const login = require(path) as typeof LoginModule;
				delete require.cache[path];
				return {
					...login,
					shareLogin: (...args: Parameters<typeof login.shareLogin>) =>
						login.shareLogin(args[0], args[1], undefined, () => undefined),
				};
			});
			await Promise.allSettled(
				workers.map((worker) =>
					worker.shareLogin(identity, async () => await logIn(worker, identity)),
				),
			);
			assert.equal(failedLogins(), 3);
		});
	},
);
