import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class AtiApi implements ICredentialType {
	name = 'atiApi';

	displayName = 'ATI.SU API';

	icon: Icon = { light: 'file:../nodes/Ati/ati.svg', dark: 'file:../nodes/Ati/ati.dark.svg' };

	documentationUrl = 'https://ati.su/developers/';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The OAuth access token from the ATI.SU developer cabinet ("Мои токены")',
		},
		{
			displayName: 'ATI Code',
			name: 'atiCode',
			type: 'string',
			default: '',
			placeholder: '123456',
			description:
				'Your firm\'s ATI code. ATI asks integrators to send it as "User-Agent: ati_integrator_<code>".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.ati.su',
			description: 'Change only to use the sandbox simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'User-Agent':
					'={{$credentials.atiCode ? "ati_integrator_" + $credentials.atiCode : "n8n-nodes-ru-business"}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1.0/balance',
			headers: { Accept: 'application/json' },
			// A redirect fails the test rather than carry the credential to wherever it points.
			disableFollowRedirect: true,
		},
	};
}
