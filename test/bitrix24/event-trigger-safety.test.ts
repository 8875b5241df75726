import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { formBody } from '../../nodes/Bitrix24/event-trigger/form-body';
import { bitrix24DemoCredentials } from '../../sandbox/bitrix24';
import { phpForm } from '../../sandbox/bitrix24/events/php-form';
import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { postForm } from './post-form';
import { useBitrix24 } from './bitrix24-fixture';

const appTrigger = (
	b24: Bitrix24Fixture,
	parameters: INodeParameters = {},
	credential?: string,
) => ({
	type: 'bitrix24EventTrigger',
	parameters: { authentication: 'oAuth2', events: ['ONCRMDEALADD'], ...parameters },
	credentials: { bitrix24OAuth2Api: credential ?? b24.oauthId },
});

async function withTrigger(
	b24: Bitrix24Fixture,
	node: ReturnType<typeof appTrigger>,
	run: (trigger: RunningWebhookTrigger, handlerUrl: string) => Promise<void>,
) {
	const trigger = await startWebhookTrigger(b24.harness, node);
	try {
		await trigger.activate();
		await run(trigger, b24.simulator.events.appHandlers()[0].handler);
	} finally {
		await b24.simulator.events.settled();
		await trigger.close();
	}
}

const dealAdded = (auth: Record<string, string>, id = '9') =>
	phpForm({
		event: 'ONCRMDEALADD',
		event_handler_id: '1',
		data: { FIELDS: { ID: id } },
		ts: '1',
		auth,
	});

describe('Bitrix24 Event Trigger: nothing lost when the read fails, answered before the read', () => {
	const b24 = useBitrix24();

	test('a portal that answers 500 to Fetch Full Record still yields an execution, with the error and the event\u2019s data', async () => {
		b24.simulator.injectFault({ status: 500, match: { path: '/rest/crm.deal.get.json' } });
		await withTrigger(b24, appTrigger(b24, { fetchFullRecord: true }), async (trigger) => {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '3' });
			const [[item]] = await trigger.waitForExecutions(1);
			assert.equal(item.json.id, '3');
			assert.deepEqual(item.json.data, { FIELDS: { ID: '3' } });
			assert.equal(item.json.record, undefined);
			assert.match(String(item.json.error), /refused crm\.deal\.get/);
			assert.deepEqual(
				b24.simulator.events.deliveries.map((delivery) => delivery.status),
				[200],
			);
		});
	});

	test('a read that hangs: Bitrix24 has its 200 before the read ends, and the execution comes with the timeout as its error', async () => {
		b24.simulator.injectFault({
			latencyMs: 8_000,
			times: 3,
			match: { path: '/rest/crm.deal.get.json' },
		});
		const node = appTrigger(b24, { fetchFullRecord: true, options: { timeout: 1 } });
		await withTrigger(b24, node, async (trigger) => {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '4' });
			await b24.simulator.events.settled();
			assert.deepEqual(
				b24.simulator.events.deliveries.map((delivery) => delivery.status),
				[200],
			);
			assert.equal(trigger.executions.length, 0, 'answered while the read still waits');
			const [[item]] = await trigger.waitForExecutions(1, 30_000);
			assert.equal(item.json.id, '4');
			assert.match(String(item.json.error), /did not answer within 1 s/);
		});
	});
});

