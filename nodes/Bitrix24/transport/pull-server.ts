import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { networkFailure } from '../../shared/errors/network-failure';
import { discardBody, readBody } from '../../shared/http/body-reader';
import { Deadline } from '../../shared/http/deadline';

/** A long poll waits up to 60 s on the server; a little more here. */
export const LONG_POLL_TIMEOUT_SECONDS = 65;
/** Messages are small; a queue server sending more than this is not one. */
const LONG_POLL_MAX_BYTES = 16 * 1024 * 1024;

export interface LongPollReply {
	status: number;
	body: string;
}

export interface ChannelConfig {
	version: number;
	url: string;
	/** Set when the server offers WebSocket. */
	socketUrl?: string;
	channelIds: string[];
	/** When the first channel closes (epoch ms). */
	expiresAt: number;
}

/** Reads what the trigger needs from pull.application.config.get's reply. */
export function channelConfig(config: IDataObject): ChannelConfig | undefined {
	const server = (config.server ?? {}) as IDataObject;
	const channels = (config.channels ?? {}) as Record<string, IDataObject | undefined>;
	const url = [server.long_pooling_secure, server.long_polling_secure, server.long_polling].find(
		(candidate) => typeof candidate === 'string' && candidate !== '',
	) as string | undefined;
	const chosen = [channels.private, channels.shared].filter(
		(channel): channel is IDataObject => typeof channel?.id === 'string',
	);
	if (!url || chosen.length === 0 || server.server_enabled === false) return undefined;
	const socketUrl = [server.websocket_secure, server.websocket].find(
		(candidate) => typeof candidate === 'string' && candidate !== '',
	) as string | undefined;
	const ends = chosen.map((channel) => Date.parse(String(channel.end))).filter(Number.isFinite);
	return {
		version: Number(server.version) || 4,
		url,
		socketUrl: server.websocket_enabled === false ? undefined : socketUrl,
		channelIds: chosen.map((channel) => String(channel.id)),
		expiresAt: ends.length > 0 ? Math.min(...ends) : Date.now() + 12 * 60 * 60 * 1000,
	};
}

/** What every connection names: its channels, the protocol revision, where to resume. */
export function connectQuery(config: ChannelConfig, lastMid: string | undefined): IDataObject {
	return {
		CHANNEL_ID: config.channelIds.join('/'),
		revision: 19,
		...(lastMid ? { mid: lastMid } : {}),
		...(config.version >= 5 ? { jsonRpc: 'true' } : {}),
	};
}

/**
 * One long-polling request to the queue server, through n8n's HTTP helper, within one deadline
 * for the whole reply and a size cap. The channel id is the only credential the queue server
 * wants. Throws on network failures.
 */
export async function longPoll(
	context: ITriggerFunctions,
	config: ChannelConfig,
	lastMid: string | undefined,
	signal: AbortSignal,
	timeoutMs = LONG_POLL_TIMEOUT_SECONDS * 1000,
): Promise<LongPollReply> {
	const deadline = new Deadline(timeoutMs);
	try {
		const reply = await deadline.race(
			context.helpers.httpRequest({
				method: 'GET',
				url: config.url,
				qs: connectQuery(config, lastMid),
				timeout: timeoutMs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				encoding: 'stream',
				json: false,
				abortSignal: AbortSignal.any([deadline.signal, signal]),
			}) as Promise<{ statusCode: number; body: unknown }>,
			(late) => discardBody(late.body),
		);
		// Closing the trigger ends a reply still arriving, too.
		const stop = () => discardBody(reply.body);
		signal.addEventListener('abort', stop, { once: true });
		if (signal.aborted) stop();
		try {
			const body = await readBody(reply.body, LONG_POLL_MAX_BYTES, deadline);
			return { status: reply.statusCode, body: body.toString('utf8') };
		} finally {
			signal.removeEventListener('abort', stop);
		}
	} catch (error) {
		throw new NodeOperationError(context.getNode(), failureMessage(deadline, error));
	} finally {
		deadline.clear();
	}
}

function failureMessage(deadline: Deadline, error: unknown): string {
	const cut = deadline.cutShort;
	if (cut?.reason === 'too-large') {
		return `The Push & Pull server sent a reply larger than ${cut.limit / 1024 / 1024} MB; n8n stopped reading it`;
	}
	if (cut) return `The Push & Pull server did not finish its reply within ${cut.limit / 1000} s`;
	return networkFailure(error)?.message ?? 'The Push & Pull server request failed';
}
