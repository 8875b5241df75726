import { apiError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { decodeReplyText, parseJsonReply } from '../../shared/http/reply-body';
import type { RequestContext, VendorResponse } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { bitrixError, errorIn } from './errors';
import type { BitrixTarget } from './index';
import { MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS, bitrixRetryPolicy } from './index';
import { buckets } from './leaky-bucket';
import { resolvePortal } from './portal';

export interface PortalDownload {
	/** The link Bitrix24 gave (a Drive file's download link). */
	url: string;
	itemIndex: number;
	timeoutMs?: number;
	maxReplyBytes?: number;
	limitsHint?: string;
}

/**
 * Fetches a file from a link Bitrix24 gave, with the portal's credential: only on the portal's
 * own address (a link elsewhere is refused, so the credential never leaves the portal), within
 * the deadline and the reply size cap, and as a read (sent again after a dropped connection).
 * The link carries its own access key, so it is kept out of every error.
 */
export async function downloadFromPortal(
	context: RequestContext,
	target: BitrixTarget,
	download: PortalDownload,
): Promise<VendorResponse> {
	const portal = await resolvePortal(context, target.mode);
	let url: URL;
	try {
		url = new URL(download.url, portal.origin);
	} catch {
		url = new URL('invalid:');
	}
	const linkSecrets = [...url.searchParams.values()].filter((value) => value.length >= 8);
	const secrets = [...portal.secrets, ...linkSecrets];
	if (url.origin !== portal.origin) {
		throw apiError(context.getNode(), {
			message: `Bitrix24 gave a download link on another address (${redactSecrets(url.origin, secrets)}) than the portal (${portal.origin}); it was not fetched`,
			description:
				'n8n sends your Bitrix24 credentials only to the portal in the credential. If the portal has moved, put its new address in the credential.',
			itemIndex: download.itemIndex,
		});
	}
	const response = await sendVendorRequest(
		context,
		{
			credentialType: portal.credentialType,
			vendor: 'Bitrix24',
			retryPolicy: bitrixRetryPolicy,
			secrets,
			unreachableHint: `Check the portal address (${portal.origin}) in the Bitrix24 credential and the network, then try again.`,
			limitsHint: download.limitsHint,
			itemIndex: download.itemIndex,
			beforeAttempt: async () => await buckets[target.plan].acquire(portal.limiterKey),
		},
		{
			method: 'GET',
			url: url.toString(),
			headers: { Accept: '*/*' },
			timeoutMs: download.timeoutMs ?? TIMEOUT_SECONDS * 1000,
			maxReplyBytes: download.maxReplyBytes ?? MAX_REPLY_MEGABYTES * 1024 * 1024,
			effect: 'read',
		},
	);
	if (response.statusCode >= 200 && response.statusCode < 300) return response;
	const text = redactSecrets(decodeReplyText(response.body), secrets);
	const parsed = parseJsonReply(text, 'Bitrix24');
	throw bitrixError(context, {
		status: response.statusCode,
		reply: parsed.ok ? errorIn(parsed.value) : undefined,
		text,
		attempts: response.attempts,
		mode: portal.mode,
		method: 'file download',
		itemIndex: download.itemIndex,
	});
}
