import { randomBytes } from 'node:crypto';

export interface EraSession {
	token: string;
	domain: string;
	login: string;
	session_type: string;
	createdAt: number;
	expiresAt: number;
}

/** Live sessions by token; a session lasts `ttlMs` from its last use. */
export class SessionStore {
	private readonly sessions = new Map<string, EraSession>();
	private usesBeforeExpiry?: number;

	constructor(private readonly ttlMs: number) {}

	open(domain: string, login: string, sessionType: string, now = Date.now()): EraSession {
		const session = {
			token: randomBytes(16).toString('hex'),
			domain,
			login,
			session_type: sessionType,
			createdAt: now,
			expiresAt: now + this.ttlMs,
		};
		this.sessions.set(session.token, session);
		return session;
	}

	/** The live session for a token, its lifetime extended; undefined when unknown or expired. */
	use(token: string | undefined, now = Date.now()): EraSession | undefined {
		if (this.usesBeforeExpiry !== undefined && this.usesBeforeExpiry-- <= 0) {
			this.usesBeforeExpiry = undefined;
			this.expireAll();
		}
		const session = token === undefined ? undefined : this.sessions.get(token);
		if (!session) return undefined;
		if (session.expiresAt <= now) {
			this.sessions.delete(session.token);
			return undefined;
		}
		session.expiresAt = now + this.ttlMs;
		return session;
	}

	/** Whether a token belongs to a live session, without using it. */
	isLive(token: string, now = Date.now()): boolean {
		const session = this.sessions.get(token);
		return session !== undefined && session.expiresAt > now;
	}

	end(token: string): void {
		this.sessions.delete(token);
	}

	/** Ends every session, as a server restart or a timeout would. */
	expireAll(): number {
		this.usesBeforeExpiry = undefined;
		const count = this.sessions.size;
		this.sessions.clear();
		return count;
	}

	/** Lets `uses` more authenticated requests through, then ends every session before the next. */
	expireAfter(uses: number): void {
		this.usesBeforeExpiry = uses;
	}

	get size(): number {
		return this.sessions.size;
	}
}
