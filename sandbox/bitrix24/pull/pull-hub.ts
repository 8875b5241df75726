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
	time: string;
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
	/** How often a version 5 WebSocket gets the text `ping` (the SDK reconnects after 20 s without). */
	pingMs = 10_000;
	/** `shared`: the cloud push server, which wants `clientId` on every connection. */
	mode: 'personal' | 'shared' = 'personal';
	/** The config carries a `jwt` that clients send as `token` instead of the channel ids. */
	useJwt = false;
	readonly clientId = `b24-${hex(8)}`;
	private readonly jwts = new Map<string, string[]>();
	private readonly expired = new Set<string>();
	/** How long a new channel lives (Bitrix24: 12 hours). */
	channelLifetimeMs = CHANNEL_LIFETIME_MS;
	/** On forced expiry, messages already sent that the new channel repeats (as after a restart). */
	replayOnExpiry = 2;
	/**
	 * `reconnect`: `channel_expire` names the successor (`new_channel`), which the SDK switches to
	 * without fetching the config; `restart`: it does not, and clients fetch the config again
	 * (`@bitrix24/b24jssdk` dist/esm/pullClient/client.mjs handleInternalPullEvent).
	 */
	expiryAction: 'reconnect' | 'restart' = 'reconnect';
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
		const end = Math.min(this.shared.end.getTime(), own.end.getTime());
		const jwt = this.useJwt ? `jwt.${hex(24)}` : undefined;
		if (jwt) this.jwts.set(jwt, [own.id, this.shared.id]);
		return {
			server: {
				version: this.version,
				mode: this.mode,
				config_timestamp: 0,
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
			api: { revision_web: 19, revision_mobile: 3 },
			channels: {
				shared: this.describe(this.shared),
				private: { ...this.describe(own), public_id: own.publicId },
			},
			publicChannels: {},
			...(this.mode === 'shared' ? { clientId: this.clientId } : {}),
			...(jwt ? { jwt, exp: Math.floor(end / 1000) } : {}),
			serverTime: new Date().toISOString(),
		};
	}

	/**
	 * The channels a connection's query names, or why it is refused: `token=<jwt>` or
	 * `CHANNEL_ID`, and on the shared (cloud) server the portal's `clientId`.
	 */
	channelsOf(query: URLSearchParams): string[] | string {
		if (this.mode === 'shared' && query.get('clientId') !== this.clientId) {
			return 'Wrong or missing clientId';
		}
		const token = query.get('token');
		const channelIds = token
			? (this.jwts.get(token) ?? [])
			: (query.get('CHANNEL_ID') ?? '').split('/').filter(Boolean);
		if (channelIds.length === 0) return 'Wrong channel id';
		if (channelIds.every((id) => this.isKnownChannel(id))) return channelIds;
		// An expired channel still hands out what it holds (its channel_expire), then refuses.
		const mid = query.get('mid') || undefined;
		const known = channelIds.every((id) => this.isKnownChannel(id) || this.expired.has(id));
		if (known && this.pending(channelIds, mid, this.lastSeq).length > 0) return channelIds;
		return 'Wrong channel id';
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
		const replay = this.messages
			.filter((message) => message.text.module_id !== 'pull')
			.slice(-this.replayOnExpiry);
		const old = [this.shared, ...this.privates.values()];
		this.shared = this.newChannel('shared');
		for (const userId of this.privates.keys())
			this.privates.set(userId, this.newChannel('private', userId));
		for (const channel of old) {
			if (channel.closed) continue;
			const successor =
				channel.type === 'shared' ? this.shared : this.privateOf(channel.userId ?? 0);
			this.push(channel, {
				module_id: 'pull',
				command: 'channel_expire',
				params:
					this.expiryAction === 'reconnect'
						? {
								action: 'reconnect',
								channel: { id: channel.id, type: channel.type },
								new_channel: this.describe(successor),
							}
						: { action: 'restart', channel: { id: channel.id, type: channel.type } },
				extra: {},
			});
			channel.closed = true;
			this.expired.add(channel.id);
		}
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
		return this.after(channelIds, this.resumeFrom(mid, since, channelIds));
	}

	/** Where a client resuming with `mid` starts: after that message, else at `fallback`. */
	resumeFrom(mid: string | undefined, fallback: number, channelIds?: string[]): number {
		if (mid === undefined) return fallback;
		// A message repeated on a new channel counts where the client saw it: on its channels.
		const onTheirs = channelIds && this.lastSeqOf(mid, channelIds);
		return onTheirs ?? this.lastSeqOf(mid) ?? fallback;
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
		this.pingMs = 10_000;
		this.mode = 'personal';
		this.useJwt = false;
		this.jwts.clear();
		this.expired.clear();
		this.channelLifetimeMs = CHANNEL_LIFETIME_MS;
		this.replayOnExpiry = 2;
		this.expiryAction = 'reconnect';
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
	private lastSeqOf(mid: string, channelIds?: string[]): number | undefined {
		for (let index = this.messages.length - 1; index >= 0; index--) {
			const message = this.messages[index];
			if (message.mid !== mid) continue;
			if (!channelIds || channelIds.includes(message.channel.id)) return message.seq;
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
		const time = new Date().toUTCString();
		this.messages.push({ mid: hex(16), seq: ++this.seq, time, channel, text });
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
