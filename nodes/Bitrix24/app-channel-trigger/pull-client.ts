import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BitrixTarget } from '../transport';
import type { ChannelConfig, PullCursor } from '../transport/pull-server';
import { channelConfig, longPoll, postAcknowledgement } from '../transport/pull-server';
import type { PullSocket } from '../transport/pull-socket';
import { canUseWebSocket, listenSocket } from '../transport/pull-socket';
import { getPullConfig } from '../transport/pull-config';
import { reconnectDelayMs } from './backoff';
import type { PullBatch, PullEvent } from './pull-messages';
import { acknowledgement, parsePullBody, PONG } from './pull-messages';

export interface PullFilter {
	moduleId: string;
	commands: string[];
}

export type Connection = 'auto' | 'longPolling';

const SEEN_LIMIT = 5_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** Channels whose end has passed by our clock (skew) are refetched no sooner than this. */
const SHORTEST_CHANNEL_MS = 5_000;
/** A socket the server closes sooner than this counts as a failure, so reconnects back off. */
const SHORTEST_SOCKET_MS = 1_000;
/** System commands that ask the client to fetch the configuration again. */
const RECONFIGURE = new Set(['channel_expire', 'channel_die', 'config_expire', 'server_restart']);
/** A version 5 socket that got a ping and then none for this long is stuck (the SDK's 2 × 10 s). */
const PING_WAIT_MS = 20_000;

/**
 * Listens on the app's Push & Pull channels, by WebSocket or long polling, until closed: fetches the
 * config, resumes with `mid`, drops repeated messages, refetches the config when a channel expires
 * or the server asks, and backs off with jitter on failures.
 */
export class PullClient {
	private config?: ChannelConfig;
	private reopen = false;
	private cursor: PullCursor;
	private pingTimer?: NodeJS.Timeout;
	private readonly seen = new Set<string>();
	private closed = false;
	private request?: AbortController;
	private socket?: PullSocket;
	private expiryTimer?: NodeJS.Timeout;
	private sleepTimer?: NodeJS.Timeout;
	private wakeSleep?: () => void;
	private loop?: Promise<void>;

	constructor(
		private readonly context: ITriggerFunctions,
		private readonly target: BitrixTarget,
		private readonly filter: PullFilter,
		private readonly deliver: (events: PullEvent[]) => void,
		private readonly connection: Connection = 'auto',
		private readonly pollTimeoutMs?: number,
		resumeFrom: PullCursor = {},
		/** Told the new cursor before each delivery, to keep it across restarts. */
		private readonly saveCursor: (cursor: PullCursor) => void = () => {},
	) {
		this.cursor = { ...resumeFrom };
	}

	start(): void {
		this.loop ??= this.run();
	}

	/** Ends the open request and every timer, and waits until the loop has stopped. */
	async close(): Promise<void> {
		this.closed = true;
		this.request?.abort();
		this.socket?.close();
		clearTimeout(this.expiryTimer);
		clearTimeout(this.pingTimer);
		this.wakeSleep?.();
		await this.loop;
	}

	private async run(): Promise<void> {
		let failures = 0;
		while (!this.closed) {
			try {
				const config = this.config ?? (await this.fetchConfig());
				if (this.closed) break;
				if (this.connection === 'auto' && canUseWebSocket(config)) await this.listenOnce(config);
				else await this.pollOnce(config);
				failures = 0;
			} catch (error) {
				if (this.closed) break;
				if (isAuthFailure(error)) {
					this.context.emitError(error as Error);
					break;
				}
				failures++;
				if (failures > 1) this.config = undefined;
				this.context.logger.debug('Bitrix24 Trigger: Push & Pull connection failed', {
					failures,
					reason: error instanceof Error ? error.message : String(error),
				});
				await this.sleep(reconnectDelayMs(failures));
			}
		}
		// A config fetched while closing may have set it after close() cleared it.
		clearTimeout(this.expiryTimer);
	}

	private async fetchConfig(): Promise<ChannelConfig> {
		const reply = await getPullConfig(this.context, this.target, {
			cache: !this.reopen,
			reopen: false,
		});
		this.reopen = false;
		const config = channelConfig(reply);
		if (!config) {
			throw new NodeOperationError(
				this.context.getNode(),
				'Bitrix24 sent a Push & Pull configuration without channels',
			);
		}
		this.config = config;
		this.refetchAt(config.expiresAt);
		return config;
	}

	private async pollOnce(config: ChannelConfig): Promise<void> {
		this.request = new AbortController();
		const signal = this.request.signal;
		const reply = await this.unlessEnded(config, async () => {
			try {
				return await longPoll(this.context, config, this.cursor, signal, this.pollTimeoutMs);
			} finally {
				this.request = undefined;
			}
		});
		if (!reply || this.closed || this.config !== config) return;
		if (reply.status === 304 && reply.lastMessageId) this.cursor = { mid: reply.lastMessageId };
		if (reply.status === 304 || reply.status === 204) return;
		if (reply.status === 400 || reply.status === 401 || reply.status === 403) {
			// A refused channel: fetch new ones, after a backoff in case they are refused too.
			this.expireConfig();
			throw new NodeOperationError(
				this.context.getNode(),
				`The Push & Pull server refused the channel (${reply.status})`,
			);
		}
		if (reply.status !== 200) {
			throw new NodeOperationError(
				this.context.getNode(),
				`The Push & Pull server answered ${reply.status}`,
			);
		}
		// As the SDK: an empty 200 means the channel no longer knows our mid.
		if (reply.body === '') this.cursor = {};
		const batch = parsePullBody(reply.body, config.version);
		this.handle(batch);
		if (config.version >= 5) {
			for (const event of batch.events)
				await postAcknowledgement(this.context, config, acknowledgement(event.mid));
		}
	}

