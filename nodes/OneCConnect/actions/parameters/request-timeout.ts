import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import {
	maxParallelRequestsOption,
	optionsCollection,
	readPollLimits,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import { DEFAULT_TIMEOUT_SECONDS, ONE_C_READ_CONCURRENCY } from '../../transport';

/** How long one SOAP call may take, for the node's and the trigger's Options. */
export const oneCTimeoutOption: INodeProperties = timeoutOption(DEFAULT_TIMEOUT_SECONDS);

/** The Options collection of every operation that changes data or sends one batched call. */
export const requestOptions: INodeProperties = optionsCollection([oneCTimeoutOption]);

/** The Options collection of an operation that reads with one call per item. */
export const perItemReadOptions: INodeProperties = optionsCollection([
	maxParallelRequestsOption(
		ONE_C_READ_CONCURRENCY,
		"Every call counts against your cabinet's hourly quota; raise it if the quota allows.",
	),
	oneCTimeoutOption,
]);

/** The item's Timeout in milliseconds; undefined when it sets none (the transport's default). */
export function timeoutMsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return readRequestLimits(context, itemIndex).timeoutMs;
}

/** The trigger's Timeout in milliseconds; undefined when it sets none. */
export function pollTimeoutMsOf(context: IPollFunctions): number | undefined {
	return readPollLimits(context).timeoutMs;
}
