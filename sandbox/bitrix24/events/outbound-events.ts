import { randomBytes } from 'node:crypto';

import { BITRIX24_DEMO_APP_EVENTS_CODE, BITRIX24_DEMO_MEMBER_ID } from '../demo-data';
import type { PortalState, RecordChange } from '../portal-state';
import { OfflineQueue } from './offline-queue';
import { phpForm } from './php-form';

/** An app's handler (event.bind) or an outbound webhook («исходящий вебхук») of the portal. */
export interface EventHandler {
	id: number;
	event: string;
	handler: string;
	/** `app`: bound with event.bind; `webhook`: set up by an admin in the portal. */
	source: 'app' | 'webhook';
	authType: number;
	applicationToken: string;
	/** ONOFFLINEEVENT's `options[minTimeout]`: at least this many seconds between its calls. */
	minTimeoutSeconds?: number;
}

export interface Delivery {
	handlerId: number;
	event: string;
	url: string;
	status: number | 'network-error';
	body: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The portal's online events, as b24restdocs `api-reference/events/index.md` describes them: when
 * a record changes, every handler bound to that event gets one form-encoded POST (`event`,
 * `event_handler_id`, `data[FIELDS][ID]`, `ts`, `auth[domain]`, `auth[member_id]`,
 * `auth[application_token]`, …). "No retries": a delivery that fails is logged and never sent
 * again. `ts` is the portal's clock in seconds, which `advanceClock` moves without waiting.
 */
export class OutboundEvents {
	handlers: EventHandler[] = [];
	deliveries: Delivery[] = [];
	/** The app's token, sent with every event of its handlers (and to ONAPPINSTALL). */
	appToken = BITRIX24_DEMO_APP_EVENTS_CODE;
	memberId = BITRIX24_DEMO_MEMBER_ID;
	/** How far the portal's clock is ahead of this machine's. */
	clockOffsetMs = 0;
	/** The portal's address as handlers see it in `auth[domain]`. */
	origin = 'http://127.0.0.1';
	/** Offline events (`event_type=offline`), read with `event.offline.*`. */
	readonly offline = new OfflineQueue();
	private nextId = 1;
	private readonly pending = new Set<Promise<void>>();
	/** When each ONOFFLINEEVENT handler was last called, and its call waiting for minTimeout. */
	private readonly lastSignal = new Map<number, number>();
	private readonly signalTimers = new Map<number, NodeJS.Timeout>();

	constructor(portal: PortalState) {
		portal.onRecordChange((change) => this.announce(change));
	}

	bind(event: string, handler: string, authType: number, minTimeoutSeconds?: number): EventHandler {
		return this.add({
			event,
			handler,
			source: 'app',
			authType,
			applicationToken: this.appToken,
			minTimeoutSeconds,
		});
	}

	/** An outbound webhook an admin created; it has its own application token. */
	addOutboundWebhook(handler: string, events: string[]): { applicationToken: string } {
		const applicationToken = hex(16);
		for (const event of events) {
			this.add({ event, handler, source: 'webhook', authType: 0, applicationToken });
		}
		return { applicationToken };
	}

	unbind(event: string, handler: string): number {
		const before = this.handlers.length;
		this.handlers = this.handlers.filter(
			(bound) => bound.source !== 'app' || bound.event !== event || bound.handler !== handler,
		);
		return before - this.handlers.length;
	}

	appHandlers(): EventHandler[] {
		return this.handlers.filter((bound) => bound.source === 'app');
	}

	announce(change: RecordChange): void {
		const event = change.event.toUpperCase();
		const data = dataOf(event, change.fields);
		for (const bound of this.handlers.filter((candidate) => candidate.event === event)) {
			this.send(bound, data);
		}
		if (this.offline.record(event, data, change.source, new Date(this.now())) > 0) {
			for (const bound of this.handlers.filter(
				(candidate) => candidate.event === 'ONOFFLINEEVENT',
			)) {
				this.signal(bound);
			}
		}
	}

