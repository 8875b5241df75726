import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import type { QueryParameters } from '../../shared/http/query-string';
import { quoteStart } from '../../shared/http/reply-body';
import { expectShape } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { EraCall, EraReply } from './index';
import { VENDOR, eraApiRequest, eraApiRequestAllItems } from './index';

const POINTS = '/service/integration_points';

function pointPath(context: RequestContext, id: string, call: EraCall): string {
	return `${POINTS}/${pathSegment(() => context.getNode(), id, 'integration point ID', call.itemIndex)}`;
}

/** The reply as one object, or an item error quoting it (for a write: saying it was made). */
function objectIn(
	context: RequestContext,
	reply: EraReply,
	what: string,
	call: EraCall,
	write = false,
) {
	return expectShape<IDataObject>(() => context.getNode(), reply.value, 'object', {
		vendor: VENDOR,
		what,
		text: reply.text,
		itemIndex: call.itemIndex,
		write,
	});
}

/** Create is not repeated after an unknown outcome: a second POST would make a second point. */
export async function createPoint(
	context: RequestContext,
	body: IDataObject,
	call: EraCall,
): Promise<IDataObject> {
	const reply = await eraApiRequest(context, {
		...call,
		method: 'POST',
		path: POINTS,
		body,
		effect: 'write',
	});
	return objectIn(context, reply, 'Create', call, true);
}

export async function getPoint(
	context: RequestContext,
	id: string,
	qs: QueryParameters,
	call: EraCall,
): Promise<IDataObject> {
	const reply = await eraApiRequest(context, {
		...call,
		method: 'GET',
		path: pointPath(context, id, call),
		qs,
		effect: 'read',
	});
	return objectIn(context, reply, 'Get', call);
}

/**
 * Up to `max` points. Paging tells pages apart by the point IDs, so `id` is asked for even when
 * the chosen fields leave it out, and taken off the output again.
 */
export async function listPoints(
	context: RequestContext,
	qs: QueryParameters,
	max: number,
	call: EraCall,
): Promise<IDataObject[]> {
	const fields = typeof qs.mask === 'string' ? qs.mask.split(',') : undefined;
	const addId = fields !== undefined && !fields.includes('id');
	const points = await eraApiRequestAllItems(
		context,
		{
			...call,
			method: 'GET',
			path: POINTS,
			qs: addId ? { ...qs, mask: [...fields, 'id'].join(',') } : qs,
			effect: 'read',
		},
		max,
		'Get Many',
	);
	if (addId) for (const point of points) delete point.id;
	return points;
}

/** One page, for the point picker. */
export async function listPointsPage(
	context: RequestContext,
	offset: number,
	limit: number,
): Promise<IDataObject[]> {
	const reply = await eraApiRequest(context, {
		method: 'GET',
		path: POINTS,
		qs: { mask: 'id,code,type,opts.title', offset, limit },
		effect: 'read',
	});
	return expectShape<IDataObject[]>(() => context.getNode(), reply.value, 'list of objects', {
		vendor: VENDOR,
		what: 'the integration point list',
		text: reply.text,
	});
}

/**
 * PATCH sets the given fields to the given values: sent twice, it leaves the point as once, so
 * it is repeated after a gateway error like a read.
 */
export async function updatePoint(
	context: RequestContext,
	id: string,
	body: IDataObject,
	call: EraCall,
): Promise<IDataObject> {
	const reply = await eraApiRequest(context, {
		...call,
		method: 'PATCH',
		path: pointPath(context, id, call),
		body,
		effect: 'write',
		repeatable: true,
	});
	return objectIn(context, reply, 'Update', call, true);
}

/**
 * Delete is not repeated after an unknown outcome: if the first one worked, the second would
 * answer "not found" and turn a success into a confusing error.
 */
export async function deletePoint(context: RequestContext, id: string, call: EraCall) {
	await eraApiRequest(context, {
		...call,
		method: 'DELETE',
		path: pointPath(context, id, call),
		effect: 'write',
	});
}

/** LOOKUP by id, code or token_local: the matching ids, or undefined when ERA found none. */
export async function lookupPoints(
	context: RequestContext,
	key: string,
	call: EraCall,
): Promise<string[] | undefined> {
	const reply = await eraApiRequest(
		context,
		{ ...call, method: 'LOOKUP', path: POINTS, body: key, effect: 'read' },
		true,
	);
	if (reply.notFound) return undefined;
	const ids = reply.value;
	if (Array.isArray(ids) && ids.every((id) => typeof id === 'string' || typeof id === 'number')) {
		return ids.map(String);
	}
	throw apiError(context.getNode(), {
		message: `ERA answered Lookup with something other than a list of IDs: ${quoteStart(reply.text)}`,
		description:
			'The reply does not have the shape ERA documents; check the server address in the credential, or try again later.',
		itemIndex: call.itemIndex,
	});
}

/** The domain and point of an integration token, or undefined when ERA does not know it. */
export async function checkIntegrationToken(
	context: RequestContext,
	token: string,
	call: EraCall,
): Promise<IDataObject | undefined> {
	const segment = pathSegment(() => context.getNode(), token, 'integration token', call.itemIndex);
	const reply = await eraApiRequest(
		context,
		{
			...call,
			method: 'GET',
			path: `/service/integration_tokens/${segment}`,
			effect: 'read',
		},
		true,
	);
	return reply.notFound ? undefined : objectIn(context, reply, 'Check', call);
}
