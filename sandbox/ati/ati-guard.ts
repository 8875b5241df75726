import type { RouteHandler, SlidingWindowRateLimiter } from '../framework';
import { invalidToken, tooManyRequests } from './ati-errors';

export interface AtiGuardOptions {
	tokens: ReadonlySet<string>;
	/** Keyed by token: ATI limits per contact, and a token belongs to one contact. */
	limiter: SlidingWindowRateLimiter;
}

export type AtiGuard = (handler: RouteHandler) => RouteHandler;

/** Checks the Bearer token, then the rate limit, before an ATI route runs. */
export function createAtiGuard({ tokens, limiter }: AtiGuardOptions): AtiGuard {
	return (handler) => (request, params) => {
		const token = readBearerToken(request.headers.authorization);
		if (token === undefined) {
			return invalidToken('An Authorization header with a Bearer token is required');
		}
		if (!tokens.has(token)) return invalidToken('The access token is unknown or expired');
		if (!limiter.tryAcquire(token)) return tooManyRequests();
		return handler(request, params);
	};
}

function readBearerToken(authorization: string | undefined): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match?.[1];
}
