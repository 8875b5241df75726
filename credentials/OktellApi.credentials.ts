import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withBasicAuth } from '../nodes/shared/http/authenticate';

const REFUSED =
	"Oktell refused the login: check the login and password, and that the user's role has the privilege to run Web-API requests";

export class OktellApi implements ICredentialType {
	name = 'oktellApi';

	displayName = 'Oktell API';

	icon: Icon = {
		light: 'file:../nodes/Oktell/oktell.svg',
		dark: 'file:../nodes/Oktell/oktell.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#oktell-учётные-данные';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://192.168.0.1:4055',
			description:
				'The Oktell server\'s address with its Web-API port (4055 by default), http or https: the address Oktell\'s web client opens at. <a href="https://wiki.oktell.ru/%D0%A1%D0%B5%D1%80%D0%B2%D0%B5%D1%80%D0%BD%D1%8B%D0%B9_HTTP_%D0%B8%D0%BD%D1%82%D0%B5%D1%80%D1%84%D0%B5%D0%B9%D1%81">Oktell: server HTTP interface</a>.',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description:
				'An Oktell user whose role has the privilege to run Web-API requests. In the Oktell client, Administration (Администрирование), give the role the Web-API privilege and that role to the user.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "That user's Oktell password",
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				"Whether to connect even if the server's certificate cannot be verified, as with the self-signed certificates of many on-premise servers",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withBasicAuth(options, credentials.login, credentials.password);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.serverUrl.replace(/\\/+$/, "")}}',
			url: '/getversion',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
			// A redirect fails the test rather than carry the credential to wherever it points.
			disableFollowRedirect: true,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: `${REFUSED} (401)` } },
			{ type: 'responseCode', properties: { value: 403, message: `${REFUSED} (403)` } },
		],
	};
}
