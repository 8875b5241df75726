import type { JsonObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { quoteStart } from '../../shared/http/reply-body';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AuthMode } from './portal';

export interface BitrixErrorReply {
	error: string;
	error_description?: string;
}

/** `{error, error_description}`, the shape of every Bitrix24 error, or undefined. */
export function errorIn(value: unknown): BitrixErrorReply | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const { error, error_description } = value as Record<string, unknown>;
	if (typeof error !== 'string') return undefined;
	// "Not found" comes as {"error": "", "error_description": "Not found"}.
	if (error === '' && typeof error_description !== 'string') return undefined;
	return {
		error,
		error_description: typeof error_description === 'string' ? error_description : undefined,
	};
}

export interface BitrixFailure {
	status: number;
	reply?: BitrixErrorReply;
	text: string;
	attempts: number;
	mode: AuthMode;
	method: string;
	itemIndex?: number;
	/** When the method's execution-time budget resets (epoch ms), if a reply said so. */
	budgetResetAt?: number;
	/** The wait the last reply asked for (Retry-After), longer than n8n waits. */
	retryAfterMs?: number;
	/** A write answered with a server error: it may have been applied (the vendor's name). */
	mayHaveApplied?: string;
}

export function bitrixError(context: RequestContext, failure: BitrixFailure) {
	const { message, description } = explain(failure);
	const wait =
		failure.retryAfterMs === undefined
			? ''
			: ` Bitrix24 asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s before trying again.`;
	return apiError(context.getNode(), {
		message,
		description: `${description}${wait}`,
		httpCode: failure.status || undefined,
		itemIndex: failure.itemIndex,
		vendorReply: failure.reply as JsonObject | undefined,
		mayHaveApplied: failure.mayHaveApplied,
	});
}

const RECONNECT = {
	webhook:
		'Check the webhook URL in the Bitrix24 Webhook API credential; if the webhook was deleted, create a new one and paste its URL.',
	oAuth2:
		'Reconnect the Bitrix24 OAuth2 API credential; the app may have been removed from the portal.',
};

function explain(failure: BitrixFailure): { message: string; description: string } {
	const code = failure.reply?.error || (failure.reply ? '' : `HTTP ${failure.status}`);
	const said = failure.reply?.error_description ?? (failure.reply ? '' : quoteStart(failure.text));
	const detail = [code, said].filter(Boolean).join(': ');
	const on = `Bitrix24 refused ${failure.method}`;
	switch (failure.reply?.error) {
		case 'WRONG_AUTH_TYPE':
			return {
				message: `${failure.method} works only with a Bitrix24 OAuth2 app, not a webhook`,
				description:
					'Switch the Authentication of this node to OAuth2 and connect a Bitrix24 OAuth2 API credential of your app.',
			};
		case 'expired_token':
			return {
				message: `${on}: the access token expired and could not be renewed`,
				description: RECONNECT.oAuth2,
			};
		case 'NO_AUTH_FOUND':
		case 'invalid_token':
		case 'INVALID_CREDENTIALS':
			return { message: `${on} (${detail})`, description: RECONNECT[failure.mode] };
		case 'insufficient_scope':
			return {
				message: `${on}: the ${failure.mode === 'webhook' ? 'webhook' : 'app'} lacks the scope this method needs`,
				description: `Add the method's scope (such as crm, user or pull) to the ${failure.mode === 'webhook' ? 'incoming webhook' : 'app'} in Bitrix24, then try again.`,
			};
		case 'ACCESS_DENIED':
			return {
				message: `${on} (${detail})`,
				description: 'The user behind the credential may not do this; ask a portal administrator.',
			};
		case 'ERROR_METHOD_NOT_FOUND':
			return {
				message: `Bitrix24 has no method ${failure.method}`,
				description:
					'Check the method name (such as crm.deal.list) and that its module is installed.',
			};
		case 'QUERY_LIMIT_EXCEEDED':
			return {
				message: `Bitrix24 kept answering QUERY_LIMIT_EXCEEDED after ${failure.attempts} attempts`,
				description:
					'Other apps use the same portal limit (2 requests per second, 5 on Enterprise). Run fewer workflows at once against this portal, or choose the Enterprise plan in the node if your portal has it.',
			};
		case 'OPERATION_TIME_LIMIT':
			return {
				message: `Bitrix24 blocked ${failure.method} for now: it used its execution-time budget (OPERATION_TIME_LIMIT)`,
				description: `Bitrix24 allows each method 480 s of server time per 10 minutes. ${
					failure.budgetResetAt === undefined
						? 'The block lifts within 10 minutes'
						: `The budget resets at ${new Date(failure.budgetResetAt).toISOString()}`
				}; fetch less per call (filters, select) and try again then.`,
			};
		default:
			return {
				message: `${on} (${detail})`,
				description:
					failure.status >= 500
						? "The fault is on Bitrix24's side; try again later."
						: "Check the method name and its parameters against Bitrix24's REST documentation.",
			};
	}
}
