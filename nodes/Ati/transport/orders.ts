import type { IDataObject } from 'n8n-workflow';

import { PageGuard } from '../../shared/http/page-guard';
import { pathSegment } from '../../shared/http/path-segment';
import { urlWithQuery } from '../../shared/http/query-string';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { atiApiRequest } from './index';

// Orders (заказы): GET /v1.2/orders/{dealId} (ati.su/developers/api/orders/deals) and
// POST /v1.2/orders/invites (ati.su/developers/api/orders/personal-invitations). The list
// (GET /v1.2/orders with skip/take, a JSON array) is the same choice the simulator makes.

/** The most orders one page holds. */
export const ORDERS_PAGE_SIZE = 100;

const ORDER_HINTS = {
	badRequest: 'Check the order fields against the ATI.SU orders API.',
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
		idempotent: true,
		readOnly: true,
		expect: { shape: 'object', what: `order ${orderId}` },
		hints: ORDER_HINTS,
		...call,
	});
}

/** Up to `limit` orders (all when undefined), page by page; a page shorter than asked is the last. */
export async function listOrders(
	context: RequestContext,
	limit: number | undefined,
	call: AtiCall,
): Promise<IDataObject[]> {
	const orders: IDataObject[] = [];
	const guard = new PageGuard(context.getNode(), 'ATI.SU', undefined, call.itemIndex);
	for (;;) {
		const take = Math.min(
			ORDERS_PAGE_SIZE,
			limit === undefined ? ORDERS_PAGE_SIZE : limit - orders.length,
		);
		const skip = orders.length;
		guard.next(skip);
		const page = await atiApiRequest<IDataObject[]>(context, {
			method: 'GET',
			path: urlWithQuery('/v1.2/orders', { skip, take }),
			idempotent: true,
			readOnly: true,
			expect: { shape: 'list of objects', what: 'the list of orders' },
			hints: ORDER_HINTS,
			...call,
		});
		orders.push(...page.slice(0, take));
		if (page.length < take || (limit !== undefined && orders.length >= limit)) return orders;
	}
}

/** Sends an invitation; never repeated after an unknown outcome (ATI takes one per contact). */
export async function inviteCarrier(
	context: RequestContext,
	invitation: IDataObject,
	call: AtiCall,
): Promise<IDataObject> {
	return await atiApiRequest<IDataObject>(context, {
		method: 'POST',
		path: '/v1.2/orders/invites',
		body: invitation,
		idempotent: false,
		expect: { shape: 'object', what: 'the invitation' },
		hints: INVITE_HINTS,
		...call,
	});
}
