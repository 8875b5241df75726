import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

import type { SharedStore, StoreSource } from '../../shared/state/shared-store';
import { processSharedStore, takePoint, usableStore } from '../../shared/state/shared-store';

/**
 * ERA bans an IP after 5 failed logins in 3 minutes. A login ERA refused is remembered, and not
 * tried again with the same server, domain, login and password for that long (or for the ban's own
 * timer): a wrong password costs one failed login, not one per item, per retry, per scheduled run
 * or (in n8n's queue mode, through n8n's Redis) per process. Changing the credential changes the
 * key and allows a new try.
 */
const REFUSAL_MEMORY_MS = 3 * 60_000;

interface Refusal {
	until: number;
	message: string;
}

const refusals = new Map<string, Refusal>();

export const LOGIN_REFUSED_PREFIX = 'ERA refused the login';

export interface LoginIdentity {
	serverUrl: unknown;
	domain: unknown;
	login: unknown;
	password: unknown;
}

/**
 * A session token is stored as `<identity>.<token>`, the identity being a hash of the server,
 * domain, login and password it was taken with. The credential sends it only while those are
 * unchanged: after an edit the server answers 401 and n8n logs in with the new values, so a token
 * never reaches another server and a wrong new password is never hidden by an old session. The
 * same hash keys the refusal memory and the one-login-at-a-time lock.
 */
export function sessionIdentity(identity: LoginIdentity): string {
	const values = JSON.stringify(
		[identity.serverUrl, identity.domain, identity.login, identity.password].map(String),
	);
	let hash = identities.get(values);
	if (hash === undefined) {
		hash = createHash('sha256').update(values).digest('hex');
		if (identities.size >= MAX_IDENTITIES) identities.clear();
		identities.set(values, hash);
	}
	return hash;
}

/** Identities already hashed: the credential asks for one on every request. */
const identities = new Map<string, string>();
const MAX_IDENTITIES = 64;

export function bindSession(identity: LoginIdentity, token: string): string {
	return `${sessionIdentity(identity)}.${token}`;
}

/** How long a finished login still answers requests that were sent with the session it replaced. */
const RENEWAL_REUSE_MS = 60_000;

interface Renewal {
	/** The stored session the login replaces. */
	replaced: string;
	session: Promise<string>;
	doneAt?: number;
}

const renewals = new Map<string, Renewal>();

/**
 * Logs in once for all the requests that met the same expired session: items read side by side
 * each get a 401 for it, and a login each would count against ERA's ban (and waste sessions).
 * Resolves to the new stored session; a refused login is shared too, and then forgotten here.
 */
export async function shareLogin(
	identity: LoginIdentity & { sessionToken?: unknown },
	login: () => Promise<string>,
	now = Date.now(),
	storeSource: StoreSource = processSharedStore,
): Promise<string> {
	const key = sessionIdentity(identity);
	const replaced = String(identity.sessionToken ?? '');
	const current = renewals.get(key);
	// A login made without any session is shared only while it runs: a new credential logs in.
	const fresh =
		current?.doneAt === undefined || (replaced !== '' && now - current.doneAt < RENEWAL_REUSE_MS);
	if (current && current.replaced === replaced && fresh) return await current.session;
	forgetOldRenewals(now);
	const renewal: Renewal = { replaced, session: oneProcessAtATime(key, login, storeSource) };
	renewals.set(key, renewal);
	void renewal.session.then(
		() => (renewal.doneAt = Date.now()),
		() => renewals.get(key) === renewal && renewals.delete(key),
	);
	return await renewal.session;
}

/** Logins past their reuse time answer nobody any more: the map keeps only recent ones. */
function forgetOldRenewals(now: number): void {
	for (const [key, renewal] of renewals) {
		if (renewal.doneAt !== undefined && now - renewal.doneAt >= RENEWAL_REUSE_MS) {
			renewals.delete(key);
		}
	}
}

/** A login that holds the lock longer than this has hung: another process may then try. */
const LOGIN_LOCK_SECONDS = 60;
const LOCK_POLL_MS = 100;

/**
 * In queue mode, one process at a time logs in with the same identity, and each first adopts a
 * refusal another process met: 3 workers meeting a wrong password cost ERA one failed login.
 */
async function oneProcessAtATime(
	key: string,
	login: () => Promise<string>,
	storeSource: StoreSource,
): Promise<string> {
	const store = usableStore(storeSource);
	if (!store) return await login();
	const lock = loginLockOf(store);
	const locked = await holdLock(lock, key).then(
		async () =>
			await adoptSharedRefusal(store, key).then(
				() => true,
				() => true,
			),
		() => false,
	);
	// Without Redis this process's own memory still guards the login.
	if (!locked) return await login();
	const lockedAt = Date.now();
	const session = login();
	try {
		return await session;
	} finally {
		await session.catch(async () => await shareRefusal(store, key));
		// After its lifetime the lock may be another process's: it is left to expire, not deleted.
		if (Date.now() - lockedAt < (LOGIN_LOCK_SECONDS - 1) * 1000) {
			await lock.delete(key).catch(() => undefined);
		}
	}
}

const loginLocks = new WeakMap<SharedStore, ReturnType<SharedStore['rateLimiter']>>();

