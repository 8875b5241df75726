import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { bitrix24DemoCredentials } from '../../sandbox/bitrix24';
import { phpForm } from '../../sandbox/bitrix24/events/php-form';
import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';

const appTrigger = (b24: Bitrix24Fixture, parameters: INodeParameters = {}) => ({
	type: 'bitrix24EventTrigger',
	parameters: {
		authentication: 'oAuth2',
		events: ['ONCRMDEALADD', 'ONCRMDEALUPDATE'],
		...parameters,
	},
	credentials: { bitrix24OAuth2Api: b24.oauthId },
});

const restCalls = (b24: Bitrix24Fixture, method: string) =>
	b24.restCalls().filter((call) => call.path === `/rest/${method}.json`);

async function createDeal(b24: Bitrix24Fixture, title: string) {
	const result = await b24.call([{}], {
		method: 'crm.deal.add',
		parameters: JSON.stringify({ fields: { TITLE: title } }),
	});
	assert.equal(result.error, undefined, result.error?.message);
	return String(result.items[0].json.result);
}

async function post(url: string, body: Record<string, unknown>) {
	const reply = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: phpForm(body),
	});
	return { status: reply.status, body: await reply.text() };
}

async function withTrigger(
	b24: Bitrix24Fixture,
	node: ReturnType<typeof appTrigger>,
	run: (trigger: RunningWebhookTrigger) => Promise<void>,
	port?: number,
) {
	const trigger = await startWebhookTrigger(b24.harness, node, port);
	try {
		await run(trigger);
	} finally {
		await b24.simulator.events.settled();
		await trigger.close();
	}
}

