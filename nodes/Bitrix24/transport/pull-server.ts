import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { networkFailure } from '../../shared/errors/network-failure';

/** A long poll waits up to 60 s on the server; a little more here. */
const LONG_POLL_TIMEOUT_MS = 65_000;

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
 * One long-polling request to the queue server, through n8n's HTTP helper. The channel id is the
 * only credential the queue server wants. Throws on network failures.
 */
export async function longPoll(
	context: ITriggerFunctions,
	config: ChannelConfig,
	lastMid: string | undefined,
	signal: AbortSignal,
): Promise<LongPollReply> {
	const qs = connectQuery(config, lastMid);
	try {
		const reply = (await context.helpers.httpRequest({
			method: 'GET',
			url: config.url,
			qs,
			timeout: LONG_POLL_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			abortSignal: signal,
		})) as { statusCode: number; body: unknown };
		return { status: reply.statusCode, body: typeof reply.body === 'string' ? reply.body : '' };
	} catch (error) {
		const failure = networkFailure(error);
		throw new NodeOperationError(
			context.getNode(),
			failure ? failure.message : 'The Push & Pull server request failed',
		);
	}
}
