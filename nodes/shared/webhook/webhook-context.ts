import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { RequestContext } from '../http/vendor-request';

/**
 * The transport is written for execute and trigger contexts; of a hook or webhook context it uses
 * only what those have too: the node, the credentials, n8n's HTTP helpers and the OAuth2 refresh.
 */
export const asRequest = (context: IHookFunctions | IWebhookFunctions) =>
	context as unknown as RequestContext;

/** Answers the call now, through the response object, as n8n's own nodes may; starts nothing. */
export function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}
