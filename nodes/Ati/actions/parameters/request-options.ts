import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import {
	optionsCollection,
	readPollLimits,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import { DEFAULT_TIMEOUT_SECONDS } from '../../transport';

const DEFAULT_TIMEOUT_MS = DEFAULT_TIMEOUT_SECONDS * 1000;

/** The Timeout option, for the node's and the trigger's Options collections. */
export const atiTimeoutOption: INodeProperties = timeoutOption(DEFAULT_TIMEOUT_SECONDS);

/** The Options collection of each ATI.SU operation. */
export const requestOptions: INodeProperties = optionsCollection([atiTimeoutOption]);

/** The item's Timeout in milliseconds, the ATI.SU default when it sets none. */
export function readTimeoutMs(context: IExecuteFunctions, itemIndex: number): number {
	return readRequestLimits(context, itemIndex).timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** The trigger's Timeout in milliseconds. */
export function readPollTimeoutMs(context: IPollFunctions): number {
	return readPollLimits(context).timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** The item's number and deadline, for a transport call. */
export function atiCall(context: IExecuteFunctions, itemIndex: number) {
	return { itemIndex, timeoutMs: readTimeoutMs(context, itemIndex) };
}
