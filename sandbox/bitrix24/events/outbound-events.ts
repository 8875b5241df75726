import { randomBytes } from 'node:crypto';

import type { PortalState, RecordChange } from '../portal-state';
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
}

export interface Delivery {
	handlerId: number;
	event: string;
	url: string;
	attempt: number;
	status: number | 'network-error';
	body: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The portal's outbound events: when a record changes, every handler bound to that event gets a
 * form-encoded POST, as a portal sends it (`event`, `event_handler_id`, `data[FIELDS][ID]`, `ts`,
 * `auth[domain]`, `auth[member_id]`, `auth[application_token]`, …). A delivery that fails
 * (network error or a status other than 2xx) is sent again after `retryDelayMs`, up to
 * `attempts` times in all.
 */
export class OutboundEvents {
	handlers: EventHandler[] = [];
	deliveries: Delivery[] = [];
	/** The app's token, sent with every event of its handlers (and to ONAPPINSTALL). */
	appToken = hex(16);
	memberId = hex(16);
	retryDelayMs = 1_000;
	attempts = 3;
	/** The portal's address as handlers see it in `auth[domain]`. */
	origin = 'http://127.0.0.1';
	private nextId = 1;
	private readonly pending = new Set<Promise<void>>();
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(portal: PortalState) {
		portal.onRecordChange((change) => this.announce(change));
	}

	bind(event: string, handler: string, authType: number): EventHandler {
		return this.add({ event, handler, source: 'app', authType, applicationToken: this.appToken });
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
		for (const bound of this.handlers.filter((candidate) => candidate.event === event)) {
			const body = phpForm({
				event,
				event_handler_id: bound.id,
				data: dataOf(event, change.fields),
				ts: Math.floor(Date.now() / 1000),
				auth: this.authOf(bound),
			});
			this.track(this.deliver(bound, body, 1));
		}
	}

	/** Resolves when every delivery (retries included) has ended. */
	async settled(): Promise<void> {
		while (this.pending.size > 0 || this.timers.size > 0) {
			await Promise.all([...this.pending]);
			if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.handlers = [];
		this.deliveries = [];
		// A reset portal is another portal: its events are not repeats of the last one's.
		this.memberId = hex(16);
		this.appToken = hex(16);
		this.retryDelayMs = 1_000;
		this.attempts = 3;
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

	private async deliver(bound: EventHandler, body: string, attempt: number): Promise<void> {
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
			attempt,
			status,
			body,
		});
		const failed = status === 'network-error' || status < 200 || status >= 300;
		if (!failed || attempt >= this.attempts) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (this.handlers.includes(bound)) this.track(this.deliver(bound, body, attempt + 1));
		}, this.retryDelayMs);
		this.timers.add(timer);
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
