import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import {
	optionsCollection,
	readPollLimits,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import { DEFAULT_TIMEOUT_SECONDS } from '../../transport';

/** How long one SOAP call may take, for the node's and the trigger's Options. */
export const oneCTimeoutOption: INodeProperties = timeoutOption(DEFAULT_TIMEOUT_SECONDS);

/** The Options collection of every operation. */
export const requestOptions: INodeProperties = optionsCollection([oneCTimeoutOption]);

/** The item's Timeout in milliseconds; undefined when it sets none (the transport's default). */
export function timeoutMsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return readRequestLimits(context, itemIndex).timeoutMs;
}

/** The trigger's Timeout in milliseconds; undefined when it sets none. */
export function pollTimeoutMsOf(context: IPollFunctions): number | undefined {
	return readPollLimits(context).timeoutMs;
}
