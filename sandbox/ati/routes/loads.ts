// Loads (грузы): POST /v2/cargos and PUT /v2/cargos/{cargo_application_id} with
// {cargo_application}; 409 load_conflict_error for a duplicate and 202 when ATI merges the load
// into a similar one (ati.su/developers/api/loads, "Дубликаты и объединение грузов"). Reads,
// deletion and renewal keep the v1.0 paths public clients call: GET/DELETE /v1.0/loads/{id},
// GET /v1.0/loads, PUT /v1.0/loads/{id}/renew; responses: GET /v1.0/loads/new/{id}/responses
// (ati.su/developers/usecases/cargoowner/findcarrier).
import type { RouteHandler, SimResponse } from '../../framework';
import { loadError } from '../ati-errors';
import {
	ATI_DEMO_BODY_TYPES,
	ATI_DEMO_CARGO_TYPES,
	ATI_DEMO_CITIES,
	ATI_DEMO_CURRENCIES,
} from '../dictionaries-data';
import { readJsonObject } from '../json-body';
import type { LoadStore, LoadWriteOutcome } from '../load-store';

const notFound = (id: string) => loadError(404, 'load_not_found_error', `Груз ${id} не найден`);

export function createLoad(loads: LoadStore): RouteHandler {
	return (request) => {
		const application = readApplication(readJsonObject(request));
		if (!('fields' in application)) return application.refusal;
		if (!loads.countWrite('create')) return overDailyLimit();
		return answer(loads.publish(application.fields));
	};
}

export function updateLoad(loads: LoadStore): RouteHandler {
	return (request, { id }) => {
		if (!loads.get(id)) return notFound(id);
		const application = readApplication(readJsonObject(request));
		if (!('fields' in application)) return application.refusal;
		if (!loads.countWrite('update')) return overDailyLimit();
		return answer(loads.publish(application.fields, id));
	};
}

/**
 * ATI's answer once a contact's daily limit is spent: the status from its rules page
 * (ati.su/developers/documentation/rules); the body is this simulator's own (no page shows it).
 */
const overDailyLimit = () => ({
	status: 429,
	body: { error: 'too_many_requests', reason: 'Daily limit' },
});

function answer(outcome: LoadWriteOutcome): SimResponse {
	if (outcome.kind === 'duplicate') {
		return loadError(
			409,
			'load_conflict_error',
			`Груз совпадает с грузом ${outcome.of.cargo_application_number} (${outcome.of.cargo_application_id})`,
		);
	}
	return {
		status: outcome.kind === 'merged' ? 202 : 200,
		body: { cargo_application: outcome.load },
	};
}

export function getLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) => {
		const load = loads.get(id);
		return load ? { status: 200, body: load } : notFound(id);
	};
}

/** The firm's published loads, all at once: ATI's list has no paging. */
export function listLoads(loads: LoadStore): RouteHandler {
	return () => ({ status: 200, body: loads.list() });
}

export function deleteLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) => (loads.delete(id) ? { status: 200, body: null } : notFound(id));
}

export function renewLoad(loads: LoadStore): RouteHandler {
	return (_request, { id }) => {
		if (!loads.get(id)) return notFound(id);
		loads.renew(id);
		return { status: 200, body: null };
	};
}

export function loadResponses(loads: LoadStore): RouteHandler {
	return (_request, { id }) =>
		loads.get(id) ? { status: 200, body: loads.responsesOf(id) } : notFound(id);
}

const known = (list: ReadonlyArray<{ Id?: number; CityId?: number }>, id: unknown) =>
	list.some((entry) => (entry.Id ?? entry.CityId) === id);

type Fields = Record<string, unknown>;
const part = (value: unknown): Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

/** The cargo_application, or ATI's refusal of it. */
function readApplication(body: Fields | string): { fields: Fields } | { refusal: SimResponse } {
	const invalid = (reason: string) => ({
		refusal: loadError(400, 'json_validation_error', reason),
	});
	if (typeof body === 'string') return invalid(body);
	const fields = part(body.cargo_application);
	if (Object.keys(fields).length === 0) return invalid('cargo_application is required');
	const route = part(fields.route);
	for (const point of ['loading', 'unloading']) {
		const cityId = part(route[point]).city_id;
		if (!known(ATI_DEMO_CITIES, cityId)) {
			return {
				refusal: loadError(
					400,
					'city_not_found_error',
					`route.${point}.city_id ${JSON.stringify(cityId)}: город не найден`,
				),
			};
		}
	}
	const dictionaryMiss = (field: string, value: unknown) => ({
		refusal: loadError(
			400,
			'dictionary_element_not_found_error',
			`${field} ${JSON.stringify(value)}: элемент справочника не найден`,
		),
	});
	const cargo = part(fields.cargo);
	if (!known(ATI_DEMO_CARGO_TYPES, cargo.cargo_type_id)) {
		return dictionaryMiss('cargo.cargo_type_id', cargo.cargo_type_id);
	}
	const bodyTypes = part(fields.truck).body_types;
	if (!Array.isArray(bodyTypes) || bodyTypes.length === 0) {
		return invalid('truck.body_types must list at least one body type');
	}
	const unknownBody = bodyTypes.find((id) => !known(ATI_DEMO_BODY_TYPES, id));
	if (unknownBody !== undefined) return dictionaryMiss('truck.body_types', unknownBody);
	const payment = part(fields.payment);
	if (typeof payment.type !== 'string') return invalid('payment.type is required');
	if (payment.currency_type !== undefined && !known(ATI_DEMO_CURRENCIES, payment.currency_type)) {
		return dictionaryMiss('payment.currency_type', payment.currency_type);
	}
	const contacts = fields.contacts;
	if (!Array.isArray(contacts) || contacts.length === 0 || !contacts.every(Number.isInteger)) {
		return invalid('contacts must list at least one contact ID');
	}
	return { fields };
}
