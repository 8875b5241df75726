import type { IDataObject } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';
import { limiterKey } from '../../shared/http/rate-limiter';
import type { RequestContext } from '../../shared/http/vendor-request';

export const WEBHOOK_CREDENTIAL_TYPE = 'bitrix24WebhookApi';
export const APP_CREDENTIAL_TYPE = 'bitrix24OAuth2Api';

export type AuthMode = 'webhook' | 'oAuth2';

/** Where and how one Bitrix24 portal is called. */
export interface Portal {
	mode: AuthMode;
	credentialType: string;
	origin: string;
	/** `<methodBase><method>.json` is a method's URL. */
	methodBase: string;
	/** Credential values that must never appear in an error. */
	secrets: string[];
	/** The rate limit is per portal. */
	limiterKey: string;
	/** The access token in use (OAuth2), to tell whether another request has refreshed it. */
	accessToken?: string;
}

const WEBHOOK_URL = /^(https?:\/\/[^/?#\s]+)\/rest\/(\d+)\/([A-Za-z0-9_]+)\/?$/;

export function authModeOf(context: RequestContext, itemIndex = 0): AuthMode {
	const mode = context.getNodeParameter('authentication', itemIndex, 'webhook') as string;
	return mode === 'oAuth2' ? 'oAuth2' : 'webhook';
}

export async function resolvePortal(context: RequestContext, mode: AuthMode): Promise<Portal> {
	if (mode === 'webhook') {
		const { secretWebhookUrl } = await context.getCredentials<{ secretWebhookUrl: string }>(
			WEBHOOK_CREDENTIAL_TYPE,
		);
		return webhookPortal(context, String(secretWebhookUrl ?? ''));
	}
	const credentials = await context.getCredentials<{
		domain: string;
		clientId: string;
		clientSecret: string;
		oauthTokenData?: IDataObject;
	}>(APP_CREDENTIAL_TYPE);
	const origin = portalOrigin(context, String(credentials.domain ?? ''));
	const token = credentials.oauthTokenData ?? {};
	return {
		mode,
		credentialType: APP_CREDENTIAL_TYPE,
		origin,
		methodBase: `${origin}/rest/`,
		secrets: [credentials.clientSecret, token.access_token, token.refresh_token].filter(
			(value): value is string => typeof value === 'string',
		),
		limiterKey: limiterKey('bitrix24', origin),
		accessToken: typeof token.access_token === 'string' ? token.access_token : undefined,
	};
}

function webhookPortal(context: RequestContext, secretWebhookUrl: string): Portal {
	const match = WEBHOOK_URL.exec(secretWebhookUrl.trim());
	if (!match) {
		throw inputError(
			context.getNode(),
			'The Bitrix24 webhook URL is not in the expected form',
			'Paste the whole incoming webhook URL, like https://mycompany.bitrix24.ru/rest/1/abcdef0123456789/, into the Bitrix24 Webhook API credential.',
		);
	}
	const [, origin, userId, code] = match;
	return {
		mode: 'webhook',
		credentialType: WEBHOOK_CREDENTIAL_TYPE,
		origin,
		methodBase: `${origin}/rest/${userId}/${code}/`,
		secrets: [code, secretWebhookUrl],
		limiterKey: limiterKey('bitrix24', origin),
	};
}

function portalOrigin(context: RequestContext, domain: string): string {
	const text = domain.trim().replace(/\/+$/, '');
	const origin = /^https?:\/\//.test(text) ? text : `https://${text}`;
	if (!/^https?:\/\/[^/?#\s]+$/.test(origin)) {
		throw inputError(
			context.getNode(),
			'The portal domain in the Bitrix24 OAuth2 credential is not a domain',
			'Enter only the portal address, like mycompany.bitrix24.ru, without a path.',
		);
	}
	return origin;
}
