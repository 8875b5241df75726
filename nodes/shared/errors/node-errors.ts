import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface ApiErrorDetails {
	/** What happened, in the vendor's terms. */
	message: string;
	/** What the user can do about it. */
	description: string;
	httpCode?: number;
	itemIndex?: number;
	/** The vendor's error reply, already stripped of secrets. */
	vendorReply?: JsonObject;
}

/**
 * A vendor or HTTP failure. Built only from what we pass, so the request (headers, credentials)
 * never reaches the error n8n shows and stores.
 */
export function apiError(node: INode, details: ApiErrorDetails): NodeApiError {
	const response: JsonObject = { message: details.message };
	if (details.httpCode !== undefined) response.httpCode = String(details.httpCode);
	if (details.vendorReply) response.vendorReply = details.vendorReply;
	return new NodeApiError(node, response, {
		message: details.message,
		description: details.description,
		httpCode: details.httpCode === undefined ? undefined : String(details.httpCode),
		itemIndex: details.itemIndex,
	});
}

/** Bad input: what is wrong and what to change, for one item. */
export function inputError(
	node: INode,
	message: string,
	description: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, message, { description, itemIndex });
}
