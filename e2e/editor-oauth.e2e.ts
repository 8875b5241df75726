import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { EditorBrowser } from './support/editor-browser';
import { startedN8n } from './support/suite';

const { client } = startedN8n();
const editor = new EditorBrowser(client.baseUrl);

// Runs before the examples and triggers that use the OAuth2 app credential.
describe("OAuth2 credentials connect through n8n's own OAuth flow (Chromium)", () => {
	before(async () => {
		await client.login();
		await editor.launch();
		await editor.signIn();
	});

	after(async () => await editor.close());

	for (const credential of sandboxCredentials().filter((candidate) => candidate.oauth2)) {
		test(`${credential.name}: "Connect" authorizes at the simulator and stores the tokens`, async () => {
			const page = editor.page;
			await page.goto(`${client.baseUrl}/home/credentials/${credential.id}`);
			// n8n 2.x labels it "Connect" in the "Connect your account" banner ("Connect my account"
			// in older versions).
			const connect = page.getByRole('button', { name: /^(Connect|Connect my account)$/ }).first();
			try {
				await connect.waitFor({ timeout: 30_000 });
			} finally {
				await editor.screenshot(`oauth-${credential.type}-opened`);
			}
			// The button opens a popup: n8n's /rest/oauth2-credential/auth → the simulator's
			// authorize page, which approves → n8n's callback, which fetches the tokens.
			const popupOpened = editor.context.waitForEvent('page', { timeout: 30_000 });
			await connect.click();
			const popup = await popupOpened;
			await popup
				.waitForURL((url) => url.pathname.includes('/oauth2-credential/callback'), {
					timeout: 30_000,
				})
				.catch(() => undefined);
			await page
				.locator('[data-test-id="oauth-connect-success-banner"]')
				.waitFor({ timeout: 30_000 });
			await editor.screenshot(`oauth-${credential.type}-connected`);
			const stored = await client.request<{ data: Record<string, unknown> }>(
				'GET',
				`/credentials/${credential.id}?includeData=true`,
			);
			assert.ok(stored.data.oauthTokenData, 'n8n stored the tokens of the OAuth flow');
			assert.deepEqual(editor.takePageErrors(), []);
		});
	}
});
