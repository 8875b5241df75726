import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	maxParallelRequestsOption,
	optionsCollection,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import type { EraCall } from '../../transport';
import { ERA_CONCURRENCY, TIMEOUT_SECONDS } from '../../transport';

/** The Timeout option every ERA operation has in its Options. */
export const eraTimeoutOption = timeoutOption(TIMEOUT_SECONDS);

/** How many items' requests an ERA operation sends at once. */
export const eraParallelOption = maxParallelRequestsOption(
	ERA_CONCURRENCY,
	'ERA documents no limit; raise it if your server keeps up.',
);

/** The Options of an operation that has no other options. */
export const timeoutOnlyOptions: INodeProperties = optionsCollection([
	eraParallelOption,
	eraTimeoutOption,
]);

/** The item a call is made for, with the limits its Options set. */
export function eraCall(context: IExecuteFunctions, itemIndex: number): EraCall {
	return { itemIndex, ...readRequestLimits(context, itemIndex) };
}
