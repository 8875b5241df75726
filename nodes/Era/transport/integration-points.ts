import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http/vendor-request';
import { eraApiRequest, eraApiRequestAllItems } from './index';

const POINTS = '/service/integration_points';

const pointPath = (id: string) => `${POINTS}/${encodeURIComponent(id)}`;

export async function createPoint(
	context: RequestContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const { value } = await eraApiRequest(context, { method: 'POST', path: POINTS, body, itemIndex });
	return value as IDataObject;
}

export async function getPoint(
	context: RequestContext,
	id: string,
	qs: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const { value } = await eraApiRequest(context, {
		method: 'GET',
		path: pointPath(id),
		qs,
		itemIndex,
	});
	return value as IDataObject;
}

export async function listPoints(
	context: RequestContext,
	qs: IDataObject,
	max: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await eraApiRequestAllItems(context, { method: 'GET', path: POINTS, qs, itemIndex }, max);
}

/** One page, for the point picker. */
export async function listPointsPage(
	context: RequestContext,
	offset: number,
	limit: number,
): Promise<IDataObject[]> {
	const { value } = await eraApiRequest(context, {
		method: 'GET',
		path: POINTS,
		qs: { mask: 'id,code,type,opts.title', offset, limit },
	});
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

export async function updatePoint(
	context: RequestContext,
	id: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const { value } = await eraApiRequest(context, {
		method: 'PATCH',
		path: pointPath(id),
		body,
		itemIndex,
	});
	return value as IDataObject;
}

export async function deletePoint(context: RequestContext, id: string, itemIndex?: number) {
	await eraApiRequest(context, { method: 'DELETE', path: pointPath(id), itemIndex });
}

/** LOOKUP by id, code or token_local: the matching ids, or undefined when ERA found none. */
export async function lookupPoints(
	context: RequestContext,
	key: string,
	itemIndex?: number,
): Promise<string[] | undefined> {
	const reply = await eraApiRequest(
		context,
		{ method: 'LOOKUP', path: POINTS, body: key, itemIndex },
		true,
	);
	if (reply.notFound) return undefined;
	return Array.isArray(reply.value) ? reply.value.map(String) : [];
}

/** The domain and point of an integration token, or undefined when ERA does not know it. */
export async function checkIntegrationToken(
	context: RequestContext,
	token: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const reply = await eraApiRequest(
		context,
		{
			method: 'GET',
			path: `/service/integration_tokens/${encodeURIComponent(token)}`,
			itemIndex,
		},
		true,
	);
	return reply.notFound ? undefined : (reply.value as IDataObject);
}