	/** One WebSocket session, until either side closes it. */
	private async listenOnce(config: ChannelConfig): Promise<void> {
		const opened = Date.now();
		await this.unlessEnded(config, async () => {
			try {
				await listenSocket(
					config,
					this.cursor,
					{ onText: (text, socket) => this.receive(text, socket, config) },
					(socket) => {
						this.socket = socket;
						if (this.closed || this.config !== config) socket.close();
					},
				);
			} finally {
				this.socket = undefined;
				clearTimeout(this.pingTimer);
			}
		});
		if (!this.closed && this.config === config && Date.now() - opened < SHORTEST_SOCKET_MS) {
			throw new NodeOperationError(
				this.context.getNode(),
				'The Push & Pull server closed the WebSocket right after opening it',
			);
		}
	}

	/** Runs a connection; its failure counts only if it was not ended on purpose. */
	private async unlessEnded<T>(
		config: ChannelConfig,
		connect: () => Promise<T>,
	): Promise<T | undefined> {
		try {
			return await connect();
		} catch (error) {
			// Closing, or the channels expired.
			if (this.closed || this.config !== config) return undefined;
			throw new NodeOperationError(
				this.context.getNode(),
				error instanceof Error ? error.message : String(error),
			);
		}
	}

	/** Version 5 answers `ping` with `pong` and acknowledges each message with `mack:<mid>`. */
	private receive(text: string, socket: PullSocket, config: ChannelConfig): void {
		const batch = parsePullBody(text, config.version);
		if (batch.ping) {
			socket.send(PONG);
			clearTimeout(this.pingTimer);
			this.pingTimer = setTimeout(() => socket.close(), PING_WAIT_MS);
		}
		this.handle(batch);
		if (config.version >= 5) {
			for (const event of batch.events) socket.send(acknowledgement(event.mid));
		}
	}

	private handle(batch: PullBatch): void {
		if (batch.cursor) this.cursor = batch.cursor;
		const fresh: PullEvent[] = [];
		for (const event of batch.events) {
			if (this.seen.has(event.mid)) continue;
			this.remember(event.mid);
			if (event.moduleId === 'pull' && RECONFIGURE.has(event.command)) {
				if (!this.takeNewChannel(event)) this.expireConfig();
				continue;
			}
			if (this.filter.moduleId && event.moduleId !== this.filter.moduleId) continue;
			if (this.filter.commands.length > 0 && !this.filter.commands.includes(event.command))
				continue;
			fresh.push(event);
		}
		if (batch.cursor) this.saveCursor(this.cursor);
		if (fresh.length > 0) this.deliver(fresh);
	}

	/**
	 * `channel_expire` with `action: reconnect` names the channel's successor: the SDK swaps it in
	 * and reconnects without fetching the config (handleInternalPullEvent).
	 */
	private takeNewChannel(event: PullEvent): boolean {
		const params = event.params as {
			action?: unknown;
			channel?: { type?: unknown };
			new_channel?: { id?: unknown; end?: unknown };
		};
		const type = params.channel?.type;
		const id = params.new_channel?.id;
		if (event.command !== 'channel_expire' || params.action !== 'reconnect') return false;
		if ((type !== 'private' && type !== 'shared') || typeof id !== 'string' || !this.config)
			return false;
		if (!this.config.channels[type] || this.config.jwt) return false;
		const end = Date.parse(String(params.new_channel?.end));
		this.config = {
			...this.config,
			channels: { ...this.config.channels, [type]: id },
			expiresAt: Number.isFinite(end) ? end : this.config.expiresAt,
		};
		this.refetchAt(this.config.expiresAt);
		this.request?.abort();
		this.socket?.close();
		return true;
	}

	/** The channels are closing: fetch new ones, bypassing Bitrix24's cached config. */
	private expireConfig(): void {
		this.config = undefined;
		this.reopen = true;
		this.request?.abort();
		this.socket?.close();
	}

	private refetchAt(expiresAt: number): void {
		clearTimeout(this.expiryTimer);
		const delay = Math.min(Math.max(SHORTEST_CHANNEL_MS, expiresAt - Date.now()), LONGEST_TIMER_MS);
		this.expiryTimer = setTimeout(() => this.expireConfig(), delay);
	}

	private remember(mid: string): void {
		this.seen.add(mid);
		if (this.seen.size > SEEN_LIMIT) {
			const oldest = this.seen.values().next().value as string;
			this.seen.delete(oldest);
		}
	}

	/** A wait that `close()` cuts short. */
	private async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			this.wakeSleep = () => {
				clearTimeout(this.sleepTimer);
				this.wakeSleep = undefined;
				resolve();
			};
			this.sleepTimer = setTimeout(() => this.wakeSleep?.(), ms);
		});
	}
}

/** Revoked or unrenewable authorization: retrying cannot help, the user must reconnect. */
function isAuthFailure(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.httpCode === '401' || /did not renew/.test(error.message);
}
