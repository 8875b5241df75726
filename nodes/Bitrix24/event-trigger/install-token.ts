import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { parseJsonReply, decodeReplyText } from '../../shared/http/reply-body';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { asRequest } from '../../shared/webhook/webhook-context';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest, bitrixRetryPolicy } from '../transport';
import { resolvePortal } from '../transport/portal';
import { formBody } from './form-body';

const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };
const CHECK_TIMEOUT_MS = 20_000;
const CHECK_REPLY_BYTES = 256 * 1024;

/** Whether the call says it is the app's install event (read flat, before anything is built). */
export const isInstallCall = (raw: unknown) =>
	String(formBody.flatField(raw, ['event']) ?? '').toUpperCase() === 'ONAPPINSTALL';

/**
 * The application token of an install call (`ONAPPINSTALL`), once the call has proved it comes
 * from Bitrix24, as b24restdocs `api-reference/events/safe-event-handlers.md` says to check it:
 * the access token it carries must be one the credential's portal issued to this same app
 * (`app.info` read with it, at the credential's address, never at one the call names, gives the
 * app the credential's own token gives), and its `member_id` must be the credential's portal.
 * Undefined when any of this does not hold, or the portal cannot be asked.
 */
export async function verifiedInstallToken(
	context: IWebhookFunctions,
	raw: unknown,
	credentialMemberId: string | undefined,
): Promise<string | undefined> {
	const field = (key: string) => formBody.flatField(raw, ['auth', key]);
	const [applicationToken, accessToken, memberId] = [
		field('application_token'),
		field('access_token'),
		field('member_id'),
	];
	if (!applicationToken || !accessToken) return undefined;
	if (credentialMemberId && memberId !== credentialMemberId) return undefined;
	try {
		const request = asRequest(context);
		const ours = await bitrixApiRequest(request, APP, { method: 'app.info', effect: 'read' });
		const theirs = await appInfoWith(request, accessToken);
		return sameApp(ours.result, theirs) ? applicationToken : undefined;
	} catch {
		return undefined;
	}
}

/** `app.info` asked with the call's own access token and nothing of the credential's. */
async function appInfoWith(context: RequestContext, accessToken: string): Promise<unknown> {
	const portal = await resolvePortal(context, 'oAuth2');
	const reply = await sendVendorRequest(
		context,
		{
			credentialType: portal.credentialType,
			withoutCredentials: true,
			vendor: 'Bitrix24',
			retryPolicy: bitrixRetryPolicy,
			secrets: [accessToken],
			unreachableHint: `Check the portal address (${portal.origin}) in the Bitrix24 credential.`,
		},
		{
			method: 'POST',
			url: `${portal.methodBase}app.info.json`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: JSON.stringify({ auth: accessToken }),
			timeoutMs: CHECK_TIMEOUT_MS,
			maxReplyBytes: CHECK_REPLY_BYTES,
			effect: 'read',
		},
	);
	if (reply.statusCode !== 200) return undefined;
	const parsed = parseJsonReply(decodeReplyText(reply.body), 'Bitrix24');
	return parsed.ok && isPlainObject(parsed.value) ? parsed.value.result : undefined;
}

function sameApp(ours: unknown, theirs: unknown): boolean {
	if (!isPlainObject(ours) || !isPlainObject(theirs)) return false;
	const key = (app: IDataObject) => [app.ID, app.CODE].map((part) => String(part ?? ''));
	const [ourId, ourCode] = key(ours);
	const [theirId, theirCode] = key(theirs);
	return ourId !== '' && ourCode !== '' && ourId === theirId && ourCode === theirCode;
}
