import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	optionsCollection,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import type { EraCall } from '../../transport';
import { TIMEOUT_SECONDS } from '../../transport';

/** The Timeout option every ERA operation has in its Options. */
export const eraTimeoutOption = timeoutOption(TIMEOUT_SECONDS);

/** The Options of an operation that has no other options. */
export const timeoutOnlyOptions: INodeProperties = optionsCollection([eraTimeoutOption]);

/** The item a call is made for, with the limits its Options set. */
export function eraCall(context: IExecuteFunctions, itemIndex: number): EraCall {
	return { itemIndex, ...readRequestLimits(context, itemIndex) };
}
