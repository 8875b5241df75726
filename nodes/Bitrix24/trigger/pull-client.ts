import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BitrixTarget } from '../transport';
import type { ChannelConfig } from '../transport/pull-server';
import { channelConfig, longPoll } from '../transport/pull-server';
import type { PullSocket } from '../transport/pull-socket';
import { canUseWebSocket, listenSocket } from '../transport/pull-socket';
import { getPullConfig } from '../transport/pull-config';
import { reconnectDelayMs } from './backoff';
import type { PullEvent } from './pull-messages';
import { parsePullBody } from './pull-messages';

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

/**
 * Listens on the app's Push & Pull channels, by WebSocket or long polling, until closed: fetches the
 * config, resumes with `mid`, drops repeated messages, refetches the config when a channel expires
 * or the server asks, and backs off with jitter on failures.
 */
export class PullClient {
	private config?: ChannelConfig;
	private reopen = false;
	private lastMid?: string;
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
	) {}

	start(): void {
		this.loop ??= this.run();
	}

	/** Ends the open request and every timer, and waits until the loop has stopped. */
	async close(): Promise<void> {
		this.closed = true;
		this.request?.abort();
		this.socket?.close();
		clearTimeout(this.expiryTimer);
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
				return await longPoll(this.context, config, this.lastMid, signal, this.pollTimeoutMs);
			} finally {
				this.request = undefined;
			}
		});
		if (!reply || this.closed || this.config !== config) return;
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
		this.handle(parsePullBody(reply.body, config.version).events);
	}

	/** One WebSocket session, until either side closes it. */
	private async listenOnce(config: ChannelConfig): Promise<void> {
		const opened = Date.now();
		await this.unlessEnded(config, async () => {
			try {
				await listenSocket(
					config,
					this.lastMid,
					{ onText: (text, socket) => this.receive(text, socket, config) },
					(socket) => {
						this.socket = socket;
						if (this.closed || this.config !== config) socket.close();
					},
				);
			} finally {
				this.socket = undefined;
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

	/** Version 5 answers pings and acknowledges what it received. */
	private receive(text: string, socket: PullSocket, config: ChannelConfig): void {
		const batch = parsePullBody(text, config.version);
		if (config.version >= 5) {
			for (const id of batch.pings)
				socket.send(JSON.stringify({ jsonrpc: '2.0', id, result: 'pong' }));
			if (batch.events.length > 0) {
				const mids = batch.events.map((event) => event.mid);
				socket.send(
					JSON.stringify({ jsonrpc: '2.0', method: 'incoming.message.ack', params: { mids } }),
				);
			}
		}
		this.handle(batch.events);
	}

	private handle(events: PullEvent[]): void {
		const fresh: PullEvent[] = [];
		for (const event of events) {
			this.lastMid = event.mid;
			if (this.seen.has(event.mid)) continue;
			this.remember(event.mid);
			if (event.moduleId === 'pull' && RECONFIGURE.has(event.command)) {
				this.expireConfig();
				continue;
			}
			if (this.filter.moduleId && event.moduleId !== this.filter.moduleId) continue;
			if (this.filter.commands.length > 0 && !this.filter.commands.includes(event.command))
				continue;
			fresh.push(event);
		}
		if (fresh.length > 0) this.deliver(fresh);
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
