import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The portal's origin from its domain; a full URL (an on-premise or test portal) is kept as given. */
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

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#локальное-серверное-приложение';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'mycompany.bitrix24.ru',
			description:
				'The address of your Bitrix24 portal as it appears in the browser, without a path (a full address starting with https:// is accepted too). The Client ID and Client Secret come from your app: Developer resources → Other → Local application (Разработчикам → Другое → Локальное приложение), or the Bitrix24 partner cabinet for a market app. Tick the scopes (права доступа) your workflows need there: crm, user, im for chats and notifications, disk for Drive, task, telephony. <a href="https://apidocs.bitrix24.com/local-integrations/local-apps.html">Bitrix24: local applications</a>.',
		},
		{
			displayName: 'Application Token',
			name: 'applicationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the Bitrix24 Event Trigger: every event Bitrix24 sends to your app carries it as auth[application_token], and calls without it are refused. Bitrix24 gives it to the app once, with ONAPPINSTALL, at its install handler. <a href="https://apidocs.bitrix24.com/api-reference/events/safe-event-handlers.html">Bitrix24: security in handlers</a>.',
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
				'Bitrix24\'s token server. Keep the default; change it only if Bitrix24 gives you another token server. <a href="https://apidocs.bitrix24.com/api-reference/oauth/index.html">Bitrix24: OAuth 2.0</a>.',
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
