import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

import { SimulatorServer } from '../framework';
import {
	BITRIX24_DEMO_CLIENT_ID,
	BITRIX24_DEMO_APP_SIGNATURE,
	BITRIX24_DEMO_WEBHOOK_CODE,
	BITRIX24_DEMO_WEBHOOK_USER,
	BITRIX24_STANDARD_LIMIT,
} from './demo-data';
import type { BucketLimit } from './leaky-bucket';
import { ServerLeakyBucket } from './leaky-bucket';
import { outboundEventsOf } from './events/outbound-events';
import { PortalState } from './portal-state';
import { PullHub } from './pull/pull-hub';
import { PullSocketServer } from './pull/pull-socket-server';
import { controlRoutes } from './routes/control';
import { authorize, token } from './routes/oauth';
import { oauthRoute, webhookRoute } from './routes/rest';
import { longPoll, publish } from './routes/sub';
import { TokenStore } from './token-store';
import { downloadRoute, uploadRoute } from './work/disk-methods';

export interface PullSettings {
	version?: 4 | 5;
	holdMs?: number;
	pingMs?: number;
	channelLifetimeMs?: number;
	replayOnExpiry?: number;
	mode?: 'personal' | 'shared';
	useJwt?: boolean;
	expiryAction?: 'reconnect' | 'restart';
}

export interface Bitrix24SimulatorOptions {
	webhookCode?: string;
	clientSecret?: string;
	limit?: BucketLimit;
}

/** A Bitrix24 portal, its OAuth server (oauth.bitrix.info) and its Push & Pull queue server. */
export class Bitrix24Simulator extends SimulatorServer {
	readonly portal = new PortalState();
	readonly pull = new PullHub();
	readonly tokens = new TokenStore();
	readonly pullSockets = new PullSocketServer(this.pull);
	readonly events = outboundEventsOf(this.portal);
	readonly bucket: ServerLeakyBucket;
	private readonly initialLimit: BucketLimit;

	constructor(options: Bitrix24SimulatorOptions = {}) {
		super({ name: 'Bitrix24' });
		this.initialLimit = options.limit ?? BITRIX24_STANDARD_LIMIT;
		this.bucket = new ServerLeakyBucket({ ...this.initialLimit });
		const rest = {
			portal: this.portal,
			pull: this.pull,
			tokens: this.tokens,
			bucket: this.bucket,
			webhook: {
				userId: BITRIX24_DEMO_WEBHOOK_USER,
				code: options.webhookCode ?? BITRIX24_DEMO_WEBHOOK_CODE,
			},
		};
		const oauth = {
			tokens: this.tokens,
			clientId: BITRIX24_DEMO_CLIENT_ID,
			clientSecret: options.clientSecret ?? BITRIX24_DEMO_APP_SIGNATURE,
		};
		this.route(
			'GET',
			'/rest/download.json',
			downloadRoute(this.portal, (token) => this.tokens.check(token) === 'ok'),
		).route(
			'POST',
			'/rest/upload.json',
			uploadRoute(this.portal, (token) => this.tokens.check(token) === 'ok'),
		);
		for (const method of ['GET', 'POST']) {
			this.route(method, '/rest/:user/:code/:method', webhookRoute(rest))
				.route(method, '/rest/:method', oauthRoute(rest))
				.route(method, '/oauth/token/', token(oauth));
		}
		this.route('GET', '/oauth/authorize/', authorize(oauth)).route(
			'GET',
			'/sub/',
			longPoll(this.pull),
		);
		this.route('POST', '/pubweb/', publish(this.pull));
		for (const [method, path, handler] of controlRoutes(this))
			this.controlRoute(method, path, handler);
	}

	/** An access and refresh token pair, as an installed app holds. */
	issueTokens() {
		const pair = this.tokens.issue(1);
		return { access_token: pair.access, refresh_token: pair.refresh, expires_in: 3600 };
	}

	configurePull(settings: PullSettings): void {
		if (settings.pingMs !== undefined) this.pull.pingMs = settings.pingMs;
		if (settings.channelLifetimeMs !== undefined) {
			this.pull.channelLifetimeMs = settings.channelLifetimeMs;
		}
		if (settings.version !== undefined) this.pull.version = settings.version;
		if (settings.holdMs !== undefined) this.pull.holdMs = settings.holdMs;
		if (settings.replayOnExpiry !== undefined) this.pull.replayOnExpiry = settings.replayOnExpiry;
		if (settings.mode !== undefined) this.pull.mode = settings.mode;
		if (settings.useJwt !== undefined) this.pull.useJwt = settings.useJwt;
		if (settings.expiryAction !== undefined) this.pull.expiryAction = settings.expiryAction;
	}

	state() {
		return {
			deals: this.portal.deals.length,
			pushes: this.portal.pushes,
			refreshCount: this.tokens.refreshCount,
			refusedByLimit: this.bucket.refused,
			limit: this.bucket.limit,
			pull: {
				version: this.pull.version,
				holdMs: this.pull.holdMs,
				connections: this.pull.connections,
				sent: this.pull
					.sent()
					.map(({ mid, channel, text }) => ({ mid, channel: channel.type, text })),
			},
		};
	}

	override async stop(): Promise<void> {
		this.pull.releaseAll();
		this.pullSockets.closeAll();
		await super.stop();
	}

	protected override onUpgrade(message: IncomingMessage, socket: Socket, head: Buffer): void {
		this.pullSockets.upgrade(message, socket, head);
	}

	protected override resetState(): void {
		this.portal.reset();
		this.pull.reset();
		this.events.reset();
		this.tokens.reset();
		this.bucket.reset();
		this.bucket.limit = { ...this.initialLimit };
	}
}

export function createBitrix24Simulator(options?: Bitrix24SimulatorOptions): Bitrix24Simulator {
	return new Bitrix24Simulator(options);
}
