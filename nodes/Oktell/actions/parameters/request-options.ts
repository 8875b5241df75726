import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OKTELL_CONCURRENCY } from '../../transport';

import {
	maxParallelRequestsOption,
	maxReplySizeOption,
	optionsCollection,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';

const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_DOWNLOAD_MB = 100;

export interface OptionsShape {
	/** The reply may be a file: add Max Download Size. */
	download?: boolean;
	/** The command may run a service script, whose own timeout the deadline allows for. */
	script?: boolean;
	timeoutSeconds?: number;
}

const oktellParallelOption = maxParallelRequestsOption(
	OKTELL_CONCURRENCY,
	'Oktell documents no limit; raise it if your server keeps up.',
);

/** The operation's "Options" collection: a Timeout, and Max Download Size where files come back. */
export function requestOptions(shape: OptionsShape = {}): INodeProperties {
	const timeout = timeoutOption(shape.timeoutSeconds ?? DEFAULT_TIMEOUT_S);
	if (shape.script) {
		timeout.description = `${timeout.description}; when it waits for a service script's result, at least the script's timeout plus 5 seconds`;
	}
	const options: INodeProperties[] = [oktellParallelOption, timeout];
	if (shape.download) {
		options.unshift({
			...maxReplySizeOption(DEFAULT_DOWNLOAD_MB),
			displayName: 'Max Download Size (MB)',
			description:
				'The largest file n8n downloads; a bigger one is stopped as it arrives, so it cannot exhaust memory',
		});
	}
	return optionsCollection(options);
}

export interface OktellLimits {
	timeoutMs?: number;
	maxReplyBytes?: number;
	/** Names the options that raise the limits, for timeout and too-large errors. */
	limitsHint?: string;
}

/** The Timeout (and Max Download Size) an item sets; a limit left out is the transport's default. */
export function requestLimits(
	context: IExecuteFunctions,
	itemIndex: number,
	shape: OptionsShape = {},
): OktellLimits {
	const limits = readRequestLimits(context, itemIndex);
	if (!shape.download) return { timeoutMs: limits.timeoutMs };
	return {
		timeoutMs: limits.timeoutMs,
		maxReplyBytes: limits.maxReplyBytes ?? DEFAULT_DOWNLOAD_MB * 1024 * 1024,
		limitsHint:
			'Raise "Timeout (Seconds)" in the node\'s options if the server is just slow, or "Max Download Size (MB)" for a bigger file.',
	};
}

/** The deadline of a script run: the Timeout option, but never shorter than the script may take. */
export function scriptDeadlineMs(
	limits: OktellLimits,
	scriptMs: number | undefined,
): number | undefined {
	if (limits.timeoutMs === undefined || scriptMs === undefined) {
		return limits.timeoutMs ?? scriptMs;
	}
	return Math.max(limits.timeoutMs, scriptMs);
}
