import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';

/** Pickers read only: their calls may be repeated, and they use the node's authentication. */
export function pickerTarget(context: ILoadOptionsFunctions): BitrixTarget {
	const mode =
		context.getNodeParameter('authentication', 'webhook') === 'oAuth2' ? 'oAuth2' : 'webhook';
	const plan =
		context.getNodeParameter('options.plan', 'standard') === 'enterprise'
			? 'enterprise'
			: 'standard';
	return { mode, plan };
}

export async function pickerCall(
	context: ILoadOptionsFunctions,
	method: string,
	params: IDataObject,
) {
	return await bitrixApiRequest(context, pickerTarget(context), {
		method,
		params,
		effect: 'read',
	});
}

export function resourceOf(context: ILoadOptionsFunctions): string {
	return String(context.getNodeParameter('resource', ''));
}
