import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { APP_CREDENTIAL_TYPE, WEBHOOK_CREDENTIAL_TYPE } from '../transport/portal';

/** Where genuine events come from: the portal of the credential, and the token they carry. */
export interface EventSource {
	/** The application token calls must carry; undefined when none was entered anywhere. */
	token?: string;
	/** The portal's host (`mycompany.bitrix24.ru`), when a credential names it. */
	host?: string;
	/** The portal's `member_id`, which n8n keeps from Bitrix24's token reply. */
	memberId?: string;
}

interface StoredCredential extends IDataObject {
	applicationToken?: string;
	domain?: string;
	secretWebhookUrl?: string;
	oauthTokenData?: IDataObject;
}

/**
 * The token is entered: in the credential, or (workflows made before it moved there) in the node.
 * Nothing is learnt from a call, so a forged first call cannot choose the token.
 */
export async function eventSourceOf(
	context: IHookFunctions | IWebhookFunctions,
	app: boolean,
	oldParameter: string,
): Promise<EventSource> {
	const credential = await credentialOf(context, app);
	const entered = text(credential?.applicationToken);
	const old = text(context.getNodeParameter(oldParameter, '') as unknown);
	return {
		token: entered ?? old,
		host: hostOf(app ? credential?.domain : credential?.secretWebhookUrl),
		memberId: text(credential?.oauthTokenData?.member_id),
	};
}

/**
 * Why the event is not from the credential's portal, or undefined when it is (or none is known).
 * The portal's `member_id` decides where it is known: from n8n's token reply (OAuth2 app), or
 * pinned from the first call that carried the outbound webhook's own token (a portal reached by
 * its own domain names another host than the webhook URL). Without one, the host decides.
 */
export function otherPortal(
	auth: IDataObject,
	source: EventSource,
	pin: { memberId?: string; allowed: boolean },
): string | undefined {
	const memberId = text(auth.member_id);
	const known = source.memberId ?? pin.memberId;
	if (known && memberId) return memberId === known ? undefined : `member_id ${memberId}`;
	if (!known && memberId && pin.allowed) return undefined;
	if (!source.host) return undefined;
	const domain = text(auth.domain)?.toLowerCase();
	return domain === source.host ? undefined : `domain ${domain ?? '(none)'}`;
}

async function credentialOf(
	context: IHookFunctions | IWebhookFunctions,
	app: boolean,
): Promise<StoredCredential | undefined> {
	if (app) return await context.getCredentials<StoredCredential>(APP_CREDENTIAL_TYPE);
	// The outbound webhook needs no credential: its token may be only on the node.
	return await context
		.getCredentials<StoredCredential>(WEBHOOK_CREDENTIAL_TYPE)
		.catch(() => undefined);
}

function hostOf(address: unknown): string | undefined {
	const given = text(address);
	if (!given) return undefined;
	try {
		return new URL(/^https?:\/\//i.test(given) ? given : `https://${given}`).host.toLowerCase();
	} catch {
		return undefined;
	}
}

function text(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}
