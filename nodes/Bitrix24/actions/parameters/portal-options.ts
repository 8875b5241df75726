import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestLimits } from '../../../shared/description/request-limits';
import { readRequestLimits } from '../../../shared/description/request-limits';
import type { BitrixTarget } from '../../transport';
import type { Plan } from '../../transport/leaky-bucket';
import { authModeOf } from '../../transport/portal';

export const planOption: INodeProperties = {
	displayName: 'Portal Plan',
	name: 'plan',
	type: 'options',
	options: [
		{
			name: 'Standard',
			value: 'standard',
			description: 'Bitrix24 allows 2 requests per second, bursts of 50',
		},
		{
			name: 'Enterprise',
			value: 'enterprise',
			description: 'Bitrix24 allows 5 requests per second, bursts of 250',
		},
	],
	default: 'standard',
	description:
		"The portal's plan sets its request limit; the node keeps under it so Bitrix24 never has to refuse a request",
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [planOption],
};

export function targetOf(context: IExecuteFunctions, itemIndex = 0): BitrixTarget {
	const plan = context.getNodeParameter('options.plan', itemIndex, 'standard') as Plan;
	return { mode: authModeOf(context, itemIndex), plan: plan === 'enterprise' ? plan : 'standard' };
}

/** The item's Timeout and Max Reply Size; undefined where it sets none (the transport's defaults). */
export function requestLimitsOf(context: IExecuteFunctions, itemIndex: number): RequestLimits {
	return readRequestLimits(context, itemIndex);
}
