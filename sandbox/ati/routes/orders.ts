// GET /v1.2/orders/{dealId} (ati.su/developers/api/orders/deals), POST /v1.2/orders/invites
// (ati.su/developers/api/orders/personal-invitations), and POST /v1.2/orders/search {role,
// statuses, load_ids}: on no stored ATI page; ATI's generated orders-service types give "если
// список пуст вернет все Заказы" and a plain array in reply, with no paging parameters.
import type { RouteHandler } from '../../framework';
import { badRequest, notFound } from '../ati-errors';
import { ATI_DEMO_FIRMS } from '../dictionaries-data';
import { readJsonObject } from '../json-body';
import type { LoadStore } from '../load-store';
import type { OrderStore } from '../order-store';

/** The demo token's firm: role 0 finds the orders it owns as shipper, role 1 those it carries. */
const OWN_ATI_ID = '123456';
/** "Допустимое значение от 1 до 4320 минут. По умолчанию - 4320 (3 суток)". */
const DEFAULT_CANCEL_MINUTES = 4320;

export function getOrder(orders: OrderStore): RouteHandler {
	return (_request, { id }) => {
		const order = orders.get(id);
		return order ? { status: 200, body: order } : notFound(`Order ${id} not found`);
	};
}

export function searchOrders(orders: OrderStore): RouteHandler {
	return (request) => {
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		if (body.role !== 0 && body.role !== 1)
			return badRequest('role must be 0 (shipper) or 1 (carrier)');
		const statuses = body.statuses;
		const loadIds = body.load_ids;
		if (statuses !== undefined && (!Array.isArray(statuses) || !statuses.every(Number.isInteger))) {
			return badRequest('statuses must be a list of status numbers');
		}
		if (
			loadIds !== undefined &&
			(!Array.isArray(loadIds) || !loadIds.every((id) => typeof id === 'string'))
		) {
			return badRequest('load_ids must be a list of load IDs');
		}
		const side = body.role === 0 ? 'owner_ati_id' : 'taker_ati_id';
		return {
			status: 200,
			body: orders
				.list()
				.filter((order) => order[side] === OWN_ATI_ID)
				.filter((order) => !statuses?.length || (statuses as unknown[]).includes(order.status))
				.filter((order) => !loadIds?.length || (loadIds as unknown[]).includes(order.load_id)),
		};
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
