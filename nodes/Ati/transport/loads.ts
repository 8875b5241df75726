import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { AtiRefusal, atiApiCall, atiApiRequest } from './index';

// Loads (грузы): writes through /v2/cargos with {cargo_application}, reads, deletion, renewal
// and responses through /v1.0/loads (ati.su/developers/api/loads; the webhooks "cargoes" topic
// shows the cargo_application model; api.ati.su/help "Редактирование груза [1.0]").

/** ATI's refusal of a load its "duplicates and merging" rules match (see the simulator's choice). */
export const DUPLICATE_LOAD = 'duplicate_load';

const LOAD_HINTS = {
	badRequest:
		'Check the load fields: cities, cargo type, body types and currency must come from ATI dictionaries (pick them from the lists).',
	notFound:
		'Check the load ID: it is the cargo_id ATI returned when the load was published, and the load must not have been deleted.',
};

const loadPath = (context: RequestContext, loadId: string, call: AtiCall) =>
	pathSegment(() => context.getNode(), loadId, 'load ID', call.itemIndex);

/** The load as ATI stored it, or ATI's refusal of it as a duplicate. */
export type LoadWrite = { load: IDataObject } | { duplicate: AtiRefusal };

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
		idempotent: false,
		expect: { shape: 'object', what: 'the published load' },
		hints: LOAD_HINTS,
		refusals: [DUPLICATE_LOAD],
		...call,
	});
	if (reply instanceof AtiRefusal) return { duplicate: reply };
	return { load: applicationOf(context, reply, call) };
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
		idempotent: true,
		expect: { shape: 'object', what: `the update of load ${loadId}` },
		hints: LOAD_HINTS,
		refusals: [DUPLICATE_LOAD],
		...call,
	});
	if (reply instanceof AtiRefusal) return { duplicate: reply };
	return { load: applicationOf(context, reply, call) };
}

export async function getLoad(
	context: RequestContext,
	loadId: string,
	call: AtiCall,
): Promise<IDataObject> {
	return await atiApiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1.0/loads/${loadPath(context, loadId, call)}`,
		idempotent: true,
		readOnly: true,
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
		idempotent: true,
		readOnly: true,
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
		idempotent: false,
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
		idempotent: false,
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
		idempotent: true,
		readOnly: true,
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
