// GET /v1.2/orders/{dealId} (ati.su/developers/api/orders/deals) and POST /v1.2/orders/invites
// (ati.su/developers/api/orders/personal-invitations). The list of orders: the deals page in the
// search tool shows only the single-order method, so GET /v1.2/orders with skip/take (at most 100)
// answering a JSON array is the simulator's choice, and the node follows it.
import type { RouteHandler } from '../../framework';
import { badRequest, notFound } from '../ati-errors';
import { ATI_DEMO_FIRMS } from '../dictionaries-data';
import { readJsonObject } from '../json-body';
import type { LoadStore } from '../load-store';
import type { OrderStore } from '../order-store';

export const ORDERS_MAX_TAKE = 100;
/** "Допустимое значение от 1 до 4320 минут. По умолчанию - 4320 (3 суток)". */
const DEFAULT_CANCEL_MINUTES = 4320;

export function getOrder(orders: OrderStore): RouteHandler {
	return (_request, { id }) => {
		const order = orders.get(id);
		return order ? { status: 200, body: order } : notFound(`Order ${id} not found`);
	};
}

export function listOrders(orders: OrderStore): RouteHandler {
	return (request) => {
		const skip = Number(request.query.get('skip') ?? 0);
		const take = Number(request.query.get('take') ?? ORDERS_MAX_TAKE);
		if (!Number.isInteger(skip) || skip < 0) return badRequest('skip must be a whole number ≥ 0');
		if (!Number.isInteger(take) || take < 1 || take > ORDERS_MAX_TAKE) {
			return badRequest(`take must be between 1 and ${ORDERS_MAX_TAKE}`);
		}
		return { status: 200, body: orders.list().slice(skip, skip + take) };
	};
}

export function inviteCarrier(orders: OrderStore, loads: LoadStore): RouteHandler {
	return (request) => {
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		const loadId = body.load_id;
		if (typeof loadId !== 'string' || !loads.get(loadId)) {
			return badRequest(`load_id ${JSON.stringify(loadId)} is not a load of the firm`);
		}
		const atiId = body.taker_ati_id;
		if (typeof atiId !== 'string' || !(atiId in ATI_DEMO_FIRMS)) {
			return badRequest(`taker_ati_id ${JSON.stringify(atiId)} is not a firm on ATI.SU`);
		}
		const contacts = body.taker_contacts_list;
		if (!Array.isArray(contacts) || contacts.length === 0 || !contacts.every(Number.isInteger)) {
			return badRequest('taker_contacts_list must list the contacts to invite');
		}
		const payment = (body.payment ?? {}) as Record<string, unknown>;
		const rates: Array<[string, string]> = [
			['price', 'currency_id'],
			['nds_price', 'nds_currency_id'],
			['not_nds_price', 'not_nds_currency_id'],
		];
		const hasRate = rates.some(
			([rate, currency]) =>
				typeof payment[rate] === 'number' && typeof payment[currency] === 'number',
		);
		if (!hasRate) return badRequest('payment needs at least one rate with its currency');
		const again = orders.alreadyInvited(loadId, atiId, contacts as number[]);
		if (again.length > 0) {
			return badRequest(
				`Contacts ${again.join(', ')} of firm ${atiId} were already invited to this load`,
			);
		}
		const cancellation =
			typeof body.cancellation_date === 'string'
				? body.cancellation_date
				: new Date(Date.now() + DEFAULT_CANCEL_MINUTES * 60_000).toISOString();
		const invite = orders.invite({
			load_id: loadId,
			taker_ati_id: atiId,
			taker_contacts_list: contacts as number[],
			payment,
			cancellation_date: cancellation,
			is_tracking: body.is_tracking === true,
		});
		return { status: 200, body: invite };
	};
}