describe('Bitrix24 Event Trigger with an OAuth2 app', () => {
	const b24 = useBitrix24();

	test('activation binds its URL to each event and checks it; a new deal runs the workflow once; deactivation unbinds', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			const bound = b24.simulator.events.appHandlers();
			assert.deepEqual(
				bound.map((handler) => handler.event),
				['ONCRMDEALADD', 'ONCRMDEALUPDATE'],
			);
			assert.ok(bound.every((handler) => handler.handler.startsWith(`${trigger.url}?key=`)));
			assert.equal(restCalls(b24, 'event.get').length, 2, 'checked before and after binding');

			const id = await createDeal(b24, 'Order 7');
			const [execution] = await trigger.waitForExecutions(1);
			await b24.simulator.events.settled();

			assert.equal(trigger.executions.length, 1);
			assert.equal(execution.length, 1);
			const item = execution[0].json;
			assert.equal(item.event, 'ONCRMDEALADD');
			assert.equal(item.id, id);
			assert.deepEqual(item.data, { FIELDS: { ID: id } });
			const portal = item.portal as Record<string, unknown>;
			assert.equal(portal.member_id, b24.simulator.events.memberId);
			assert.equal('application_token' in portal, false, 'the token is not passed on');

			await trigger.activate();
			assert.equal(restCalls(b24, 'event.bind').length, 2, 'an active trigger is not bound twice');

			await trigger.deactivate();
			assert.deepEqual(b24.simulator.events.appHandlers(), []);
			assert.equal(restCalls(b24, 'event.unbind').length, 2);
		});
	});

	test('deactivation unbinds the node\u2019s handlers even when the static data of activation is gone', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			assert.equal(b24.simulator.events.appHandlers().length, 2);
			trigger.forgetStaticData();
			await trigger.deactivate();
			assert.deepEqual(b24.simulator.events.appHandlers(), []);
		});
	});

	test('an activation that lost its key replaces the old handlers rather than adding a second set', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			trigger.forgetStaticData();
			await trigger.activate();
			const bound = b24.simulator.events.appHandlers();
			assert.equal(bound.length, 2);
			await createDeal(b24, 'once');
			await b24.simulator.events.settled();
			assert.equal(trigger.executions.length, 1);
		});
	});

	test('a failed activation leaves nothing bound', async () => {
		const node = appTrigger(b24, {
			events: ['ONCRMDEALADD', 'other'],
			otherEvents: 'NOT_AN_EVENT',
		});
		await withTrigger(b24, node, async (trigger) => {
			await assert.rejects(trigger.activate(), /Event not found/);
			assert.deepEqual(b24.simulator.events.appHandlers(), []);
			assert.deepEqual(
				Object.values(trigger.staticData()).map(
					(stored) => (stored as { handlerKey?: string }).handlerKey,
				),
				[undefined],
				'no handler key is kept',
			);
		});
	});

	test('a call without the handler key or with another application token gets 401 and starts nothing', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			await createDeal(b24, 'real');
			await trigger.waitForExecutions(1);
			const [handler] = b24.simulator.events.appHandlers();
			const forged = {
				event: 'ONCRMDEALADD',
				data: { FIELDS: { ID: '999' } },
				auth: { domain: 'evil.example', application_token: 'PROBE_WRONG' },
			};

			assert.equal((await post(trigger.url, forged)).status, 401, 'no key');
			assert.equal((await post(handler.handler, forged)).status, 401, 'another token');
			const token = b24.simulator.events.appToken;
			const noKey = { ...forged, auth: { application_token: token } };
			assert.equal((await post(trigger.url, noKey)).status, 401, 'the right token, no key');
			assert.equal(trigger.executions.length, 1);
		});
	});

	test('the credential\u2019s Application Token is the one checked; the node\u2019s old parameter only when the credential has none', async () => {
		const withoutToken = b24.harness.addCredential('bitrix24OAuth2Api', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24OAuth2Api,
			applicationToken: '',
			oauthTokenData: { ...b24.simulator.issueTokens(), token_type: undefined },
		});
		const oldPlace = (token: string) => ({
			...appTrigger(b24, { appApplicationToken: token }),
			credentials: { bitrix24OAuth2Api: withoutToken },
		});
		await withTrigger(b24, oldPlace('PLACEHOLDER_OTHER'), async (trigger) => {
			await trigger.activate();
			await createDeal(b24, 'x');
			await b24.simulator.events.settled();
			assert.equal(trigger.executions.length, 0);
			assert.deepEqual(
				trigger.calls.map((call) => call.status),
				[401],
			);
		});
		await withTrigger(b24, oldPlace(b24.simulator.events.appToken), async (trigger) => {
			await trigger.activate();
			await createDeal(b24, 'y');
			await trigger.waitForExecutions(1);
		});
		// The credential's token wins over a stale one left on the node.
		const stale = appTrigger(b24, { appApplicationToken: 'PLACEHOLDER_OTHER' });
		await withTrigger(b24, stale, async (trigger) => {
			await trigger.activate();
			await createDeal(b24, 'z');
			await trigger.waitForExecutions(1);
		});
	});

	test('Fetch Full Record reads the deal; deals created together are read with one batch', async () => {
		await withTrigger(b24, appTrigger(b24, { fetchFullRecord: true }), async (trigger) => {
			await trigger.activate();
			const id = await createDeal(b24, 'Full');
			const [[first]] = await trigger.waitForExecutions(1);
			assert.equal((first.json.record as { TITLE?: string }).TITLE, 'Full');
			assert.equal((first.json.record as { ID?: string }).ID, id);
			assert.equal(restCalls(b24, 'crm.deal.get').length, 1);

			const result = await b24.call([{}], {
				method: 'batch',
				parameters: JSON.stringify({
					halt: 0,
					cmd: {
						a: 'crm.deal.add?fields[TITLE]=A',
						b: 'crm.deal.add?fields[TITLE]=B',
						c: 'crm.deal.add?fields[TITLE]=C',
					},
				}),
			});
			assert.equal(result.error, undefined, result.error?.message);
			const executions = await trigger.waitForExecutions(4);
			assert.deepEqual(
				executions
					.slice(1)
					.map(([item]) => (item.json.record as { TITLE: string }).TITLE)
					.sort(),
				['A', 'B', 'C'],
			);
			const batches = restCalls(b24, 'batch').filter((call) => call.body.includes('crm.deal.get'));
			assert.equal(batches.length, 1, 'one batch for the three');
			assert.equal(restCalls(b24, 'crm.deal.get').length, 1, 'no single reads for them');
		});
	});

	test('a delete emits the ID and reads nothing', async () => {
		const node = appTrigger(b24, { events: ['ONCRMDEALDELETE'], fetchFullRecord: true });
		await withTrigger(b24, node, async (trigger) => {
			await trigger.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALDELETE', { ID: '3' });
			const [[item]] = await trigger.waitForExecutions(1);
			assert.equal(item.json.id, '3');
			assert.equal(item.json.record, undefined);
			assert.equal(restCalls(b24, 'crm.deal.get').length, 0);
		});
	});

	test('the portal never sends a delivery again: one n8n did not take is gone (no retries)', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			trigger.failNext(1);
			await createDeal(b24, 'missed');
			await b24.simulator.events.settled();
			assert.deepEqual(
				b24.simulator.events.deliveries.map((delivery) => delivery.status),
				[500],
			);
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('the same delivery twice runs once and is answered 200; another record runs', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '1' });
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '2' });
			await b24.simulator.events.settled();
			const [first] = b24.simulator.events.deliveries;
			const again = await fetch(first.url, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: first.body,
			});
			assert.equal(again.status, 200);
			assert.deepEqual(trigger.executions.map(([item]) => item.json.id).sort(), ['1', '2']);
		});
	});

	test('two changes of one record 2 s apart both run (a deal created NEW, then moved to WON)', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger) => {
			await trigger.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '1' });
			await b24.simulator.events.settled();
			b24.simulator.events.advanceClock(2);
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '1' });
			const executions = await trigger.waitForExecutions(2);
			assert.deepEqual(
				executions.map(([item]) => item.json.id),
				['1', '1'],
			);
			assert.notEqual(executions[0][0].json.ts, executions[1][0].json.ts);
		});
	});

	test('two workflows bound to one event both run', async () => {
		const first = await startWebhookTrigger(b24.harness, appTrigger(b24), 0, 'workflow-a');
		const second = await startWebhookTrigger(b24.harness, appTrigger(b24), 0, 'workflow-b');
		try {
			await first.activate();
			await second.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '7' });
			await first.waitForExecutions(1);
			await second.waitForExecutions(1);
		} finally {
			await b24.simulator.events.settled();
			await first.close();
			await second.close();
		}
	});

	test('with the window at 0 every delivery runs', async () => {
		const node = appTrigger(b24, { options: { repeatWindow: 0 } });
		await withTrigger(b24, node, async (trigger) => {
			await trigger.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '5' });
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '5' });
			await trigger.waitForExecutions(2);
		});
	});
});

