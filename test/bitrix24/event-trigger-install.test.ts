import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bitrix24DemoCredentials } from '../../sandbox/bitrix24';
import { phpForm } from '../../sandbox/bitrix24/events/php-form';
import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { postForm } from './post-form';
import { useBitrix24 } from './bitrix24-fixture';

// The install call as b24restdocs api-reference/common/events/on-app-install.md shows it.
const installCall = (auth: Record<string, string>) =>
	phpForm({
		event: 'ONAPPINSTALL',
		data: { VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
		ts: '1',
		auth,
	});

describe('Bitrix24 Event Trigger: the token from a verified install call', () => {
	const b24 = useBitrix24();

	const credentialWithoutToken = () =>
		b24.harness.addCredential('bitrix24OAuth2Api', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24OAuth2Api,
			applicationToken: '',
			oauthTokenData: { ...b24.simulator.issueTokens(), member_id: b24.simulator.events.memberId },
		});

	const genuineAuth = (b24: Bitrix24Fixture) => ({
		domain: new URL(b24.baseUrl).host,
		member_id: b24.simulator.events.memberId,
		access_token: b24.simulator.issueTokens().access_token,
		application_token: b24.simulator.events.appToken,
	});

	async function withTrigger(
		run: (trigger: RunningWebhookTrigger, installUrl: string) => Promise<void>,
	) {
		const trigger = await startWebhookTrigger(b24.harness, {
			type: 'bitrix24EventTrigger',
			parameters: { authentication: 'oAuth2', events: ['ONCRMDEALADD'] },
			credentials: { bitrix24OAuth2Api: credentialWithoutToken() },
		});
		try {
			await trigger.activate();
			const install = b24.simulator.events
				.appHandlers()
				.find((bound) => bound.event === 'ONAPPINSTALL');
			assert.ok(install, 'with no token entered, activation binds the install event');
			await run(trigger, install.handler);
		} finally {
			await b24.simulator.events.settled();
			await trigger.close();
		}
	}

	const tokenKept = (trigger: RunningWebhookTrigger) =>
		JSON.stringify(trigger.staticData()).includes(b24.simulator.events.appToken);

	test('an install call the portal confirms gives the token: the events after it run', async () => {
		await withTrigger(async (trigger, installUrl) => {
			const reply = await postForm(installUrl, installCall(genuineAuth(b24)));
			assert.equal(reply.status, 200, reply.body);
			assert.ok(tokenKept(trigger));
			assert.equal(trigger.executions.length, 0, 'the install call itself starts nothing');
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '8' });
			const executions = await trigger.waitForExecutions(1);
			assert.deepEqual(
				executions.map(([item]) => item.json.id),
				['8'],
			);
			const asked = b24.restCalls().filter((call) => call.path === '/rest/app.info.json');
			assert.equal(asked.length, 2, "the credential's app, and the app of the call's token");
		});
	});

	test('a forged install call (an access token the portal never issued) changes nothing', async () => {
		await withTrigger(async (trigger, installUrl) => {
			const forged = { ...genuineAuth(b24), access_token: 'PROBE_NOT_ISSUED' };
			const reply = await postForm(installUrl, installCall(forged));
			assert.equal(reply.status, 401);
			assert.equal(tokenKept(trigger), false);
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '9' });
			await b24.simulator.events.settled();
			assert.equal(trigger.executions.length, 0);
		});
	});

	test('an install call naming another portal, or missing the URL\u2019s secret key, changes nothing', async () => {
		await withTrigger(async (trigger, installUrl) => {
			const elsewhere = { ...genuineAuth(b24), member_id: 'another-portal' };
			assert.equal((await postForm(installUrl, installCall(elsewhere))).status, 401);
			const withoutKey = installUrl.replace(/\?.*$/, '');
			assert.equal((await postForm(withoutKey, installCall(genuineAuth(b24)))).status, 401);
			assert.equal(tokenKept(trigger), false);
		});
	});
});
