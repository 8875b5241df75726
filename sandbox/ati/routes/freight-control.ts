import type { RouteHandler } from '../../framework';
import { badRequest, notFound } from '../ati-errors';
import { readJsonObject } from '../json-body';
import type { LoadStore } from '../load-store';
import type { OrderStore } from '../order-store';

/** GET /__control/ati/loads: the firm's loads. */
export function controlLoads(loads: LoadStore): RouteHandler {
	return () => ({ status: 200, body: loads.list() });
}

/** POST /__control/ati/loads/{id}/responses {ati_id, contact_id, price, currency_id, comment}: a carrier responds. */
export function addCarrierResponse(loads: LoadStore): RouteHandler {
	return (request, { id }) => {
		if (!loads.get(id)) return notFound(`Load ${id} not found`);
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		return { status: 200, body: loads.addResponse(id, body) };
	};
}

/** GET /__control/ati/orders: orders and the invitations sent. */
export function controlOrders(orders: OrderStore): RouteHandler {
	return () => ({ status: 200, body: { orders: orders.list(), invites: orders.allInvites() } });
}

/** POST /__control/ati/orders {id?, load_number?, status?, …}: an order appears. */
export function addOrder(orders: OrderStore): RouteHandler {
	return (request) => {
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		return { status: 200, body: orders.add(body) };
	};
}