describe('Bitrix24 Event Trigger with an outbound webhook', () => {
	const b24 = useBitrix24();
	const webhookTrigger = (token: string, parameters: INodeParameters = {}) => ({
		type: 'bitrix24EventTrigger',
		parameters: {
			authentication: 'webhook',
			events: ['ONCRMDEALADD'],
			applicationToken: token,
			...parameters,
		},
		credentials: { bitrix24WebhookApi: b24.webhookId },
	});

	test('the outbound webhook\u2019s token in the credential is checked; an event of another portal starts nothing', async () => {
		const probe = await startWebhookTrigger(b24.harness, webhookTrigger(''));
		const { url, port } = probe;
		await probe.close();
		const { applicationToken } = b24.simulator.events.addOutboundWebhook(url, ['ONCRMDEALADD']);
		b24.simulator.events.origin = b24.baseUrl;
		const credential = b24.harness.addCredential('bitrix24WebhookApi', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24WebhookApi,
			applicationToken,
		});
		const node = { ...webhookTrigger(''), credentials: { bitrix24WebhookApi: credential } };
		await withTrigger(
			b24,
			node as never,
			async (trigger) => {
				await createDeal(b24, 'From webhook');
				await trigger.waitForExecutions(1);
				const elsewhere = {
					event: 'ONCRMDEALADD',
					data: { FIELDS: { ID: '1' } },
					auth: { domain: 'other.bitrix24.ru', application_token: applicationToken },
				};
				assert.equal((await post(trigger.url, elsewhere)).status, 403);
				assert.equal(trigger.executions.length, 1);
			},
			port,
		);
	});

	test('a portal reached by its own domain: its events run, pinned by member_id; a call naming another member_id starts nothing', async () => {
		const probe = await startWebhookTrigger(b24.harness, webhookTrigger(''));
		const { url, port } = probe;
		await probe.close();
		const { applicationToken } = b24.simulator.events.addOutboundWebhook(url, ['ONCRMDEALADD']);
		// The events name the portal's own domain; the credential's webhook URL another address.
		b24.simulator.events.origin = 'https://crm.example.ru';
		const credential = b24.harness.addCredential('bitrix24WebhookApi', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24WebhookApi,
			applicationToken,
		});
		const node = { ...webhookTrigger(''), credentials: { bitrix24WebhookApi: credential } };
		await withTrigger(
			b24,
			node as never,
			async (trigger) => {
				await createDeal(b24, 'Own domain');
				await trigger.waitForExecutions(1);
				const elsewhere = {
					event: 'ONCRMDEALADD',
					data: { FIELDS: { ID: '1' } },
					auth: {
						domain: 'crm.example.ru',
						member_id: 'm-other',
						application_token: applicationToken,
					},
				};
				assert.equal((await post(trigger.url, elsewhere)).status, 403);
				await createDeal(b24, 'Own domain again');
				await trigger.waitForExecutions(2);
			},
			port,
		);
	});

	test('activation calls nothing; the webhook\u2019s calls with its token run the workflow, others get 401', async () => {
		// The URL n8n shows, which an admin pastes into the outbound webhook before saving it.
		const probe = await startWebhookTrigger(b24.harness, webhookTrigger('unused'));
		const { url, port } = probe;
		await probe.close();
		const { applicationToken } = b24.simulator.events.addOutboundWebhook(url, ['ONCRMDEALADD']);
		b24.simulator.events.origin = b24.baseUrl;

		await withTrigger(
			b24,
			webhookTrigger(applicationToken, { fetchFullRecord: true }) as never,
			async (trigger) => {
				assert.equal(trigger.url, url, 'the URL is stable for the node');
				await trigger.activate();
				assert.equal(b24.restCalls().length, 0);

				const id = await createDeal(b24, 'From webhook');
				const [[item]] = await trigger.waitForExecutions(1);
				assert.equal(item.json.id, id);
				assert.equal((item.json.record as { TITLE?: string }).TITLE, 'From webhook');

				const forged = {
					event: 'ONCRMDEALADD',
					data: { FIELDS: { ID: '1' } },
					auth: { application_token: 'PROBE_WRONG' },
				};
				assert.equal((await post(trigger.url, forged)).status, 401);
				assert.equal(trigger.executions.length, 1);
				await trigger.deactivate();
				assert.equal(b24.simulator.events.handlers.length, 1, 'the admin\u2019s webhook stays');
			},
			port,
		);
	});
});
