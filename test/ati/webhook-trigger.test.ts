import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import type { AtiFixture } from './ati-fixture';
import { useAti } from './ati-fixture';

const application = (note: string) => ({
	route: { loading: { city_id: 1, first_date: '2026-12-10' }, unloading: { city_id: 3 } },
	cargo: { cargo_type_id: 2 },
	truck: { body_types: [1] },
	note,
});

async function withTrigger(
	ati: AtiFixture,
	run: (trigger: RunningWebhookTrigger) => Promise<void>,
	topic = 'cargoes',
) {
	const trigger = await startWebhookTrigger(ati.harness, {
		type: 'atiWebhookTrigger',
		parameters: { topic },
		credentials: { atiApi: ati.credentialId },
	});
	try {
		await trigger.activate();
		await ati.simulator.webhooks.settled();
		await run(trigger);
	} finally {
		await ati.simulator.webhooks.settled();
		await trigger.close();
	}
}

const requestLine = (request: { method: string; path: string }) =>
	`${request.method} ${request.path}`;

describe('ATI.SU Webhook Trigger', () => {
	const ati = useAti();

	test("activation subscribes the node's own URL, answers ATI's verification and deactivation removes it", async () => {
		await withTrigger(ati, async (trigger) => {
			const [hook] = ati.simulator.webhooks.list();
			assert.deepEqual(
				[hook.topic, hook.callback, hook.status],
				['cargoes', trigger.url, 'active'],
			);
			assert.match(JSON.stringify(trigger.staticData()), new RegExp(hook.id));
			await trigger.deactivate();
			assert.equal(ati.simulator.webhooks.get(hook.id)?.status, 'removed');
			assert.deepEqual(ati.simulator.requests.map(requestLine), [
				'POST /webhooks/v1/create',
				`GET /webhooks/v1/status/${hook.id}`,
				`DELETE /webhooks/v1/delete/${hook.id}`,
			]);
		});
	});

	test('Loads on Boards subscribes as ATI asks for board topics: a complex subscription naming the boards', async () => {
		const boards = ['507f1f77bcf86cd799439011', '507f1f77bcf86cd799439012'];
		const trigger = await startWebhookTrigger(ati.harness, {
			type: 'atiWebhookTrigger',
			parameters: { topic: 'cargoes.on_boards', boardIds: boards.join(', ') },
			credentials: { atiApi: ati.credentialId },
		});
		try {
			await trigger.activate();
			await ati.simulator.webhooks.settled();
			const [hook] = ati.simulator.webhooks.list();
			assert.deepEqual(
				[hook.topic, hook.status, hook.boards],
				['cargoes.on_boards', 'active', boards],
			);
			assert.deepEqual(JSON.parse(ati.simulator.requests[0].body), {
				topic: 'cargoes.on_boards',
				callback: trigger.url,
				subscription_type: 'complex',
				subscription: { channel: 'cargoes.on_boards', boards },
			});
		} finally {
			await ati.simulator.webhooks.settled();
			await trigger.close();
		}
	});

	test('Loads on Boards subscribed for other boards is subscribed anew on activation', async () => {
		const boards = ['507f1f77bcf86cd799439011'];
		const trigger = await startWebhookTrigger(ati.harness, {
			type: 'atiWebhookTrigger',
			parameters: { topic: 'cargoes.on_boards', boardIds: boards.join(', ') },
			credentials: { atiApi: ati.credentialId },
		});
		try {
			await trigger.activate();
			await ati.simulator.webhooks.settled();
			const [stored] = Object.values(trigger.staticData()) as IDataObject[];
			const first = stored?.hookId;
			assert.ok(first, 'the subscription is kept');
			trigger.seedNodeStaticData({ ...stored, boards: '507f1f77bcf86cd799439099' });
			await trigger.activate();
			await ati.simulator.webhooks.settled();

			const live = ati.simulator.webhooks.list().filter((hook) => hook.status === 'active');
			assert.equal(live.length, 1);
			assert.notEqual(live[0].id, first);
			assert.deepEqual(live[0].boards, boards);
		} finally {
			await ati.simulator.webhooks.settled();
			await trigger.close();
		}
	});

	test('Loads on Boards without a board ID fails activation saying what to enter; nothing is sent', async () => {
		const trigger = await startWebhookTrigger(ati.harness, {
			type: 'atiWebhookTrigger',
			parameters: { topic: 'cargoes.on_boards', boardIds: ' , ' },
			credentials: { atiApi: ati.credentialId },
		});
		try {
			await assert.rejects(trigger.activate(), /No board given for Loads on Boards/);
			assert.equal(ati.simulator.requests.length, 0);
		} finally {
			await trigger.close();
		}
	});

	test('a load published, changed and deleted starts one run each; the deletion is a "deleted" event with the ID', async () => {
		await withTrigger(ati, async (trigger) => {
			const load = ati.simulator.loads.add(application('first'));
			await trigger.waitForExecutions(1);
			ati.simulator.loads.replace(load.cargo_application_id, application('second'));
			await trigger.waitForExecutions(2);
			ati.simulator.loads.delete(load.cargo_application_id);
			const runs = await trigger.waitForExecutions(3);

			assert.deepEqual(
				runs.map(([item]) => [
					item.json.event,
					item.json.entity_id,
					(item.json.entity as { note?: string } | null)?.note ?? null,
				]),
				[
					['changed', load.cargo_application_id, 'first'],
					['changed', load.cargo_application_id, 'second'],
					['deleted', load.cargo_application_id, null],
				],
			);
			// The topic page's model names the load cargo_id; the entity is passed through whole.
			assert.equal(
				(runs[0][0].json.entity as { cargo_id?: string }).cargo_id,
				load.cargo_application_id,
			);
			assert.ok(trigger.calls.every((call) => call.status === 200));
		});
	});

	test("a carrier's answer to a published load (the order it took) arrives once, even when ATI repeats the delivery", async () => {
		await withTrigger(
			ati,
			async (trigger) => {
				const load = ati.simulator.loads.add(application('Москва → Казань'));
				const order = ati.simulator.orders.add({
					load_id: load.cargo_application_id,
					taker_ati_id: '234567',
				});
				const [[item]] = await trigger.waitForExecutions(1);
				await ati.simulator.webhooks.settled();
				ati.simulator.webhooks.redeliverLast();
				await ati.simulator.webhooks.settled();

				assert.equal(trigger.executions.length, 1);
				assert.deepEqual(
					[item.json.topic, item.json.event, item.json.entity_id],
					['orders', 'changed', order.id],
				);
				const entity = item.json.entity as { load_id?: string; taker_ati_id?: string };
				assert.deepEqual(
					[entity.load_id, entity.taker_ati_id],
					[load.cargo_application_id, '234567'],
				);
				assert.deepEqual(
					ati.simulator.webhooks.deliveries.map((delivery) => [delivery.retry, delivery.status]),
					[
						[false, 200],
						[true, 200],
					],
				);
			},
			'orders',
		);
	});

	test('a delivery ATI repeats (ATI-Is-Retry) does not start the workflow again', async () => {
		await withTrigger(ati, async (trigger) => {
			ati.simulator.loads.add(application('once'));
			await trigger.waitForExecutions(1);
			await ati.simulator.webhooks.settled();
			ati.simulator.webhooks.redeliverLast();
			await ati.simulator.webhooks.settled();

			assert.equal(trigger.executions.length, 1);
			assert.deepEqual(
				ati.simulator.webhooks.deliveries.map((delivery) => [delivery.retry, delivery.status]),
				[
					[false, 200],
					[true, 200],
				],
			);
		});
	});

	test('a forged call is refused with 401 and starts nothing: unsigned, or with a signature not made with the hook key', async () => {
		await withTrigger(ati, async (trigger) => {
			ati.simulator.loads.add(application('real'));
			await trigger.waitForExecutions(1);
			await ati.simulator.webhooks.settled();
			const forged = JSON.stringify({
				topic: 'cargoes',
				entities: [{ entity_id: 'x', action_date: '2026-12-07T00:00:00Z', entity: null }],
			});
			const post = async (body: string, headers: Record<string, string>) =>
				(
					await fetch(trigger.url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...headers },
						body,
					})
				).status;

			assert.equal(await post(forged, {}), 401);
			assert.equal(
				await post(forged, {
					date: new Date().toUTCString(),
					digest: 'sha-256=AAAA',
					authorization: 'Signature keyId="x",algorithm="hmac-sha256",signature="AAAA"',
				}),
				401,
			);
			const date = new Date().toUTCString();
			const digest = `sha-256=${createHash('sha256').update(forged).digest('base64')}`;
			assert.equal(
				await post(forged, {
					date,
					digest,
					authorization: `HMAC-SHA-256 Credential=x&SignedHeaders=Date;Digest;Host&Signature=${createHmac(
						'sha256',
						'guessed-key',
					)
						.update(
							`POST\n${new URL(trigger.url).pathname}\n${date};${digest};127.0.0.1:${new URL(trigger.url).port}`,
						)
						.digest('base64')}`,
				}),
				401,
			);
			assert.equal(trigger.executions.length, 1);
		});
	});

	test('with the key lost and ATI failing to say it, a call is refused with 401 (ATI sends it again), not 500', async () => {
		await withTrigger(ati, async (trigger) => {
			const [stored] = Object.values(trigger.staticData()) as IDataObject[];
			trigger.seedNodeStaticData({ ...stored, key: undefined });
			ati.simulator.injectFault({
				status: 500,
				times: 20,
				match: { path: '/webhooks/v1/status/*' },
			});

			const reply = await fetch(trigger.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ topic: 'cargoes', entities: [] }),
			});

			assert.equal(reply.status, 401);
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('a body over 5 MB is refused unread with 413; a call without Date or Digest with 401', async () => {
		await withTrigger(ati, async (trigger) => {
			const post = async (body: string, headers: Record<string, string> = {}) =>
				(
					await fetch(trigger.url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...headers },
						body,
					})
				).status;
			assert.equal(
				await post(JSON.stringify({ topic: 'cargoes', pad: 'x'.repeat(5 * 1024 * 1024) })),
				413,
			);
			assert.equal(
				await post('{"topic":"cargoes","entities":[]}', {
					authorization: 'Signature signature="AAAA"',
				}),
				401,
			);
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('a GET without a challenge is not answered as a verification', async () => {
		await withTrigger(ati, async (trigger) => {
			const reply = await fetch(trigger.url);
			assert.equal(reply.status, 400);
			const verified = await fetch(`${trigger.url}?challenge=abc&verification_status=progress`);
			assert.deepEqual([verified.status, await verified.json()], [200, 'abc']);
		});
	});
});
