import type { RouteHandler, SimRequest, SimResponse } from '../../framework';
import { bitrixError } from '../bitrix-errors';
import { BITRIX24_DEMO_MEMBER_ID } from '../demo-data';
import { parsePhpQuery } from '../php-params';
import { ACCESS_TOKEN_SECONDS, type TokenStore } from '../token-store';

export interface OAuthDeps {
	tokens: TokenStore;
	clientId: string;
	clientSecret: string;
}

/**
 * GET /oauth/authorize/: the portal's consent screen, approved at once as an admin would. Redirects
 * to `redirect_uri` with `code`, `state` and the portal's details, as Bitrix24 does.
 */
export function authorize({ tokens, clientId }: OAuthDeps): RouteHandler {
	return (request): SimResponse => {
		if (request.query.get('client_id') !== clientId) {
			return {
				status: 400,
				headers: { 'content-type': 'text/html; charset=utf-8' },
				body: '<p>Unknown application</p>',
			};
		}
		const redirect = request.query.get('redirect_uri');
		if (!redirect || !/^https?:\/\//.test(redirect)) {
			return {
				status: 400,
				headers: { 'content-type': 'text/html; charset=utf-8' },
				body: '<p>redirect_uri is required</p>',
			};
		}
		const target = new URL(redirect);
		target.searchParams.set('code', tokens.issueCode(1));
		const state = request.query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		target.searchParams.set('domain', request.headers.host ?? '127.0.0.1');
		target.searchParams.set('member_id', BITRIX24_DEMO_MEMBER_ID);
		target.searchParams.set('scope', 'crm,user,pull,im,disk,task,telephony');
		target.searchParams.set('server_domain', 'oauth.bitrix.info');
		return { status: 302, headers: { location: target.toString() } };
	};
}

/**
 * /oauth/token/ (oauth.bitrix.info): `authorization_code` and `refresh_token` grants, by GET query
 * or POST form, client credentials in the parameters or as Basic auth. Every renewal rotates the
 * refresh token.
 */
export function token({ tokens, clientId, clientSecret }: OAuthDeps): RouteHandler {
	return (request) => {
		const params = { ...parsePhpQuery(request.query), ...parsePhpQuery(request.text()) } as Record<
			string,
			string
		>;
		const basic = basicAuth(request);
		const id = params.client_id ?? basic?.id;
		const secret = params.client_secret ?? basic?.secret;
		if (id !== clientId || secret !== clientSecret) {
			return bitrixError(401, 'invalid_client', 'Invalid client credentials');
		}
		const pair =
			params.grant_type === 'authorization_code'
				? tokens.redeemCode(params.code ?? '')
				: params.grant_type === 'refresh_token'
					? tokens.renew(params.refresh_token ?? '')
					: undefined;
		if (!pair) return bitrixError(400, 'invalid_grant', 'Invalid grant');
		const origin = `http://${request.headers.host ?? '127.0.0.1'}`;
		return {
			status: 200,
			body: {
				access_token: pair.access,
				expires: Math.floor(Date.now() / 1000) + ACCESS_TOKEN_SECONDS,
				expires_in: ACCESS_TOKEN_SECONDS,
				scope: 'app',
				domain: 'oauth.bitrix.info',
				server_endpoint: `${origin}/rest/`,
				status: 'L',
				client_endpoint: `${origin}/rest/`,
				member_id: BITRIX24_DEMO_MEMBER_ID,
				user_id: 1,
				refresh_token: pair.refresh,
			},
		};
	};
}

function basicAuth(request: SimRequest): { id: string; secret: string } | undefined {
	const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
	if (!match) return undefined;
	const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
	return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
}
