import { apiError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { decodeReplyText, parseJsonReply } from '../../shared/http/reply-body';
import type {
	RequestContext,
	TransportHooks,
	VendorResponse,
} from '../../shared/http/vendor-request';
import { bitrixError, errorIn } from './errors';
import type { BitrixTarget } from './index';
import { bitrixRetryPolicy } from './index';
import { buckets } from './leaky-bucket';
import type { Portal } from './portal';

/** A link Bitrix24 gave (a download link, an upload address), checked to be on the portal. */
export interface PortalLink {
	url: URL;
	/** The portal's secrets and the link's own access keys, kept out of every error. */
	secrets: string[];
}

/**
 * A link Bitrix24 gave is followed only on the portal's own address: the link carries an access
 * key, and the credential and the file never go anywhere else.
 */
export function portalLink(
	context: RequestContext,
	portal: Portal,
	link: string,
	use: { itemIndex: number; what: string; outcome: string },
): PortalLink {
	let url: URL;
	try {
		url = new URL(link, portal.origin);
	} catch {
		url = new URL('invalid:');
	}
	const linkSecrets = [...url.searchParams.values()].filter((value) => value.length >= 8);
	const secrets = [...portal.secrets, ...linkSecrets];
	if (url.origin !== portal.origin) {
		throw apiError(context.getNode(), {
			message: `Bitrix24 gave ${use.what} on another address (${redactSecrets(url.origin, secrets)}) than the portal (${portal.origin}); ${use.outcome}`,
			description:
				'n8n sends your Bitrix24 credentials and files only to the portal in the credential. If the portal has moved, put its new address in the credential.',
			itemIndex: use.itemIndex,
		});
	}
	return { url, secrets };
}

/** How a request to a link is sent: the portal's rate limit, the link's keys kept out of errors. */
export function linkHooks(
	portal: Portal,
	target: BitrixTarget,
	link: PortalLink,
	request: { itemIndex: number; limitsHint?: string },
): TransportHooks {
	return {
		credentialType: portal.credentialType,
		vendor: 'Bitrix24',
		retryPolicy: bitrixRetryPolicy,
		secrets: link.secrets,
		unreachableHint: `Check the portal address (${portal.origin}) in the Bitrix24 credential and the network, then try again.`,
		limitsHint: request.limitsHint,
		itemIndex: request.itemIndex,
		beforeAttempt: async () => await buckets[target.plan].acquire(portal.limiterKey),
	};
}

/** The error a reply to a link's request stands for, its keys redacted. */
export function linkReplyError(
	context: RequestContext,
	portal: Portal,
	link: PortalLink,
	response: VendorResponse,
	details: { method: string; itemIndex: number },
): Error {
	const text = redactSecrets(decodeReplyText(response.body), link.secrets);
	const parsed = parseJsonReply(text, 'Bitrix24');
	return bitrixError(context, {
		status: response.statusCode,
		reply: parsed.ok ? errorIn(parsed.value) : undefined,
		text,
		attempts: response.attempts,
		mode: portal.mode,
		method: details.method,
		itemIndex: details.itemIndex,
		mayHaveApplied: response.mayHaveApplied,
	});
}
