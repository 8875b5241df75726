import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { withHeaders } from '../nodes/shared/http/authenticate';

import {
	bindSession,
	explainRedirectedLogin,
	explainRefusedLogin,
	recentRefusal,
	rememberRefusal,
	sessionIdentity,
	sessionTokenIn,
	shareLogin,
} from '../nodes/Era/transport/login';
import { trimServerUrl } from '../nodes/shared/http/server-url';
import { postLogin } from '../nodes/Era/transport/login-request';

export class EraApi implements ICredentialType {
	name = 'eraApi';

	displayName = 'ERA API';

	icon: Icon = { light: 'file:../nodes/Era/era.svg', dark: 'file:../nodes/Era/era.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#era-учётные-данные';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://era.example.com',
			description:
				'The address you open ERA at in the browser, without /rest/v1. Ask your ERA administrator if you do not know it. <a href="https://docs.oktell.ru/">ERA documentation</a>.',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'example.era',
			description:
				"The ERA domain your user belongs to, as you choose it on ERA's sign-in page; your ERA administrator knows it",
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description:
				'An ERA user whose role may manage integration points. A separate user for n8n is best: ERA blocks the address for 3 minutes after 5 failed logins.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "That user's password",
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server has a self-signed or invalid certificate',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * One login per expired session, however many requests met it (see shareLogin), never a loop: a refused login throws an error without an HTTP status (so
	 * n8n does not log in again on it) and is remembered, so the same password is not tried again
	 * for a while. A redirect is not followed (see postLogin) and not remembered: it says to fix the
	 * Server URL. n8n calls this when the token is empty and once after a 401.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const helpers = this.helpers;
		const sessionToken = await shareLogin(
			credentials as never,
			async () => await logIn(helpers, credentials),
		);
		return { sessionToken };
	}

	/**
	 * The token part of `<identity>.<token>`, only while the identity still matches (see
	 * bindSession); otherwise ERA answers 401 and n8n logs in again.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const stored = String(credentials.sessionToken);
		const bound = stored.startsWith(`${sessionIdentity(credentials as never)}.`);
		return withHeaders(options, { Authorization: `Bearer ${bound ? stored.slice(65) : 'none'}` });
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '/rest/v1/iam/sessions/current',
			headers: { Accept: 'application/json' },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
			// The session token is not carried to wherever a redirect points.
			disableFollowRedirect: true,
		},
	};
}

async function logIn(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const refused = recentRefusal(credentials as never);
	if (refused) {
		throw new Error(`${refused.message} (Not tried again for another ${refused.secondsLeft} s.)`);
	}
	const serverUrl = trimServerUrl(credentials.serverUrl);
	const url = `${serverUrl}/rest/v1/iam/sessions`;
	const reply = await postLogin(
		helpers,
		url,
		{
			domain: credentials.domain,
			login: credentials.login,
			pwd: credentials.password,
			session_type: 'token',
		},
		credentials.ignoreSslIssues === true,
	);

	if (reply.statusCode >= 300 && reply.statusCode < 400) {
		throw new Error(explainRedirectedLogin(reply.statusCode, reply.location, url));
	}
	if (reply.statusCode >= 200 && reply.statusCode < 300) {
		const sessionToken = sessionTokenIn(reply.body);
		if (sessionToken) return bindSession(credentials as never, sessionToken);
		throw new Error(
			'ERA accepted the login but sent no session token; check that the Server URL points at ERA',
		);
	}
	const { message, remember, waitMs } = explainRefusedLogin(reply.statusCode, reply.body);
	if (remember) rememberRefusal(credentials as never, message, waitMs);
	throw new Error(message);
}
