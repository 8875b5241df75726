import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { networkFailure } from '../../shared/errors/network-failure';
import { discardBody, readBody } from '../../shared/http/body-reader';
import { Deadline } from '../../shared/http/deadline';

/** A long poll waits up to 60 s on the server; a little more here. */
export const LONG_POLL_TIMEOUT_SECONDS = 65;
/** Messages are small; a queue server sending more than this is not one. */
const LONG_POLL_MAX_BYTES = 16 * 1024 * 1024;

/** Where a connection resumes: the last message's id, and up to version 4 its tag and time. */
export interface PullCursor {
	mid?: string;
	tag?: string;
	time?: string;
}

export interface LongPollReply {
	status: number;
	body: string;
	/** A 304 that names the channel's last message (`Last-Message-Id`), to resume after it. */
	lastMessageId?: string;
}

/** The `Expires` a queue server puts on a 304 that carries `Last-Message-Id`. */
const LAST_MESSAGE_EXPIRES = 'Thu, 01 Jan 1973 11:11:01 GMT';

export interface ChannelConfig {
	version: number;
	url: string;
	/** Set when the server offers WebSocket. */
	socketUrl?: string;
	/** Where version 5 long polling posts acknowledgements (`publish_secure`). */
	publishUrl?: string;
	channels: { private?: string; shared?: string };
	/** Sent as `token` instead of the channel ids when the config carries one. */
	jwt?: string;
	/** The cloud push server (`server.mode` `shared`) wants the portal's `clientId`. */
	sharedMode: boolean;
	clientId?: string;
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
	const jwt = filled(config.jwt);
	if (!url || (chosen.length === 0 && !jwt) || server.server_enabled === false) return undefined;
	const socketUrl = filled(server.websocket_secure) ?? filled(server.websocket);
	const ends = chosen.map((channel) => Date.parse(String(channel.end))).filter(Number.isFinite);
	const exp = Number(config.exp);
	if (exp > 0) ends.push(exp * 1000);
	return {
		version: Number(server.version) || 4,
		url,
		socketUrl: server.websocket_enabled === false ? undefined : socketUrl,
		publishUrl: filled(server.publish_secure) ?? filled(server.publish),
		channels: {
			private: filled(channels.private?.id),
			shared: filled(channels.shared?.id),
		},
		jwt,
		sharedMode: server.mode === 'shared',
		clientId: filled(config.clientId),
		expiresAt: ends.length > 0 ? Math.min(...ends) : Date.now() + 12 * 60 * 60 * 1000,
	};
}

const filled = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export const channelIdsOf = (config: ChannelConfig) =>
	[config.channels.private, config.channels.shared].filter(Boolean).join('/');

/**
 * The connection's query as Bitrix's pull client builds it (`@bitrix24/b24jssdk`
 * dist/esm/pullClient/client.mjs getConnectionPath): `token=<jwt>` when the config has one,
 * otherwise `CHANNEL_ID=<private>/<shared>`; `jsonRpc=true` from version 5; `clientId` on the
 * cloud push server (refused without it); `mid`, `tag`, `time` to resume; `revision=19`. The SDK
 * also asks version 4 for `binaryMode` (protobuf); the trigger reads the text frames instead.
 * The vendor page says only that `clientId` comes with the cloud push server; the SDK decides.
 */
export function connectQuery(config: ChannelConfig, cursor: PullCursor): IDataObject {
	if (config.sharedMode && !config.clientId) {
		throw new Error(
			'The Push & Pull server is in shared (cloud) mode but the config has no clientId',
		);
	}
	return {
		...(config.jwt ? { token: config.jwt } : { CHANNEL_ID: channelIdsOf(config) }),
		...(config.version >= 5 ? { jsonRpc: 'true' } : {}),
		...(config.sharedMode ? { clientId: config.clientId } : {}),
		...(cursor.mid ? { mid: cursor.mid } : {}),
		...(cursor.tag ? { tag: cursor.tag } : {}),
		...(cursor.time ? { time: cursor.time } : {}),
		revision: 19,
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
	cursor: PullCursor,
	signal: AbortSignal,
	timeoutMs = LONG_POLL_TIMEOUT_SECONDS * 1000,
): Promise<LongPollReply> {
	const deadline = new Deadline(timeoutMs);
	try {
		const reply = await deadline.race(
			context.helpers.httpRequest({
				method: 'GET',
				url: config.url,
				qs: connectQuery(config, cursor),
				timeout: timeoutMs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				encoding: 'stream',
				json: false,
				abortSignal: AbortSignal.any([deadline.signal, signal]),
			}) as Promise<{ statusCode: number; body: unknown; headers?: IDataObject }>,
			(late) => discardBody(late.body),
		);
		// Closing the trigger ends a reply still arriving, too.
		const stop = () => discardBody(reply.body);
		signal.addEventListener('abort', stop, { once: true });
		if (signal.aborted) stop();
		try {
			const body = await readBody(reply.body, LONG_POLL_MAX_BYTES, deadline);
			const headers = reply.headers ?? {};
			const lastMessageId =
				headers.expires === LAST_MESSAGE_EXPIRES ? filled(headers['last-message-id']) : undefined;
			return { status: reply.statusCode, body: body.toString('utf8'), lastMessageId };
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

const ACKNOWLEDGEMENT_TIMEOUT_MS = 10_000;

/**
 * Version 5 over long polling: the SDK's connector sends what a socket would (`mack:<mid>`) as a
 * POST to the publish URL with the channel ids. Best effort: a lost acknowledgement costs nothing
 * but a repeat, which the trigger drops by `mid`.
 */
export async function postAcknowledgement(
	context: ITriggerFunctions,
	config: ChannelConfig,
	text: string,
): Promise<void> {
	if (!config.publishUrl) return;
	const deadline = new Deadline(ACKNOWLEDGEMENT_TIMEOUT_MS);
	try {
		const reply = await deadline.race(
			context.helpers.httpRequest({
				method: 'POST',
				url: config.publishUrl,
				qs: { CHANNEL_ID: channelIdsOf(config) },
				body: text,
				json: false,
				timeout: ACKNOWLEDGEMENT_TIMEOUT_MS,
				returnFullResponse: true,
				encoding: 'stream',
				disableFollowRedirect: true,
				ignoreHttpStatusErrors: true,
				abortSignal: deadline.signal,
			}) as Promise<{ body: unknown }>,
			(late) => discardBody(late.body),
		);
		// Nothing in the reply is needed: it is dropped unread, whatever its size.
		discardBody(reply.body);
	} catch {
		// Best effort, see above.
	} finally {
		deadline.clear();
	}
}