function loginLockOf(store: SharedStore) {
	let lock = loginLocks.get(store);
	if (!lock) {
		lock = store.rateLimiter({
			keyPrefix: 'era-login-lock',
			points: 1,
			duration: LOGIN_LOCK_SECONDS,
		});
		loginLocks.set(store, lock);
	}
	return lock;
}

async function holdLock(lock: ReturnType<SharedStore['rateLimiter']>, key: string) {
	while ((await takePoint(lock, key)) > 0) await sleep(LOCK_POLL_MS);
}

const refusalKey = (store: SharedStore, key: string) => `${store.prefix}era-login-refused:${key}`;

async function adoptSharedRefusal(store: SharedStore, key: string): Promise<void> {
	const [[, message], [, left]] = (await store.redis
		.multi()
		.get(refusalKey(store, key))
		.pttl(refusalKey(store, key))
		.exec()) as [[unknown, string | null], [unknown, number]];
	if (message !== null && left > 0) refusals.set(key, { until: Date.now() + left, message });
}

async function shareRefusal(store: SharedStore, key: string): Promise<void> {
	const refusal = refusals.get(key);
	const left = refusal ? refusal.until - Date.now() : 0;
	if (!refusal || left <= 0) return;
	await store.redis.set(refusalKey(store, key), refusal.message, 'PX', left).catch(() => undefined);
}

/** The token part of a stored session (what ERA sees), or the value itself if it is not bound. */
export function unboundToken(stored: unknown): string {
	const text = String(stored ?? '');
	return /^[0-9a-f]{64}\./.test(text) ? text.slice(65) : text;
}

export function rememberRefusal(
	identity: LoginIdentity,
	message: string,
	waitMs = REFUSAL_MEMORY_MS,
	now = Date.now(),
): void {
	refusals.set(sessionIdentity(identity), { until: now + waitMs, message });
}

export function forgetRefusal(identity: LoginIdentity): void {
	refusals.delete(sessionIdentity(identity));
}

/** The refusal still remembered for this login, with the seconds left, or undefined. */
export function recentRefusal(
	identity: LoginIdentity,
	now = Date.now(),
): { message: string; secondsLeft: number } | undefined {
	const key = sessionIdentity(identity);
	const refusal = refusals.get(key);
	if (!refusal) return undefined;
	if (refusal.until <= now) {
		refusals.delete(key);
		return undefined;
	}
	return { message: refusal.message, secondsLeft: Math.ceil((refusal.until - now) / 1000) };
}

interface EraErrorBody {
	error_code?: unknown;
	error_message?: unknown;
	error_details?: { timer?: unknown };
}

/**
 * What to tell the user about a failed login, and whether (and how long) not to try it again:
 * only answers that count as failed logins are remembered, not a wrong Server URL or a fault.
 */
export function explainRefusedLogin(
	status: number,
	body: unknown,
): { message: string; remember: boolean; waitMs?: number } {
	const reply = (body && typeof body === 'object' ? body : {}) as EraErrorBody;
	const code = typeof reply.error_code === 'number' ? reply.error_code : undefined;
	if (code === undefined && status !== 401 && status !== 403) {
		return {
			message: `${LOGIN_REFUSED_PREFIX} with HTTP ${status} and no ERA error: check the Server URL in the ERA credential (the address of the ERA server, without /rest/v1).`,
			remember: false,
		};
	}
	const text = typeof reply.error_message === 'string' ? reply.error_message : '';
	const vendor = code === undefined ? `HTTP ${status}` : `error ${code}${text ? `: ${text}` : ''}`;
	const timer = Number(reply.error_details?.timer);
	if (code === 10201) {
		const wait = Number.isFinite(timer) && timer > 0 ? ` for ${Math.ceil(timer)} s` : '';
		return {
			message: `${LOGIN_REFUSED_PREFIX}: ERA has blocked logins from this address${wait} after too many failed logins (${vendor}). Wait, then check the domain, login and password.`,
			remember: true,
			waitMs: Number.isFinite(timer) && timer > 0 ? timer * 1000 : undefined,
		};
	}
	if (code === 10003 || code === 10004) {
		return {
			message: `${LOGIN_REFUSED_PREFIX}: the domain is not available (${vendor}). Check the domain in the ERA credential.`,
			remember: true,
		};
	}
	return {
		message: `${LOGIN_REFUSED_PREFIX}: wrong domain, login or password (${vendor}). Fix them in the ERA credential; n8n will not try this login again for 3 minutes, because ERA bans an address after 5 failed logins.`,
		remember: true,
	};
}

/**
 * A login answered with a redirect, which n8n does not follow (the password would go to the
 * address it names). Not a failed login: it is not remembered, and says to fix the Server URL.
 */
export function explainRedirectedLogin(status: number, location: string | undefined, url: string) {
	let target = '';
	try {
		if (location) target = ` to ${new URL(location, url).origin}`;
	} catch {
		target = '';
	}
	return `${LOGIN_REFUSED_PREFIX}: the server redirected it${target} (HTTP ${status}), and n8n does not send the password on to another address. Put the address ERA answers on directly in the Server URL of the ERA credential (for example with https://).`;
}

/** The login reply documents `session_token`; some builds name it `token` or `id`. */
export function sessionTokenIn(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const reply = body as Record<string, unknown>;
	for (const key of ['session_token', 'token', 'id']) {
		if (typeof reply[key] === 'string' && reply[key] !== '') return reply[key];
	}
	return undefined;
}
