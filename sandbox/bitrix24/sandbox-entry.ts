import type { SandboxEntry } from '../sandbox-entry';
import {
	BITRIX24_DEMO_CREDENTIALS,
	BITRIX24_SANDBOX_PORT,
	bitrix24DemoCredentials,
	createBitrix24Simulator,
} from '.';

const demo = BITRIX24_DEMO_CREDENTIALS;

export const bitrix24Sandbox: SandboxEntry = {
	id: 'BITRIX24',
	port: BITRIX24_SANDBOX_PORT,
	credentials:
		`webhook URL: ${demo.bitrix24WebhookApi.secretWebhookUrl}; ` +
		`OAuth2: domain ${demo.bitrix24OAuth2Api.domain}, ` +
		`client id ${demo.bitrix24OAuth2Api.clientId}, ` +
		`client secret ${demo.bitrix24OAuth2Api.clientSecret}, ` +
		`token URL ${demo.bitrix24OAuth2Api.accessTokenUrl}`,
	create: () => createBitrix24Simulator(),
	n8nCredentials: (baseUrl) => {
		const bitrix24 = bitrix24DemoCredentials(baseUrl);
		return [
			{
				id: 'sandboxB24Hook01',
				name: 'Bitrix24 Sandbox (Webhook)',
				type: 'bitrix24WebhookApi',
				data: bitrix24.bitrix24WebhookApi,
			},
			{
				id: 'sandboxB24OAuth1',
				name: 'Bitrix24 Sandbox (OAuth2 App)',
				type: 'bitrix24OAuth2Api',
				data: bitrix24.bitrix24OAuth2Api,
				oauth2: true,
			},
		];
	},
	wrongSecrets: (baseUrl) => ({
		bitrix24WebhookApi: {
			secretWebhookUrl: `${baseUrl()}/rest/1/not-the-sandbox-webhook-code/`,
		},
	}),
};
