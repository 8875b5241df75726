import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { loadCreateQuota, loadUpdateQuota } from './daily-quota';
import { AtiRefusal, atiApiCall, atiApiRequest } from './index';

// Loads (грузы): POST /v2/cargos and PUT /v2/cargos/{id} with {cargo_application}; reads,
// deletion, renewal and responses through the v1.0 paths (ati.su/developers/api/loads,
// ati.su/developers/usecases/cargoowner/findcarrier; the v1.0 paths as public clients call them).

/** 409: ATI's duplicate rules ("Дубликаты и объединение грузов") matched a load of the firm. */
export const DUPLICATE_LOAD = 'load_conflict_error';
/** 202: ATI merged the load into a similar one of the firm instead of adding it. */
const MERGED = 202;

const LOAD_HINTS = {
	badRequest:
		'Check the load fields: cities, cargo type, body types and currency must come from ATI dictionaries (pick them from the lists).',
	notFound:
		'Check the load ID: it is the cargo_application_id ATI returned when the load was published, and the load must not have been deleted.',
};

const loadPath = (context: RequestContext, loadId: string, call: AtiCall) =>
	pathSegment(() => context.getNode(), loadId, 'load ID', call.itemIndex);

/** The load as ATI stored it (`merged` into a similar one, or not), or ATI's duplicate refusal. */
export type LoadWrite = { load: IDataObject; merged: boolean } | { duplicate: AtiRefusal };

/** Publishes a load. Never repeated after an unknown outcome: it could publish it twice. */
export async function createLoad(
	context: RequestContext,
	application: IDataObject,
	call: AtiCall,
): Promise<LoadWrite> {
	const reply = await atiApiCall<IDataObject>(context, {
		method: 'POST',
		path: '/v2/cargos',
		body: { cargo_application: application },
		effect: 'write',
		dailyQuota: { quota: loadCreateQuota, what: 'new loads' },
		expect: { shape: 'object', what: 'the published load' },
		hints: LOAD_HINTS,
		refusals: [DUPLICATE_LOAD],
		...call,
	});
	if (reply instanceof AtiRefusal) return { duplicate: reply };
	return { load: applicationOf(context, reply.value, call), merged: reply.status === MERGED };
}

/** Replaces the load's fields: ATI wants all of them, not only those that change. */
export async function updateLoad(
	context: RequestContext,
	loadId: string,
	application: IDataObject,
	call: AtiCall,
): Promise<LoadWrite> {
	const reply = await atiApiCall<IDataObject>(context, {
		method: 'PUT',
		path: `/v2/cargos/${loadPath(context, loadId, call)}`,
		body: { cargo_application: application },
		// The same full replacement twice leaves the same load.
		effect: 'write',
		repeatable: true,
		dailyQuota: { quota: loadUpdateQuota, what: 'load changes' },
		expect: { shape: 'object', what: `the update of load ${loadId}` },
		hints: LOAD_HINTS,
		refusals: [DUPLICATE_LOAD],
		...call,
	});
	if (reply instanceof AtiRefusal) return { duplicate: reply };
	return { load: applicationOf(context, reply.value, call), merged: reply.status === MERGED };
}

export async function getLoad(
	context: RequestContext,
	loadId: string,
	call: AtiCall,
): Promise<IDataObject> {
	return await atiApiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1.0/loads/${loadPath(context, loadId, call)}`,
		effect: 'read',
		expect: { shape: 'object', what: `load ${loadId}` },
		hints: LOAD_HINTS,
		...call,
	});
}

/** The firm's published loads: ATI answers all of them in one list. */
export async function listLoads(context: RequestContext, call: AtiCall): Promise<IDataObject[]> {
	return await atiApiRequest<IDataObject[]>(context, {
		method: 'GET',
		path: '/v1.0/loads',
		effect: 'read',
		expect: { shape: 'list of objects', what: "the firm's loads" },
		hints: LOAD_HINTS,
		...call,
	});
}

export async function deleteLoad(
	context: RequestContext,
	loadId: string,
	call: AtiCall,
): Promise<void> {
	await atiApiRequest<unknown>(context, {
		method: 'DELETE',
		path: `/v1.0/loads/${loadPath(context, loadId, call)}`,
		// A repeat after a lost reply would answer 404 for a load this call deleted.
		effect: 'write',
		expect: { shape: 'ignored', what: `the deletion of load ${loadId}` },
		hints: LOAD_HINTS,
		...call,
	});
}

export async function renewLoad(
	context: RequestContext,
	loadId: string,
	call: AtiCall,
): Promise<void> {
	await atiApiRequest<unknown>(context, {
		method: 'PUT',
		path: `/v1.0/loads/${loadPath(context, loadId, call)}/renew`,
		effect: 'write',
		expect: { shape: 'ignored', what: `the renewal of load ${loadId}` },
		hints: LOAD_HINTS,
		...call,
	});
}

/** Carriers' counter-offers on the load (ati.su/developers/usecases/cargoowner/findcarrier). */
export async function loadResponses(
	context: RequestContext,
	loadId: string,
	call: AtiCall,
): Promise<IDataObject[]> {
	return await atiApiRequest<IDataObject[]>(context, {
		method: 'GET',
		path: `/v1.0/loads/new/${loadPath(context, loadId, call)}/responses`,
		effect: 'read',
		expect: { shape: 'list of objects', what: `the responses to load ${loadId}` },
		hints: LOAD_HINTS,
		...call,
	});
}

function applicationOf(context: RequestContext, reply: IDataObject, call: AtiCall): IDataObject {
	if (isPlainObject(reply.cargo_application)) return reply.cargo_application;
	throw apiError(context.getNode(), {
		message: 'ATI.SU answered without the load (no cargo_application in the reply)',
		description:
			'The load may have been published or changed: look for it by its External ID with Load → Get Many before trying again.',
		itemIndex: call.itemIndex,
	});
}
