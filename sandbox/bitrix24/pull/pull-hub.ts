import { randomBytes } from 'node:crypto';

export const CHANNEL_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Channel {
	id: string;
	publicId: string;
	type: 'shared' | 'private';
	userId?: number;
	start: Date;
	end: Date;
	closed: boolean;
}

export interface PullText {
	module_id: string;
	command: string;
	params: unknown;
	extra: Record<string, unknown>;
}

export interface PullMessage {
	mid: string;
	seq: number;
	channel: Channel;
	text: PullText;
}

export interface Publication {
	moduleId: string;
	command: string;
	params: unknown;
	/** Private channels of these users; none means the shared channel. */
	userIds: number[];
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The queue server behind Push & Pull: channels that live 12 hours, messages with ids (`mid`)
 * kept in order, and long-polling listeners woken when a message arrives.
 */
export class PullHub {
	version: 4 | 5 = 4;
	/** How long a long-polling request waits before answering 304. */
	holdMs = 25_000;
	/** How often a version 5 WebSocket gets a JSON-RPC ping. */
	pingMs = 30_000;
	/** How long a new channel lives (Bitrix24: 12 hours). */
	channelLifetimeMs = CHANNEL_LIFETIME_MS;
	/** On forced expiry, messages already sent that the new channel repeats (as after a restart). */
	replayOnExpiry = 2;
	private shared = this.newChannel('shared');
	private readonly privates = new Map<number, Channel>();
	private messages: PullMessage[] = [];
	private seq = 0;
	private readonly listeners = new Set<() => void>();
	private readonly releases = new Set<() => void>();
	/** Long-polling requests and sockets now waiting. */
	connections = 0;
	readonly acks: string[] = [];
	readonly pongs: unknown[] = [];

	config(userId: number, origin: string, reopen: boolean) {
		if (reopen || this.isOver(this.shared)) this.shared = this.newChannel('shared');
		let own = this.privates.get(userId);
		if (!own || this.isOver(own) || reopen) {
			own = this.newChannel('private', userId);
			this.privates.set(userId, own);
		}
		const ws = origin.replace(/^http/, 'ws');
		return {
			server: {
				version: this.version,
				server_enabled: true,
				long_polling: `${origin}/sub/`,
				long_pooling_secure: `${origin}/sub/`,
				websocket_enabled: true,
				websocket: `${ws}/subws/`,
				websocket_secure: `${ws}/subws/`,
				publish_enabled: false,
				publish: `${origin}/pubweb/`,
				publish_secure: `${origin}/pubweb/`,
			},
			channels: {
				shared: this.describe(this.shared),
				private: { ...this.describe(own), public_id: own.publicId },
			},
		};
	}

	publish(publication: Publication): void {
		const channels =
			publication.userIds.length === 0
				? [this.shared]
				: publication.userIds.map((userId) => this.privateOf(userId));
		for (const channel of channels) {
			this.push(channel, {
				module_id: publication.moduleId,
				command: publication.command,
				params: publication.params,
				extra: { server_time: new Date().toISOString(), revision_web: 19 },
			});
		}
		this.wake();
	}

	/**
	 * Closes every channel as Bitrix24 does after 12 hours: each gets `pull/channel_expire`, and
	 * the next config opens new ones, which first repeat the last messages sent.
	 */
	expireChannels(): void {
		for (const channel of [this.shared, ...this.privates.values()]) {
			if (channel.closed) continue;
			this.push(channel, {
				module_id: 'pull',
				command: 'channel_expire',
				params: { action: 'reconnect', channel: { id: channel.id, type: channel.type } },
				extra: {},
			});
			channel.closed = true;
		}
		const replay = this.messages
			.filter((message) => message.text.module_id !== 'pull')
			.slice(-this.replayOnExpiry);
		this.shared = this.newChannel('shared');
		for (const userId of this.privates.keys())
			this.privates.set(userId, this.newChannel('private', userId));
		for (const message of replay) {
			const channel =
				message.channel.type === 'shared'
					? this.shared
					: this.privateOf(message.channel.userId ?? 0);
			this.messages.push({ ...message, seq: ++this.seq, channel });
		}
		this.wake();
	}

