import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class Bitrix24WebhookApi implements ICredentialType {
	name = 'bitrix24WebhookApi';

	displayName = 'Bitrix24 Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Bitrix24/bitrix24.svg',
		dark: 'file:../nodes/Bitrix24/bitrix24.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-ru-business/n8n-nodes-ru-business/blob/main/README.ru.md#входящий-вебхук';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'secretWebhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://mycompany.bitrix24.ru/rest/1/abcdef0123456789/',
			description:
				'In Bitrix24 open Developer resources → Other → Incoming webhook (Разработчикам → Другое → Входящий вебхук), tick the scopes the workflow needs (for example CRM), save, and paste the whole webhook URL. Its last part is the secret code, so the field is hidden. Requests go only to this portal. <a href="https://apidocs.bitrix24.com/local-integrations/local-webhooks.html">Bitrix24: incoming webhooks</a>.',
		},
		{
			displayName: 'Outbound Webhook Application Token',
			name: 'applicationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the Bitrix24 Event Trigger with an outbound webhook: the Application Token Bitrix24 shows in the outbound webhook's form (Developer resources → Other → Outbound webhook) after you save it. Calls without it are refused.",
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.secretWebhookUrl.trim().replace(/\\/+$/, "")}}',
			url: '/profile.json',
			headers: { Accept: 'application/json' },
			// A redirect fails the test rather than carry the credential to wherever it points.
			disableFollowRedirect: true,
		},
	};
}
