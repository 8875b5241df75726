import type { IDataObject } from 'n8n-workflow';

import { pathSegment } from '../../shared/http/path-segment';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { atiApiRequest } from './index';

// Firms by ATI code: GET /v1.0/firms/{atiId}/summary and /v1.0/firms/{atiId}/contacts/summary
// (the firms section of ATI's API).

const FIRM_HINTS = {
	badRequest: "Check the ATI code: the digits of the firm's code on ATI.SU, such as 123456.",
	notFound: "No firm has this ATI code; check it on the firm's ATI.SU page.",
};

const firmPath = (context: RequestContext, atiId: string, call: AtiCall) =>
	pathSegment(() => context.getNode(), atiId, 'ATI code', call.itemIndex);

export async function getFirm(
	context: RequestContext,
	atiId: string,
	call: AtiCall,
): Promise<IDataObject> {
	return await atiApiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1.0/firms/${firmPath(context, atiId, call)}/summary`,
		effect: 'read',
		expect: { shape: 'object', what: `firm ${atiId}` },
		hints: FIRM_HINTS,
		...call,
	});
}

export async function getFirmContacts(
	context: RequestContext,
	atiId: string,
	call: AtiCall,
): Promise<IDataObject[]> {
	return await atiApiRequest<IDataObject[]>(context, {
		method: 'GET',
		path: `/v1.0/firms/${firmPath(context, atiId, call)}/contacts/summary`,
		effect: 'read',
		expect: { shape: 'list of objects', what: `the contacts of firm ${atiId}` },
		hints: FIRM_HINTS,
		...call,
	});
}

/** The contact's AtiCode.ContactID (123456.0), the ID Presence takes; none without a numeric id. */
export function contactCodeId(atiId: string, contact: IDataObject): string | undefined {
	return typeof contact.id === 'number' ? `${atiId}.${contact.id}` : undefined;
}
