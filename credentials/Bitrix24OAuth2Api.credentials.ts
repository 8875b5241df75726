import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The portal's origin from its domain; a full URL (the sandbox) is kept as given. */
const originOf = (domain: string) =>
	`(${domain}.trim().match(/^https?:\\/\\//) ? ${domain}.trim() : "https://" + ${domain}.trim()).replace(/\\/+$/, "")`;

export class Bitrix24OAuth2Api implements ICredentialType {
	name = 'bitrix24OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bitrix24 OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24/bitrix24.svg',
		dark: 'file:../nodes/Bitrix24/bitrix24.dark.svg',
	};

	documentationUrl = 'https://apidocs.bitrix24.com/api-reference/oauth/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'mycompany.bitrix24.ru',
			description:
				'The address of your Bitrix24 portal, without a path. A full URL such as http://127.0.0.1:18103 is accepted for the sandbox.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${originOf('$self["domain"]')} + "/oauth/authorize/"}}`,
		},
		{
			displayName: 'Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://oauth.bitrix.info/oauth/token/',
			description:
				"Bitrix24's token server. Keep the default; change it only to use the sandbox simulator.",
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${originOf('$credentials.domain')}}}`,
			url: '/rest/profile.json',
			headers: { Accept: 'application/json' },
			// A redirect fails the test rather than carry the credential to wherever it points.
			disableFollowRedirect: true,
		},
	};
}
