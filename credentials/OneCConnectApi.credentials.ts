import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const REDIRECTED =
	'The server redirected the test elsewhere, and n8n does not send the login and password there. Put the final PartnerWebAPI2 address in Custom URL.';

const TEST_ENVELOPE =
	'<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:RegionRead xmlns:m="http://buhphone.com/PartnerWebAPI2"><m:Params xmlns:v8="http://v8.1c.ru/8.1/data/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="v8:Structure"/></m:RegionRead></soap:Body></soap:Envelope>';

export class OneCConnectApi implements ICredentialType {
	name = 'oneCConnectApi';

	displayName = '1C-Connect API';

	icon: Icon = {
		light: 'file:../nodes/OneCConnect/oneCConnect.svg',
		dark: 'file:../nodes/OneCConnect/oneCConnect.dark.svg',
	};

	documentationUrl = 'https://1c-connect.com/ru/api/server/';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'Russia, Kazakhstan, Belarus and Others',
					value: 'russia',
					description: 'https://cus.1c-connect.com/cus/ws/PartnerWebAPI2',
				},
				{
					name: 'EU, Ukraine, Caucasus, Baltics, Moldova',
					value: 'eu',
					description: 'https://eu-cus.1c-connect.com/cus/ws/PartnerWebAPI2',
				},
				{ name: 'Custom URL', value: 'custom', description: 'For example the sandbox simulator' },
			],
			default: 'russia',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:18104/cus/ws/PartnerWebAPI2',
			description: 'The PartnerWebAPI2 web service address, without ?wsdl',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'API Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'From the personal account: Administration → API settings',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.login}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.region === "custom" ? $credentials.customUrl.trim() : ($credentials.region === "eu" ? "https://eu-cus.1c-connect.com/cus/ws/PartnerWebAPI2" : "https://cus.1c-connect.com/cus/ws/PartnerWebAPI2")}}',
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: '"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:RegionRead"',
			},
			body: TEST_ENVELOPE,
			// A redirect fails the test rather than carry the login and password elsewhere.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: [301, 302, 303, 307, 308].map((value) => ({
			type: 'responseCode' as const,
			properties: { value, message: REDIRECTED },
		})),
	};
}
