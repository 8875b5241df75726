/** Our code for a connection lost after the reply began: the reply stopped before its end. */
export const REPLY_CUT = 'ERR_REPLY_CUT';

const NETWORK_CODES = new Set([
	REPLY_CUT,
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** A request that got no HTTP reply. Carries only a code: never the request, which holds secrets. */
export class NetworkFailure {
	readonly message: string;

	constructor(readonly code: string) {
		this.message = describe(code);
	}

	/** Dropped or timed-out connections may succeed on a retry; a wrong address will not. */
	get transient(): boolean {
		return !['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH'].includes(this.code);
	}
}

/** Plain words only: n8n rewrites error messages that contain a raw error code. */
function describe(code: string): string {
	if (code === REPLY_CUT) return 'The connection was cut in the middle of the reply';
	if (code === 'ECONNREFUSED') return 'The server refused the connection';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The server name could not be resolved';
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'The server is unreachable';
	if (code === 'ECONNABORTED' || code.includes('TIMEDOUT'))
		return 'The server did not answer in time';
	return 'The connection was closed before the server answered';
}

/** Finds a network error code anywhere in an error's cause chain, or undefined for other errors. */
export function networkFailure(error: unknown): NetworkFailure | undefined {
	const seen = new Set<unknown>();
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) {
			return new NetworkFailure(current.code);
		}
		if (typeof current.message === 'string' && /socket hang up/i.test(current.message)) {
			return new NetworkFailure('ECONNRESET');
		}
		if (typeof current.message === 'string' && /timeout of \d+ms exceeded/i.test(current.message)) {
			return new NetworkFailure('ECONNABORTED');
		}
		current = current.cause as typeof current;
	}
	return undefined;
}
