import type { RouteHandler } from '../../framework';
import type { BanGuard } from '../ban-guard';
import type { EraUser } from '../demo-data';
import { banAnswer, clientIp, sessionToken, type SessionHandler } from '../era-guard';
import { eraError, invalidRequest } from '../era-errors';
import type { EraSession, SessionStore } from '../session-store';

function sessionInfo(session: EraSession) {
	return {
		domain: session.domain,
		login: session.login,
		session_type: session.session_type,
		ext: { ct: new Date(session.createdAt).toISOString() },
	};
}

/** POST /rest/v1/iam/sessions: `{domain, login, pwd, session_type?}`. */
export function login(
	users: readonly EraUser[],
	sessions: SessionStore,
	bans: BanGuard,
): RouteHandler {
	return (request) => {
		const banned = banAnswer(bans, request);
		if (banned) return banned;
		let body: Record<string, unknown>;
		try {
			body = request.json() as Record<string, unknown>;
		} catch (error) {
			return invalidRequest((error as Error).message);
		}
		const refuse = (code: number, message: string) => {
			bans.recordFailure(clientIp(request));
			return eraError(401, code, message);
		};
		if (!body || typeof body !== 'object') return invalidRequest('The body must be an object');
		if (!users.some((user) => user.domain === body.domain))
			return refuse(10001, 'Domain not found');
		const user = users.find((each) => each.domain === body.domain && each.login === body.login);
		if (!user) return refuse(10002, 'User not found');
		if (user.pwd !== body.pwd) return refuse(1401, 'Access denied');

		const sessionType = typeof body.session_type === 'string' ? body.session_type : 'cookie';
		const session = sessions.open(user.domain, user.login, sessionType);
		if (sessionType === 'token') {
			return { status: 200, body: { session_token: session.token, ...sessionInfo(session) } };
		}
		return {
			status: 200,
			headers: { 'set-cookie': `EraSession=${session.token}; Path=/; HttpOnly` },
			body: sessionInfo(session),
		};
	};
}

export const currentSession: SessionHandler = (_request, _params, session) => ({
	status: 200,
	body: sessionInfo(session),
});

export function endSession(sessions: SessionStore): SessionHandler {
	return (request) => {
		sessions.end(sessionToken(request) ?? '');
		return { status: 204 };
	};
}
