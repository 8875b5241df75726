import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { AtiWebhookTrigger } from '../../nodes/Ati/AtiWebhookTrigger.node';
import { eventsOf, repeatKeyOf } from '../../nodes/Ati/webhook-trigger/events';
import { AtiRepeatFilter, REPEAT_WINDOW_MS } from '../../nodes/Ati/webhook-trigger/repeat-filter';
import {
	bodyDigest,
	isSignedBy,
	signatureOf,
	sign,
	signingString,
} from '../../nodes/Ati/webhook-trigger/signature';

describe('ATI.SU Webhook Trigger parts', () => {
	test("the signing string is ATI's example form: method, path and query, then Date;Digest;host:port", () => {
		assert.equal(
			signingString(
				'post',
				'https://example.org/webhook?topic=orders',
				'Thu, 01 Jan 1970 00:00:00 GMT',
				'sha-256=SypZnuCTiysyLuUz9DOYckaU/vf0zrzdxKL1j/sHemg=',
			),
			'POST\n/webhook?topic=orders\nThu, 01 Jan 1970 00:00:00 GMT;sha-256=SypZnuCTiysyLuUz9DOYckaU/vf0zrzdxKL1j/sHemg=;example.org:443',
		);
	});

	test('a call is signed only with the key, the URL, the Date and the body it was signed over', () => {
		const url = 'https://n8n.example.ru/webhook/abc/ati-events';
		const body = Buffer.from('{"topic":"cargoes","entities":[]}');
		const date = 'Mon, 07 Dec 2026 10:00:00 GMT';
		const digest = bodyDigest(body);
		const authorization = `Signature keyId="h",algorithm="hmac-sha256",headers="date digest host",signature="${sign('key-1', signingString('POST', url, date, digest))}"`;
		const call = { method: 'POST', url, date, digest, authorization, body };

		assert.equal(isSignedBy('key-1', call), true);
		assert.equal(isSignedBy('key-2', call), false);
		assert.equal(isSignedBy('key-1', { ...call, url: `${url}x` }), false);
		assert.equal(isSignedBy('key-1', { ...call, date: 'Mon, 07 Dec 2026 10:00:01 GMT' }), false);
		assert.equal(isSignedBy('key-1', { ...call, body: Buffer.from('{"topic":"orders"}') }), false);
		assert.equal(isSignedBy('key-1', { ...call, authorization: undefined }), false);
	});

	test("ATI's header form is read: Signature=<base64> after Credential and SignedHeaders, in their order", () => {
		const url = 'https://n8n.example.ru/webhook/abc/ati-events';
		const body = Buffer.from('{"topic":"orders","entities":[]}');
		const date = 'Mon, 07 Dec 2026 10:00:00 GMT';
		const digest = bodyDigest(body);
		const signature = sign('key-1', signingString('POST', url, date, digest));
		const authorization = `HMAC-SHA-256 Credential=h1&SignedHeaders=Date;Digest;Host&Signature=${signature}`;
		const call = { method: 'POST', url, date, digest, authorization, body };

		assert.equal(signatureOf(authorization), signature);
		assert.equal(isSignedBy('key-1', call), true);
		assert.equal(isSignedBy('key-2', call), false);
		// Signed in another order: the values are joined in the order SignedHeaders names.
		const reordered = sign(
			'key-1',
			signingString('POST', url, date, digest, ['digest', 'date', 'host']),
		);
		assert.equal(
			isSignedBy('key-1', {
				...call,
				authorization: `HMAC-SHA-256 Credential=h1&SignedHeaders=Digest;Date;Host&Signature=${reordered}`,
			}),
			true,
		);
		// A signature that leaves out the body's Digest does not vouch for the body.
		const bodyless = sign('key-1', signingString('POST', url, date, digest, ['date', 'host']));
		assert.equal(
			isSignedBy('key-1', {
				...call,
				authorization: `HMAC-SHA-256 Credential=h1&SignedHeaders=Date;Host&Signature=${bodyless}`,
			}),
			false,
		);
		assert.equal(
			isSignedBy('key-1', { ...call, authorization: `HMAC-SHA-256 Credential=h1&Signature=AAAA` }),
			false,
		);
	});

	test('a delivery becomes one event per entity; entity null is "deleted"; a body of another shape is none', () => {
		const events = eventsOf({
			topic: 'cargoes',
			entities: [
				{ entity_id: 'a', action_date: '2026-12-07T10:00:00Z', entity: { note: 'x' } },
				{ entity_id: 'b', action_date: '2026-12-07T10:01:00Z', entity: null },
				{ entity: {} },
			],
			is_retry: false,
		});
		assert.deepEqual(
			events?.map((event) => [event.event, event.entity_id]),
			[
				['changed', 'a'],
				['deleted', 'b'],
			],
		);
		assert.equal(eventsOf({ hello: 'world' }), undefined);
		assert.equal(repeatKeyOf('h', events![1]), 'h|cargoes|b|2026-12-07T10:01:00Z');
	});

	test('in queue mode a delivery seen by one process is a repeat for another (SET NX PX in Redis)', async () => {
		const keys = new Map<string, string>();
		const redis = {
			set: async (key: string, value: string, px: string, ms: number, nx: string) => {
				assert.deepEqual([px, nx, ms], ['PX', 'NX', REPEAT_WINDOW_MS]);
				if (keys.has(key)) return null;
				keys.set(key, value);
				return 'OK';
			},
		};
		const store = {
			redis,
			prefix: 'bull:',
			rateLimiter: () => undefined,
			reachable: () => true,
		} as never;
		const [main, webhookProcess] = [
			new AtiRepeatFilter(() => store),
			new AtiRepeatFilter(() => store),
		];
		assert.equal(await main.firstTime('k'), true);
		assert.equal(await webhookProcess.firstTime('k'), false);
		assert.deepEqual([...keys.keys()], ['bull:ati-event:k']);
	});

	test('without Redis the process remembers', async () => {
		const filter = new AtiRepeatFilter(() => undefined);
		assert.equal(await filter.firstTime('k'), true);
		assert.equal(await filter.firstTime('k'), false);
		assert.equal(await filter.firstTime('other'), true);
	});
});

describe('ATI.SU Webhook Trigger registration in n8n', () => {
	test('the verification GET is registered before the POST whose create() subscribes', () => {
		// n8n 2.x stores a node's webhooks in order and calls create() right after storing each one;
		// ATI verifies the new subscription with a GET while create() waits: seen in the e2e stage,
		// where the GET got 404 and ATI deactivated the subscription.
		const webhooks = new AtiWebhookTrigger().description.webhooks ?? [];
		assert.deepEqual(
			webhooks.map((webhook) => [webhook.name, webhook.httpMethod]),
			[
				['setup', 'GET'],
				['default', 'POST'],
			],
		);
	});
});
