import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withHeaders } from '../nodes/shared/http/authenticate';

export class AtiApi implements ICredentialType {
	name = 'atiApi';

	displayName = 'ATI.SU API';

	icon: Icon = { light: 'file:../nodes/Ati/ati.svg', dark: 'file:../nodes/Ati/ati.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#atisu-учётные-данные';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In ATI.SU open the developer cabinet (Разработчикам → «Мои токены»), create a token for your product and paste it here. <a href="https://ati.su/developers/">ATI.SU for developers</a>.',
		},
		{
			displayName: 'ATI Code',
			name: 'atiCode',
			type: 'string',
			default: '',
			placeholder: '123456',
			description:
				'Optional. Your firm\'s ATI code: the number in your firm\'s card on ati.su («Код АТИ»). ATI asks integrators to send it as "User-Agent: ati_integrator_<code>". <a href="https://ati.su/developers/">ATI.SU for developers</a>.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.ati.su',
			description:
				"ATI.SU's API address. Keep https://api.ati.su unless ATI gives you another address.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(options, {
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			'User-Agent': credentials.atiCode
				? `ati_integrator_${String(credentials.atiCode)}`
				: 'n8n-nodes-ru-business',
		});
	}

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