	/** Tells every open channel `pull/server_restart`; clients fetch the config again. */
	announceRestart(): void {
		for (const channel of [this.shared, ...this.privates.values()]) {
			if (channel.closed) continue;
			this.push(channel, {
				module_id: 'pull',
				command: 'server_restart',
				params: { reconnect_delay: 1 },
				extra: {},
			});
		}
		this.wake();
	}

	/** Messages for these channel ids after `mid`; with no (or an unknown) mid, none yet. */
	pending(channelIds: string[], mid: string | undefined, since: number): PullMessage[] {
		return this.after(channelIds, this.resumeFrom(mid, since));
	}

	/** Where a client resuming with `mid` starts: after that message, else at `fallback`. */
	resumeFrom(mid: string | undefined, fallback: number): number {
		return (mid === undefined ? undefined : this.lastSeqOf(mid)) ?? fallback;
	}

	after(channelIds: string[], seq: number): PullMessage[] {
		return this.messages.filter(
			(message) => message.seq > seq && channelIds.includes(message.channel.id),
		);
	}

	get lastSeq(): number {
		return this.seq;
	}

	/** Calls `listener` after each publication; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Waits until messages are pending, `holdMs` passes or the caller gives up. */
	async waitFor(channelIds: string[], mid: string | undefined, signal?: AbortSignal) {
		const since = this.seq;
		const ready = () => this.pending(channelIds, mid, since);
		if (ready().length > 0) return ready();
		this.connections++;
		try {
			await new Promise<void>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					this.listeners.delete(check);
					this.releases.delete(done);
					signal?.removeEventListener('abort', done);
					resolve();
				};
				const check = () => {
					if (ready().length > 0) done();
				};
				const timer = setTimeout(done, this.holdMs);
				this.listeners.add(check);
				this.releases.add(done);
				signal?.addEventListener('abort', done);
			});
		} finally {
			this.connections--;
		}
		return ready();
	}

	isKnownChannel(id: string): boolean {
		return [this.shared, ...this.privates.values()].some((channel) => channel.id === id);
	}

	sent(): PullMessage[] {
		return [...this.messages];
	}

	/** Answers every waiting request now (the simulator stops or resets). */
	releaseAll(): void {
		for (const release of [...this.releases]) release();
	}

	reset(): void {
		this.releaseAll();
		this.version = 4;
		this.holdMs = 25_000;
		this.pingMs = 30_000;
		this.channelLifetimeMs = CHANNEL_LIFETIME_MS;
		this.replayOnExpiry = 2;
		this.shared = this.newChannel('shared');
		this.privates.clear();
		this.messages = [];
		this.acks.length = 0;
		this.pongs.length = 0;
		this.wake();
	}

	private isOver(channel: Channel): boolean {
		return channel.closed || channel.end.getTime() <= Date.now();
	}

	/** A repeated message counts from its last copy. */
	private lastSeqOf(mid: string): number | undefined {
		for (let index = this.messages.length - 1; index >= 0; index--) {
			if (this.messages[index].mid === mid) return this.messages[index].seq;
		}
		return undefined;
	}

	private privateOf(userId: number): Channel {
		let channel = this.privates.get(userId);
		if (!channel || channel.closed) {
			channel = this.newChannel('private', userId);
			this.privates.set(userId, channel);
		}
		return channel;
	}

	private push(channel: Channel, text: PullText): void {
		this.messages.push({ mid: hex(16), seq: ++this.seq, channel, text });
	}

	private wake(): void {
		for (const listener of [...this.listeners]) listener();
	}

	private newChannel(type: Channel['type'], userId?: number): Channel {
		const start = new Date();
		const publicId = `${hex(16)}.${hex(20)}`;
		const id = type === 'private' ? `${hex(16)}:${publicId}` : `${hex(16)}.${hex(20)}`;
		return {
			id,
			publicId,
			type,
			userId,
			start,
			end: new Date(start.getTime() + this.channelLifetimeMs),
			closed: false,
		};
	}

	private describe(channel: Channel) {
		return {
			id: channel.id,
			start: channel.start.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
			end: channel.end.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
			type: channel.type,
		};
	}
}