describe('Bitrix24 Event Trigger: who may start it', () => {
	const b24 = useBitrix24();

	const credentialWithoutToken = () =>
		b24.harness.addCredential('bitrix24OAuth2Api', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24OAuth2Api,
			applicationToken: '',
			oauthTokenData: { ...b24.simulator.issueTokens(), token_type: undefined },
		});

	test('a forged first call on a fresh app changes nothing: it gets 401, and the genuine events still run', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger, handlerUrl) => {
			const forged = dealAdded({
				domain: new URL(b24.baseUrl).host,
				application_token: 'PROBE_FORGED',
			});
			assert.equal((await postForm(handlerUrl, forged)).status, 401);
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '5' });
			const executions = await trigger.waitForExecutions(1);
			assert.deepEqual(
				executions.map(([item]) => item.json.id),
				['5'],
			);
		});
	});

	test('with no token entered anywhere no call is taken: not the first, not a later genuine one', async () => {
		await withTrigger(
			b24,
			appTrigger(b24, {}, credentialWithoutToken()),
			async (trigger, handlerUrl) => {
				const forged = dealAdded({
					domain: new URL(b24.baseUrl).host,
					application_token: 'PROBE_FORGED',
				});
				const first = await postForm(handlerUrl, forged);
				assert.equal(first.status, 401);
				assert.match(first.body, /No Application Token is set/);
				b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '6' });
				await b24.simulator.events.settled();
				assert.equal(trigger.executions.length, 0);
				assert.deepEqual(
					b24.simulator.events.deliveries.map((delivery) => delivery.status),
					[401],
				);
				assert.equal(JSON.stringify(trigger.staticData()).includes('PROBE_FORGED'), false);
			},
		);
	});

	test('a workflow activated by an earlier version keeps the token it learnt until it is deactivated', async () => {
		const trigger = await startWebhookTrigger(
			b24.harness,
			appTrigger(b24, {}, credentialWithoutToken()),
		);
		try {
			trigger.seedNodeStaticData({ applicationToken: b24.simulator.events.appToken });
			await trigger.activate();
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '7' });
			const executions = await trigger.waitForExecutions(1);
			assert.deepEqual(
				executions.map(([item]) => item.json.id),
				['7'],
			);
			await trigger.deactivate();
			assert.equal(
				'applicationToken' in ((trigger.staticData()['node:Node Under Test'] as object) ?? {}),
				false,
			);
		} finally {
			await b24.simulator.events.settled();
			await trigger.close();
		}
	});

	test('an event of another portal with the right token starts nothing (403)', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger, handlerUrl) => {
			const token = b24.simulator.events.appToken;
			const elsewhere = dealAdded({
				domain: 'other.bitrix24.ru',
				member_id: 'm-other',
				application_token: token,
			});
			assert.equal((await postForm(handlerUrl, elsewhere)).status, 403);
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('the member_id n8n keeps from the token reply decides, whatever the domain', async () => {
		const credential = b24.harness.addCredential('bitrix24OAuth2Api', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24OAuth2Api,
			oauthTokenData: {
				...b24.simulator.issueTokens(),
				token_type: undefined,
				member_id: b24.simulator.events.memberId,
			},
		});
		await withTrigger(b24, appTrigger(b24, {}, credential), async (trigger, handlerUrl) => {
			const token = b24.simulator.events.appToken;
			const host = new URL(b24.baseUrl).host;
			const other = dealAdded({ domain: host, member_id: 'm-other', application_token: token });
			assert.equal((await postForm(handlerUrl, other)).status, 403);
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '8' });
			await trigger.waitForExecutions(1);
		});
	});
});

describe('Bitrix24 Event Trigger: bodies are bounded before they are built', () => {
	const b24 = useBitrix24();

	test('a 14 MB body of deep keys without the token is refused (401) before any nested object is built', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger, handlerUrl) => {
			const key = (index: number) => `f${index}${'[k]'.repeat(4_700)}`;
			const body = Array.from({ length: 1_000 }, (_, index) => `${key(index)}=1`).join('&');
			assert.ok(body.length > 14_000_000);
			const nestedParser = mock.method(formBody, 'eventBodyOf');
			assert.equal((await postForm(handlerUrl, body)).status, 401);
			assert.equal(nestedParser.mock.callCount(), 0, 'the nested parser never ran');
			nestedParser.mock.restore();
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('a body nested 5,000,000 deep gets 400, not 500, with or without the token', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger, handlerUrl) => {
			const deep = `a${'[b]'.repeat(5_000_000)}=1`;
			const token = encodeURIComponent(b24.simulator.events.appToken);
			const withToken = `event=ONCRMDEALADD&auth%5Bapplication_token%5D=${token}&${deep}`;
			const nestedParser = mock.method(formBody, 'eventBodyOf');
			const refused = await postForm(handlerUrl, withToken);
			assert.equal(refused.status, 400);
			assert.match(refused.body, /nested deeper than 64/);
			assert.equal((await postForm(handlerUrl, deep)).status, 401);
			assert.equal(nestedParser.mock.callCount(), 0);
			nestedParser.mock.restore();
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('a genuine event nested up to 64 levels is taken', async () => {
		await withTrigger(b24, appTrigger(b24), async (trigger, handlerUrl) => {
			const token = b24.simulator.events.appToken;
			const host = new URL(b24.baseUrl).host;
			const body = `${dealAdded({ domain: host, application_token: token })}&data[X]${'[y]'.repeat(62)}=1`;
			assert.equal((await postForm(handlerUrl, body)).status, 200);
			await trigger.waitForExecutions(1);
		});
	});
});
