import type { IDataObject } from 'n8n-workflow';

import { pathSegment } from '../../shared/http/path-segment';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { atiApiRequest } from './index';

// Orders (заказы): GET /v1.2/orders/{dealId} (ati.su/developers/api/orders/deals) and
// POST /v1.2/orders/invites (ati.su/developers/api/orders/personal-invitations). POST
// /v1.2/orders/search {role, statuses, load_ids} is on no stored ATI page; ATI's own generated
// types for its orders service show a filter body and a plain list in reply, without paging: one
// request per search, Limit applied to the list, the reply size-capped.

export interface OrderSearch extends IDataObject {
	/** 0: the firm is the shipper; 1: the carrier. */
	role: 0 | 1;
	statuses?: number[];
	load_ids?: string[];
}

const ORDER_HINTS = {
	badRequest: 'Check the order search: role, statuses (numbers) and load IDs.',
	notFound: "Check the order ID (dealId): the token's firm must take part in the order.",
};
const INVITE_HINTS = {
	badRequest:
		"Check the load ID, the carrier's ATI code, its contacts and the payment (at least one rate with its currency). Each contact can be invited to a load only once.",
	notFound: "Check the load ID and the carrier's ATI code.",
};

export async function getOrder(
	context: RequestContext,
	orderId: string,
	call: AtiCall,
): Promise<IDataObject> {
	const segment = pathSegment(() => context.getNode(), orderId, 'order ID', call.itemIndex);
	return await atiApiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1.2/orders/${segment}`,
		effect: 'read',
		expect: { shape: 'object', what: `order ${orderId}` },
		hints: ORDER_HINTS,
		...call,
	});
}

/** Orders matching the search; a read though sent as POST. */
export async function searchOrders(
	context: RequestContext,
	search: OrderSearch,
	call: AtiCall,
): Promise<IDataObject[]> {
	return await atiApiRequest<IDataObject[]>(context, {
		method: 'POST',
		path: '/v1.2/orders/search',
		body: search,
		effect: 'read',
		expect: { shape: 'list of objects', what: 'the order search' },
		hints: ORDER_HINTS,
		...call,
	});
}

/**
 * Sends an invitation; never repeated after an unknown outcome (ATI takes one per contact).
 * ATI's reply is the invitation, or nothing (its counter-offer invitation answers `null`).
 */
export async function inviteCarrier(
	context: RequestContext,
	invitation: IDataObject,
	call: AtiCall,
): Promise<IDataObject> {
	const reply = await atiApiRequest<IDataObject | undefined>(context, {
		method: 'POST',
		path: '/v1.2/orders/invites',
		body: invitation,
		effect: 'write',
		expect: { shape: 'object or nothing', what: 'the invitation' },
		hints: INVITE_HINTS,
		...call,
	});
	return reply ?? { invited: true, ...invitation };
}
