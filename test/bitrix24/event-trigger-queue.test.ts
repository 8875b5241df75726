import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { deliveryKey, RepeatFilter } from '../../nodes/Bitrix24/event-trigger/repeat-filter';
import { sharedRedisSettings } from '../../nodes/shared/state/queue-settings';
import type { SharedStore } from '../../nodes/shared/state/shared-store';
import { openSharedStore } from '../../nodes/shared/state/shared-store';
import { ensureRedisServer } from '../../runtime/private-redis';
import { phpForm } from '../../sandbox/bitrix24/events/php-form';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import { useQueueModeRedis } from '../support/queue-mode';
import { useBitrix24 } from './bitrix24-fixture';
import { postForm } from './post-form';

const missing = ensureRedisServer();

const WORKFLOW = 'queue-workflow';
const WINDOW_MS = 60_000;

describe(
	'Bitrix24 Event Trigger in queue mode: one delivery runs once across n8n processes (real Redis)',
	{ skip: missing },
	() => {
		// Registered first: the pack finds n8n's queue settings before its first use of Redis.
		useQueueModeRedis();
		const b24 = useBitrix24();
		const stores: SharedStore[] = [];
		after(async () => {
			for (const store of stores) await store.redis.quit();
		});

		/** Another n8n process: its own memory and its own connection to the same Redis. */
		function otherProcess(): RepeatFilter {
			const settings = sharedRedisSettings();
			assert.ok(settings, 'queue mode');
			const store = openSharedStore(settings);
			stores.push(store);
			return new RepeatFilter(() => store);
		}

		const delivery = (id: string, ts: string) => ({
			form: phpForm({
				event: 'ONCRMDEALADD',
				event_handler_id: '1',
				data: { FIELDS: { ID: id } },
				ts,
				auth: {
					domain: new URL(b24.baseUrl).host,
					member_id: b24.simulator.events.memberId,
					application_token: b24.simulator.events.appToken,
				},
			}),
			key: deliveryKey({
				trigger: `${WORKFLOW}|node-under-test`,
				portal: b24.simulator.events.memberId,
				event: 'ONCRMDEALADD',
				handlerId: '1',
				ts,
				subject: `|${id}`,
			}),
		});

		test('a delivery another process took starts nothing here, and one taken here is a repeat there', async () => {
			const trigger = await startWebhookTrigger(
				b24.harness,
				{
					type: 'bitrix24EventTrigger',
					parameters: { authentication: 'oAuth2', events: ['ONCRMDEALADD'] },
					credentials: { bitrix24OAuth2Api: b24.oauthId },
				},
				0,
				WORKFLOW,
			);
			try {
				await trigger.activate();
				const handlerUrl = b24.simulator.events.appHandlers()[0].handler;
				const other = otherProcess();

				const takenThere = delivery('31', '1700000001');
				assert.equal(await other.firstTime(takenThere.key, WINDOW_MS), true);
				assert.equal((await postForm(handlerUrl, takenThere.form)).status, 200);

				const takenHere = delivery('32', '1700000002');
				assert.equal((await postForm(handlerUrl, takenHere.form)).status, 200);
				const executions = await trigger.waitForExecutions(1);
				assert.deepEqual(
					executions.map(([item]) => item.json.id),
					['32'],
				);
				assert.equal(await other.firstTime(takenHere.key, WINDOW_MS), false);
				assert.equal(trigger.executions.length, 1);
			} finally {
				await b24.simulator.events.settled();
				await trigger.close();
			}
		});
	},
);
