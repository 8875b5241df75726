import type { HookEvent } from './push-events';

export interface BackAuth {
	type: 'basic' | 'bearer';
	login?: string;
	password?: string;
	token?: string;
}

export interface Hook {
	type: 'bot' | 'line';
	/** The line; a `line` hook without one covers every line the login may use. */
	id?: string;
	url: string;
	back_auth?: BackAuth;
}

export interface Delivery {
	url: string;
	/** The subscriber's HTTP status; 0 when it could not be reached in time. */
	status: number;
	event: HookEvent;
}

const DELIVERY_TIMEOUT_MS = 15_000;

/** The Authorization header SetHook's `back_auth` asks 1C-Connect to send on every hook call. */
export function backAuthHeader(auth: BackAuth | undefined): Record<string, string> {
	if (auth?.type === 'basic') {
		const pair = `${auth.login ?? ''}:${auth.password ?? ''}`;
		return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
	}
	if (auth?.type === 'bearer') return { authorization: `Bearer ${auth.token ?? ''}` };
	return {};
}

/** One POST of the event to the hook's URL; the wiki documents no repeat of a failed call. */
export async function deliver(hook: Hook, event: HookEvent): Promise<Delivery> {
	try {
		const reply = await fetch(hook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...backAuthHeader(hook.back_auth) },
			body: JSON.stringify(event),
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		});
		await reply.arrayBuffer();
		return { url: hook.url, status: reply.status, event };
	} catch {
		return { url: hook.url, status: 0, event };
	}
}
