// The load (груз) methods: POST /v2/cargos and PUT /v2/cargos/{id} take {cargo_application}
// (the shape of ati.su/developers/api/webhooks/topics/cargoes); GET/DELETE /v1.0/loads/{id},
// GET /v1.0/loads, PUT /v1.0/loads/{id}/renew and GET /v1.0/loads/new/{id}/responses
// (ati.su/developers/api/loads, api.ati.su/help "Редактирование груза [1.0]",
// ati.su/developers/usecases/cargoowner/findcarrier).
import type { RouteHandler } from '../../framework';
import { badRequest, duplicateLoad, notFound } from '../ati-errors';
import {
	ATI_DEMO_BODY_TYPES,
	ATI_DEMO_CARGO_TYPES,
	ATI_DEMO_CITIES,
	ATI_DEMO_CURRENCIES,
} from '../dictionaries-data';
import { readJsonObject } from '../json-body';
import type { LoadStore } from '../load-store';

export function createLoad(loads: LoadStore): RouteHandler {
	return (request) => {
		const application = readApplication(readJsonObject(request));
		if (typeof application === 'string') return badRequest(application);
		const duplicate = loads.duplicateOf(application);
		if (duplicate) return duplicateLoad(duplicate.cargo_number, duplicate.cargo_id);
		return { status: 200, body: { cargo_application: loads.add(application) } };
	};
}

export function updateLoad(loads: LoadStore): RouteHandler {
	return (request, { id }) => {
		if (!loads.get(id)) return notFound(`Load ${id} not found`);
		const application = readApplication(readJsonObject(request));
		if (typeof application === 'string') return badRequest(application);
		const duplicate = loads.duplicateOf(application, id);
		if (duplicate) return duplicateLoad(duplicate.cargo_number, duplicate.cargo_id);
		return { status: 200, body: { cargo_application: loads.replace(id, application) } };
	};
}

export function getLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) => {
		const load = loads.get(id);
		return load ? { status: 200, body: load } : notFound(`Load ${id} not found`);
	};
}

/** The firm's published loads, all at once: ATI's list has no paging. */
export function listLoads(loads: LoadStore): RouteHandler {
	return () => ({ status: 200, body: loads.list() });
}

export function deleteLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) =>
		loads.delete(id) ? { status: 200, body: null } : notFound(`Load ${id} not found`);
}

export function renewLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) => {
		if (!loads.get(id)) return notFound(`Load ${id} not found`);
		loads.renew(id);
		return { status: 200, body: null };
	};
}

export function loadResponses(loads: LoadStore): RouteHandler {
	return (_request, { id }) =>
		loads.get(id) ? { status: 200, body: loads.responsesOf(id) } : notFound(`Load ${id} not found`);
}

const known = (list: ReadonlyArray<{ Id?: number; CityId?: number }>, id: unknown) =>
	list.some((entry) => (entry.Id ?? entry.CityId) === id);

/** The cargo_application, or what is wrong with it. */
function readApplication(body: Record<string, unknown> | string): Record<string, unknown> | string {
	if (typeof body === 'string') return body;
	const application = body.cargo_application;
	if (typeof application !== 'object' || application === null || Array.isArray(application)) {
		return 'cargo_application is required';
	}
	const fields = application as Record<string, unknown>;
	const route = (fields.route ?? {}) as Record<string, Record<string, unknown> | undefined>;
	for (const point of ['loading', 'unloading'] as const) {
		const cityId = route[point]?.city_id;
		if (!known(ATI_DEMO_CITIES, cityId)) {
			return `route.${point}.city_id ${JSON.stringify(cityId)} is not a city of the dictionary`;
		}
	}
	const cargo = (fields.load ?? {}) as Record<string, unknown>;
	if (!known(ATI_DEMO_CARGO_TYPES, cargo.cargo_type)) {
		return `load.cargo_type ${JSON.stringify(cargo.cargo_type)} is not a cargo type of the dictionary`;
	}
	const bodyTypes = ((fields.truck ?? {}) as Record<string, unknown>).body_types ?? [];
	if (!Array.isArray(bodyTypes) || bodyTypes.some((id) => !known(ATI_DEMO_BODY_TYPES, id))) {
		return `truck.body_types ${JSON.stringify(bodyTypes)} has a body type not in the dictionary`;
	}
	const payment = (fields.payment ?? {}) as Record<string, unknown>;
	if (payment.currency_id !== undefined && !known(ATI_DEMO_CURRENCIES, payment.currency_id)) {
		return `payment.currency_id ${JSON.stringify(payment.currency_id)} is not a currency of the dictionary`;
	}
	return fields;
}
