import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useBitrix24 } from './bitrix24-fixture';

describe('Bitrix24 Realtime', () => {
	const b24 = useBitrix24();

	test('Get Config returns the server and channels, sending CACHE and REOPEN', async () => {
		const result = await b24.realtime('getConfig', { cache: false, reopen: true });

		assert.equal(result.error, undefined);
		const config = result.items[0].json as {
			server: { version: number; long_polling: string };
			channels: { shared: { id: string }; private: { id: string } };
		};
		assert.equal(config.server.version, 4);
		assert.match(config.server.long_polling, /\/sub\/$/);
		assert.ok(config.channels.shared.id && config.channels.private.id);
		const [call] = b24.restCalls();
		assert.equal(call.path, '/rest/pull.application.config.get.json');
		assert.deepEqual(JSON.parse(call.body), { CACHE: 'N', REOPEN: 'Y' });
	});

	test('Publish Event publishes on the shared channel, or on the users\u2019 private ones', async () => {
		const result = await b24.realtime(
			'publishEvent',
			{
				command: '={{ $json.command }}',
				params: '={{ JSON.stringify({ dealId: $json.deal }) }}',
				moduleId: 'my_app',
				userIds: '={{ $json.users }}',
			},
			'oAuth2',
			[
				{ command: 'dealChanged', deal: 7, users: '' },
				{ command: 'order:paid', deal: 8, users: '1, 15' },
			],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, {
			published: true,
			command: 'dealChanged',
			moduleId: 'my_app',
			userIds: [],
		});
		const sent = b24.simulator.state().pull.sent;
		assert.deepEqual(
			sent.map((message) => [message.channel, message.text.command, message.text.params]),
			[
				['shared', 'dealChanged', { dealId: 7 }],
				['private', 'order:paid', { dealId: 8 }],
				['private', 'order:paid', { dealId: 8 }],
			],
		);
	});

	test('Publish Event checks command, module ID and user IDs before sending', async () => {
		const result = await b24.realtime(
			'publishEvent',
			{ command: '={{ $json.c }}', moduleId: '={{ $json.m }}', userIds: '={{ $json.u }}' },
			'oAuth2',
			[
				{ c: 'deal changed', m: 'app', u: '' },
				{ c: 'ok', m: 'My-App', u: '' },
				{ c: 'ok', m: 'app', u: '1, x' },
			],
			true,
		);

		assert.deepEqual(
			result.items.map((item) => item.json.error),
			[
				'"deal changed" is not a valid event command (item 0)',
				'"My-App" is not a valid module ID (item 1)',
				'"x" is not a Bitrix24 user ID (item 2)',
			],
		);
		assert.equal(b24.restCalls().length, 0);
	});

	test('Send Push sends the text to the users', async () => {
		const result = await b24.realtime('sendPush', { userIds: '1,15', text: 'Новая сделка' });

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, {
			sent: true,
			userIds: [1, 15],
			text: 'Новая сделка',
		});
		assert.deepEqual(
			b24.simulator.portal.pushes.map(({ userIds, text }) => ({ userIds, text })),
			[{ userIds: [1, 15], text: 'Новая сделка' }],
		);
	});

	for (const operation of ['getConfig', 'publishEvent', 'sendPush']) {
		test(`${operation} with a webhook says plainly that it needs an OAuth2 app`, async () => {
			const result = await b24.realtime(
				operation,
				{ command: 'x', userIds: '1', text: 't' },
				'webhook',
			);

			assert.match(
				String(result.error?.message),
				/^Realtime operations need a Bitrix24 OAuth2 app; a webhook cannot call pull\.application\./,
			);
			assert.equal(b24.simulator.requests.length, 0);
		});
	}

	test('a pull method called through Method → Call with a webhook explains WRONG_AUTH_TYPE', async () => {
		const result = await b24.call([{}], { method: 'pull.application.config.get' });

		assert.equal(
			result.error?.message,
			'pull.application.config.get works only with a Bitrix24 OAuth2 app, not a webhook',
		);
	});
});
