import type { IHttpRequestOptions } from 'n8n-workflow';

/** Why a request was cut short by us rather than by the server or the network. */
export class RequestCutShort extends Error {
	constructor(
		readonly reason: 'deadline' | 'too-large',
		readonly limit: number,
	) {
		super(reason === 'deadline' ? `deadline of ${limit} ms passed` : `reply over ${limit} bytes`);
	}
}

/**
 * One overall deadline for one attempt: connect, headers and the whole body. Aborting tells n8n's
 * HTTP client to drop the connection; `race` makes sure the caller is released on time even where
 * the client does not listen.
 */
export class Deadline {
	private readonly controller = new AbortController();
	private readonly timer: NodeJS.Timeout;
	private followed: AbortSignal | undefined;

	constructor(readonly ms: number) {
		this.timer = setTimeout(() => this.cut(new RequestCutShort('deadline', ms)), ms);
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	/** Why the attempt was cut short, if it was. */
	get cutShort(): RequestCutShort | undefined {
		const reason: unknown = this.controller.signal.reason;
		return reason instanceof RequestCutShort ? reason : undefined;
	}

	cut(reason: RequestCutShort): void {
		if (!this.controller.signal.aborted) this.controller.abort(reason);
	}

	clear(): void {
		clearTimeout(this.timer);
		this.unfollow();
	}

	/** Settles with the promise, or rejects with the cut when the deadline comes first. */
	async race<T>(promise: Promise<T>, onLateValue?: (value: T) => void): Promise<T> {
		if (this.signal.aborted) {
			void promise.then(onLateValue, () => undefined);
			throw this.signal.reason;
		}
		return await new Promise<T>((resolve, reject) => {
			const onAbort = () => {
				void promise.then(onLateValue, () => undefined);
				reject(this.signal.reason as Error);
			};
			this.signal.addEventListener('abort', onAbort, { once: true });
			promise.then(
				(value) => {
					this.signal.removeEventListener('abort', onAbort);
					if (this.signal.aborted) onLateValue?.(value);
					else resolve(value);
				},
				(error: unknown) => {
					this.signal.removeEventListener('abort', onAbort);
					reject(error);
				},
			);
		});
	}

	/**
	 * n8n's `httpRequestWithAuthentication` replaces `abortSignal` with the execution's cancel
	 * signal in a node's execute(); this keeps both, so stopping the workflow and the deadline
	 * each abort the request.
	 */
	attachTo(options: IHttpRequestOptions): IHttpRequestOptions {
		const own = () => this.signal;
		const follow = (signal: AbortSignal | undefined) => this.follow(signal);
		return {
			...options,
			get abortSignal(): AbortSignal {
				return own();
			},
			set abortSignal(signal: AbortSignal | undefined) {
				follow(signal);
			},
		};
	}

	/** Aborts with `signal` too, until cleared. */
	private follow(signal: AbortSignal | undefined): void {
		if (!signal || signal === this.signal) return;
		if (signal.aborted) {
			this.abortWith(signal.reason);
			return;
		}
		let deadlines = following.get(signal);
		if (!deadlines) {
			const fresh = new Set<Deadline>();
			following.set(signal, (deadlines = fresh));
			signal.addEventListener(
				'abort',
				() => {
					for (const deadline of fresh) deadline.abortWith(signal.reason);
					fresh.clear();
				},
				{ once: true },
			);
		}
		this.unfollow();
		deadlines.add(this);
		this.followed = signal;
	}

	private unfollow(): void {
		if (this.followed) following.get(this.followed)?.delete(this);
		this.followed = undefined;
	}

	private abortWith(reason: unknown): void {
		if (!this.controller.signal.aborted) this.controller.abort(reason);
	}
}

/*
 * The deadlines in flight under each signal they follow (an execution's cancel signal): one
 * listener per signal aborts them all. `AbortSignal.any` per request cost more than the rest of
 * the deadline.
 */
const following = new WeakMap<AbortSignal, Set<Deadline>>();
