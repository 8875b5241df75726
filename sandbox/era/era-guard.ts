import type { RouteHandler, SimRequest } from '../framework';
import type { BanGuard } from './ban-guard';
import { eraError, unauthorized } from './era-errors';
import type { EraSession, SessionStore } from './session-store';

export type SessionHandler = (
	request: SimRequest,
	params: Record<string, string>,
	session: EraSession,
) => ReturnType<RouteHandler>;

export function clientIp(request: SimRequest): string {
	return request.remoteAddress ?? 'unknown';
}

/** The answer a banned IP gets for anything it sends, before the request is processed. */
export function banAnswer(bans: BanGuard, request: SimRequest) {
	const timer = bans.secondsLeft(clientIp(request));
	if (timer === 0) return undefined;
	return eraError(403, 10201, 'wait', { timer });
}

/** The session token from `Authorization: Bearer`, else from the EraSession cookie. */
export function sessionToken(request: SimRequest): string | undefined {
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
	if (bearer) return bearer[1];
	const cookie = /(?:^|;\s*)(?:EraSession|RSession)=([^;]+)/.exec(request.headers.cookie ?? '');
	return cookie?.[1];
}

/** Refuses banned IPs, then requests without a live session, before an ERA route runs. */
export function createEraGuard(bans: BanGuard, sessions: SessionStore) {
	return (handler: SessionHandler): RouteHandler =>
		(request, params) => {
			const banned = banAnswer(bans, request);
			if (banned) return banned;
			const session = sessions.use(sessionToken(request));
			if (!session) return unauthorized();
			return handler(request, params, session);
		};
}
