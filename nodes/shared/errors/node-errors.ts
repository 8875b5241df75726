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
	/**
	 * The request changed something and its outcome is unknown (500/502/504, a timeout, a drop
	 * mid-exchange): the vendor's name, so the message says to check before running it again.
	 */
	mayHaveApplied?: string;
}

/** Why a write that failed this way was not sent again, and what to do. */
export function mayHaveAppliedNote(vendor: string): string {
	return `${vendor} may have made this change before the failure, so n8n did not send it again (that could make it twice). Check in ${vendor} whether it was made before running this item again.`;
}

/**
 * A vendor or HTTP failure. Built only from what we pass, so the request (headers, credentials)
 * never reaches the error n8n shows and stores.
 */
export function apiError(node: INode, details: ApiErrorDetails): NodeApiError {
	const response: JsonObject = { message: details.message };
	if (details.httpCode !== undefined) response.httpCode = String(details.httpCode);
	if (details.vendorReply) response.vendorReply = details.vendorReply;
	const description = details.mayHaveApplied
		? `${mayHaveAppliedNote(details.mayHaveApplied)} ${details.description}`
		: details.description;
	return new NodeApiError(node, response, {
		message: details.message,
		description,
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

/** How messages name an item: from 0, as n8n's own messages (`[item 0]`) and `$itemIndex` do. */
export function itemName(itemIndex: number): string {
	return `item ${itemIndex}`;
}
