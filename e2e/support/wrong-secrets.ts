import { sandboxUrl } from './e2e-env';

/** Per credential type, the fields that make the sandbox refuse it. */
export const wrongSecrets: Record<string, Record<string, unknown>> = {
	atiApi: { accessToken: 'not-the-sandbox-token' },
	eraApi: { password: 'not-the-sandbox-password' },
	oneCConnectApi: { password: 'not-the-sandbox-password' },
	oktellApi: { password: 'not-the-sandbox-password' },
	bitrix24WebhookApi: {
		secretWebhookUrl: `${sandboxUrl('BITRIX24')}/rest/1/not-the-sandbox-webhook-code/`,
	},
};

/** What n8n logs when the wrong secrets above are tested: expected, so not a fault of the pack. */
export const expectedLogErrors = [/ERA refused the login: wrong domain, login or password/];
