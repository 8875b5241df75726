import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';

// ATI's webhooks (ati.su/developers/api/webhooks, …/webhooks/authentication and the webhooks
// section of ATI's API reference): a subscription is verified with a GET carrying `challenge`
// and `verification_status=progress`, answered with the challenge as a JSON string within 20 s;
// then each event is POSTed as {topic, entities: [{entity_id, action_date, entity}], is_retry},
// signed with HMAC-SHA-256 by the hook's key over "<method>\n<path_and_query>\n<Date>;<Digest>;
// <host:port>", and repeated with ATI-Is-Retry until a 2xx. The header carries the page's
// "Signature" parameter as a public summary of that page gives it: `Authorization: HMAC-SHA-256
// Credential=<hook id>&SignedHeaders=Date;Digest;Host&Signature=<base64>`. Where the pages stop,
// the hub's choices: the status reply is {hook: {id, topic, callback, status, key}}; a failed
// delivery is repeated 3 times, 100 ms apart.

export const ATI_WEBHOOK_TOPICS = ['cargoes', 'cargoes.on_boards', 'orders', 'orders.invites'];
/**
 * Topics taken only as a "complex" subscription with `subscription: {channel, boards}`; the
 * others only as "normal" (a public summary of ATI's webhooks section, its topics table).
 */
const COMPLEX_TOPICS = ['cargoes.on_boards'];
const ANSWER_WITHIN_MS = 20_000;
const RETRIES = 3;
const RETRY_PAUSE_MS = 100;

export interface Hook {
	id: string;
	topic: string;
	callback: string;
	status: 'created' | 'verification' | 'active' | 'removed' | 'deactivated';
	key: string;
	/** The boards a complex subscription follows. */
	boards?: string[];
}

/** What POST /webhooks/v1/create carries besides the callback. */
export interface HookRequest {
	topic?: unknown;
	callback?: unknown;
	subscription_type?: unknown;
	subscription?: unknown;
}

export interface Delivery {
	hookId: string;
	body: string;
	retry: boolean;
	status: number;
}

export class WebhookHub {
	private readonly hooks = new Map<string, Hook>();
	readonly deliveries: Delivery[] = [];
	private readonly inFlight = new Set<Promise<unknown>>();

	list(): Hook[] {
		return [...this.hooks.values()];
	}

	get(id: string): Hook | undefined {
		return this.hooks.get(id);
	}

	/** The new hook, or why ATI refuses it. */
	create({ topic, callback, subscription_type, subscription }: HookRequest): Hook | string {
		if (typeof topic !== 'string' || !ATI_WEBHOOK_TOPICS.includes(topic)) {
			return `topic must be one of ${ATI_WEBHOOK_TOPICS.join(', ')}`;
		}
		const complex = COMPLEX_TOPICS.includes(topic);
		if (subscription_type !== (complex ? 'complex' : 'normal')) {
			return `topic ${topic} takes subscription_type ${complex ? 'complex' : 'normal'}`;
		}
		const boards = (subscription as { boards?: unknown } | undefined)?.boards;
		const channel = (subscription as { channel?: unknown } | undefined)?.channel;
		if (
			complex &&
			(channel !== topic ||
				!Array.isArray(boards) ||
				boards.length === 0 ||
				!boards.every((board) => typeof board === 'string'))
		) {
			return `subscription must name the channel ${topic} and the boards to follow`;
		}
		let url: URL;
		try {
			url = new URL(String(callback));
		} catch {
			return 'callback must be a URL';
		}
		// ATI calls only HTTPS on public IPv4; the sandbox also calls plain HTTP on loopback, as
		// tests and `npm start` cannot present a trusted certificate.
		const loopback = ['127.0.0.1', 'localhost'].includes(url.hostname);
		if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
			return 'callback must be an HTTPS URL';
		}
		const live = this.list().find(
			(hook) => hook.callback === url.href && !['removed', 'deactivated'].includes(hook.status),
		);
		if (live) return 'callback must be unique to each subscription';
		const hook: Hook = {
			id: randomUUID(),
			topic,
			callback: url.href,
			status: 'created',
			key: randomBytes(24).toString('base64'),
			...(complex ? { boards: boards as string[] } : {}),
		};
		this.hooks.set(hook.id, hook);
		this.track(this.verify(hook));
		return hook;
	}

	remove(id: string): boolean {
		const hook = this.hooks.get(id);
		if (!hook || hook.status === 'removed') return false;
		hook.status = 'removed';
		return true;
	}

	/** Sends the event to every active hook of the topic. */
	publish(topic: string, entityId: string, entity: unknown, at = new Date()): void {
		const body = JSON.stringify({
			topic,
			entities: [{ entity_id: entityId, action_date: at.toISOString(), entity }],
			is_retry: false,
		});
		for (const hook of this.list()) {
			if (hook.topic === topic && hook.status === 'active') this.track(this.deliver(hook, body));
		}
	}

	/** Sends the last delivery again as a retry, as ATI does when it got no answer. */
	redeliverLast(): boolean {
		const last = this.deliveries.at(-1);
		const hook = last && this.hooks.get(last.hookId);
		if (!last || !hook) return false;
		const body = JSON.stringify({ ...(JSON.parse(last.body) as object), is_retry: true });
		this.track(this.send(hook, body, true));
		return true;
	}

	/** Resolves when every verification and delivery under way has ended. */
	async settled(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	reset(): void {
		this.hooks.clear();
		this.deliveries.length = 0;
	}

	private track(work: Promise<unknown>): void {
		this.inFlight.add(work);
		void work.finally(() => this.inFlight.delete(work));
	}

	private async verify(hook: Hook): Promise<void> {
		hook.status = 'verification';
		const challenge = randomBytes(16).toString('hex');
		const url = new URL(hook.callback);
		url.searchParams.set('challenge', challenge);
		url.searchParams.set('verification_status', 'progress');
		try {
			const reply = await fetch(url, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
			const answer = (await reply.json()) as unknown;
			if (hook.status === 'verification') {
				hook.status = reply.ok && answer === challenge ? 'active' : 'deactivated';
			}
		} catch {
			if (hook.status === 'verification') hook.status = 'deactivated';
		}
	}

	private async deliver(hook: Hook, body: string): Promise<void> {
		for (let attempt = 0; attempt <= RETRIES; attempt++) {
			if (hook.status !== 'active') return;
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
			const status = await this.send(hook, body, attempt > 0);
			if (status >= 200 && status < 300) return;
		}
	}

	private async send(hook: Hook, body: string, retry: boolean): Promise<number> {
		const url = new URL(hook.callback);
		const date = new Date().toUTCString();
		const digest = `sha-256=${createHash('sha256').update(body).digest('base64')}`;
		const port = url.port || (url.protocol === 'https:' ? '443' : '80');
		const signed = `POST\n${url.pathname}${url.search}\n${date};${digest};${url.hostname}:${port}`;
		const signature = createHmac('sha256', hook.key).update(signed).digest('base64');
		let status = 0;
		try {
			const reply = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Date: date,
					Digest: digest,
					'ATI-Is-Retry': String(retry),
					Authorization: `HMAC-SHA-256 Credential=${hook.id}&SignedHeaders=Date;Digest;Host&Signature=${signature}`,
				},
				body,
				signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
			});
			status = reply.status;
			await reply.arrayBuffer();
		} catch {
			status = 0;
		}
		this.deliveries.push({ hookId: hook.id, body, retry, status });
		return status;
	}
}
