import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withBasicAuth } from '../nodes/shared/http/authenticate';

import { REGION_URLS } from '../nodes/OneCConnect/transport/endpoint';
import { PUSH_DEFAULT_URL } from '../nodes/OneCConnect/transport/push/push-endpoint';

/**
 * No `test` request here: n8n's credential test sends one request, and this login serves two APIs.
 * The nodes name `oneCConnectApiTest` (nodes/OneCConnect/methods/credential-test.ts) with
 * `testedBy`, which checks PartnerWebAPI2 and the push API.
 */
export class OneCConnectApi implements ICredentialType {
	name = 'oneCConnectApi';

	displayName = '1C-Connect API';

	icon: Icon = {
		light: 'file:../nodes/OneCConnect/oneCConnect.svg',
		dark: 'file:../nodes/OneCConnect/oneCConnect.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#1с-коннект-учётные-данные';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'Russia, Kazakhstan, Belarus and Others',
					value: 'russia',
					description: REGION_URLS.russia,
				},
				{
					name: 'EU, Ukraine, Caucasus, Baltics, Moldova',
					value: 'eu',
					description: REGION_URLS.eu,
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Another PartnerWebAPI2 address, if 1C-Connect gives you one',
				},
			],
			default: 'russia',
			description:
				'The 1C-Connect server of your account: Russia and most CIS countries use the first, the EU, Ukraine, Caucasus, Baltics and Moldova the second',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://cus.1c-connect.com/cus/ws/PartnerWebAPI2',
			description: 'The PartnerWebAPI2 web service address, without ?wsdl',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Push API URL',
			name: 'pushUrl',
			type: 'string',
			default: PUSH_DEFAULT_URL,
			placeholder: PUSH_DEFAULT_URL,
			description:
				'The push API for service lines and bots (Line, Line Message, Treatment, 1C-Connect Line Trigger). The same API login works for it; change it only if 1C-Connect gives you another address.',
		},
		{
			displayName: 'API Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description:
				'In the 1C-Connect personal account open Administration → API settings (Администрирование → Настройки API), and copy the API login shown there. <a href="https://1c-connect.com/ru/api/server/">1C-Connect server API</a>.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password of that API user, from the same page',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withBasicAuth(options, credentials.login, credentials.password);
	}
}
