import type { RequestContext, VendorResponse } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import type { BitrixTarget } from './index';
import { MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS } from './index';
import { resolvePortal } from './portal';
import { linkHooks, linkReplyError, portalLink } from './portal-link';

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
	const link = portalLink(context, portal, download.url, {
		itemIndex: download.itemIndex,
		what: 'a download link',
		outcome: 'it was not fetched',
	});
	const response = await sendVendorRequest(context, linkHooks(portal, target, link, download), {
		method: 'GET',
		url: link.url.toString(),
		headers: { Accept: '*/*' },
		timeoutMs: download.timeoutMs ?? TIMEOUT_SECONDS * 1000,
		maxReplyBytes: download.maxReplyBytes ?? MAX_REPLY_MEGABYTES * 1024 * 1024,
		effect: 'read',
	});
	if (response.statusCode >= 200 && response.statusCode < 300) return response;
	throw linkReplyError(context, portal, link, response, {
		method: 'file download',
		itemIndex: download.itemIndex,
	});
}
