import type { IDataObject, IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { inputError } from '../errors/node-errors';
import { itemParameter } from '../parameters/run-parameter';

/** For an operation's Options collection: the deadline of each request, the body included. */
export function timeoutOption(defaultSeconds: number): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultSeconds,
		description:
			'How long one request may take, from connecting to the last byte of the reply, before n8n gives up on it',
	};
}

/** For an operation's Options collection: the largest reply n8n reads. */
export function maxReplySizeOption(defaultMegabytes: number): INodeProperties {
	return {
		displayName: 'Max Reply Size (MB)',
		name: 'maxReplySize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultMegabytes,
		description:
			'The largest reply n8n reads; a bigger one is stopped as it arrives, so it cannot exhaust memory',
	};
}

/** The option's name inside an operation's Options collection, read by `runPerItem`. */
export const MAX_PARALLEL_OPTION = 'maxParallelRequests';

/**
 * For an operation's Options collection: how many items' requests may be in flight at once.
 * `limitNote` says what bounds it at the vendor (a documented limit, or none documented).
 */
export function maxParallelRequestsOption(
	defaultCount: number,
	limitNote: string,
): INodeProperties {
	return {
		displayName: 'Max Parallel Requests',
		name: MAX_PARALLEL_OPTION,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
		default: defaultCount,
		description: `How many items n8n sends requests for at once. ${limitNote} Changes run one item at a time unless Continue On Fail is on.`,
	};
}

/** An operation's "Options" collection holding these options. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options,
	};
}

export interface RequestLimits {
	timeoutMs?: number;
	maxReplyBytes?: number;
}

/**
 * The Timeout and Max Reply Size an item sets in the collection `collection`; a limit left out
 * is undefined, so the vendor's default applies. A collection without expressions is read once
 * per run.
 */
export function readRequestLimits(
	context: IExecuteFunctions,
	itemIndex: number,
	collection = 'options',
): RequestLimits {
	const values = itemParameter<IDataObject>(context, collection, itemIndex, {});
	return readLimits(context, (name) => values?.[name], itemIndex);
}

/** The same for a polling trigger, whose parameters belong to no item. */
export function readPollLimits(context: IPollFunctions, collection = 'options'): RequestLimits {
	const parameter = (name: string) =>
		context.getNodeParameter(`${collection}.${name}`, null) as unknown;
	return readLimits(context, parameter);
}

function readLimits(
	context: IExecuteFunctions | IPollFunctions,
	parameter: (name: string) => unknown,
	itemIndex?: number,
): RequestLimits {
	const read = (name: string, label: string, unit: number): number | undefined => {
		const value = parameter(name);
		if (value === undefined || value === null || value === '') return undefined;
		const number = Number(value);
		if (!Number.isFinite(number) || number <= 0) {
			throw inputError(
				context.getNode(),
				`${label} must be a positive number, not "${String(value)}"`,
				`Set ${label} in the node's options to a number above 0, or remove it to use the default.`,
				itemIndex,
			);
		}
		return Math.round(number * unit);
	};
	return {
		timeoutMs: read('timeout', 'Timeout (Seconds)', 1000),
		maxReplyBytes: read('maxReplySize', 'Max Reply Size (MB)', 1024 * 1024),
	};
}