	/** The portal's clock. */
	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	private send(bound: EventHandler, data: Record<string, unknown>): void {
		const body = phpForm({
			event: bound.event,
			event_handler_id: bound.id,
			data,
			ts: Math.floor(this.now() / 1000),
			auth: this.authOf(bound),
		});
		this.track(this.deliver(bound, body));
	}

	/** ONOFFLINEEVENT: at once, or once minTimeout has passed since its last call. */
	private signal(bound: EventHandler): void {
		if (this.signalTimers.has(bound.id)) return;
		const wait =
			(this.lastSignal.get(bound.id) ?? -Infinity) +
			(bound.minTimeoutSeconds ?? 1) * 1000 -
			this.now();
		const call = () => {
			this.signalTimers.delete(bound.id);
			if (!this.handlers.includes(bound)) return;
			this.lastSignal.set(bound.id, this.now());
			this.send(bound, {});
		};
		if (wait <= 0) return call();
		const timer = setTimeout(call, wait);
		timer.unref();
		this.signalTimers.set(bound.id, timer);
	}

	advanceClock(seconds: number): void {
		this.clockOffsetMs += seconds * 1000;
	}

	/** Resolves when every delivery has been answered (or has failed). */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	reset(): void {
		for (const timer of this.signalTimers.values()) clearTimeout(timer);
		this.signalTimers.clear();
		this.lastSignal.clear();
		this.offline.reset();
		this.handlers = [];
		this.deliveries = [];
		this.appToken = BITRIX24_DEMO_APP_EVENTS_CODE;
		this.memberId = BITRIX24_DEMO_MEMBER_ID;
		this.clockOffsetMs = 0;
	}

	private add(fields: Omit<EventHandler, 'id'>): EventHandler {
		const bound = { id: this.nextId++, ...fields, event: fields.event.toUpperCase() };
		this.handlers.push(bound);
		return bound;
	}

	private authOf(bound: EventHandler) {
		const host = new URL(this.origin).host;
		return {
			domain: host,
			client_endpoint: `${this.origin}/rest/`,
			server_endpoint: `${this.origin}/rest/`,
			member_id: this.memberId,
			...(bound.source === 'app'
				? { scope: 'crm,task,pull', status: 'L', user_id: bound.authType, expires_in: 3600 }
				: {}),
			application_token: bound.applicationToken,
		};
	}

	private async deliver(bound: EventHandler, body: string): Promise<void> {
		let status: Delivery['status'];
		try {
			const reply = await fetch(bound.handler, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body,
				signal: AbortSignal.timeout(10_000),
			});
			status = reply.status;
			await reply.arrayBuffer().catch(() => undefined);
		} catch {
			status = 'network-error';
		}
		this.deliveries.push({
			handlerId: bound.id,
			event: bound.event,
			url: bound.handler,
			status,
			body,
		});
	}

	private track(delivery: Promise<void>): void {
		this.pending.add(delivery);
		void delivery.finally(() => this.pending.delete(delivery));
	}
}

/** Tasks carry the ID in FIELDS_AFTER (FIELDS_BEFORE on delete); other records in FIELDS. */
function dataOf(event: string, fields: Record<string, unknown>) {
	if (event === 'ONTASKDELETE') return { FIELDS_BEFORE: fields };
	if (event.startsWith('ONTASK')) return { FIELDS_BEFORE: { ID: fields.ID }, FIELDS_AFTER: fields };
	return { FIELDS: fields };
}

const outbound = new WeakMap<PortalState, OutboundEvents>();

/** The outbound events of one portal, created on first use. */
export function outboundEventsOf(portal: PortalState): OutboundEvents {
	let events = outbound.get(portal);
	if (!events) {
		events = new OutboundEvents(portal);
		outbound.set(portal, events);
	}
	return events;
}
