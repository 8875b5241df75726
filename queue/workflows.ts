/** Workflows the queue-mode run adds beside the examples: many executions at once, a wrong password. */

export const ERA_WRONG_CREDENTIAL_ID = 'queueEraWrong001';

export const burstWorkflows = {
	ati: { id: 'queueBurstAti001', path: 'queue-burst-ati' },
	bitrix24: { id: 'queueBurstB24001', path: 'queue-burst-bitrix24' },
	era: { id: 'queueEraWrong001', path: 'queue-era-wrong-password' },
} as const;

function webhookWorkflow(
	id: string,
	name: string,
	path: string,
	action: Record<string, unknown>,
): Record<string, unknown> {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{ id: `${id}-action`, name: 'Vendor Call', position: [220, 0], typeVersion: 1, ...action },
		],
		connections: {
			Webhook: { main: [[{ node: 'Vendor Call', type: 'main', index: 0 }]] },
		},
	};
}

export function queueWorkflows(): Array<Record<string, unknown>> {
	return [
		webhookWorkflow(
			burstWorkflows.ati.id,
			'Queue: ATI Presence Per Call',
			burstWorkflows.ati.path,
			{
				type: 'n8n-nodes-ru-business.ati',
				parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
				credentials: { atiApi: { id: 'sandboxAtiApi001', name: 'ATI.SU Sandbox' } },
			},
		),
		webhookWorkflow(
			burstWorkflows.bitrix24.id,
			'Queue: Bitrix24 Call Per Request',
			burstWorkflows.bitrix24.path,
			{
				type: 'n8n-nodes-ru-business.bitrix24',
				parameters: {
					authentication: 'webhook',
					resource: 'method',
					operation: 'call',
					method: 'user.current',
					parameters: '{}',
					options: { plan: 'enterprise' },
				},
				credentials: {
					bitrix24WebhookApi: { id: 'sandboxB24Hook01', name: 'Bitrix24 Sandbox (Webhook)' },
				},
			},
		),
		webhookWorkflow(
			burstWorkflows.era.id,
			'Queue: ERA With A Wrong Password',
			burstWorkflows.era.path,
			{
				type: 'n8n-nodes-ru-business.era',
				parameters: {
					resource: 'integrationPoint',
					operation: 'getMany',
					returnAll: false,
					limit: 5,
				},
				credentials: { eraApi: { id: ERA_WRONG_CREDENTIAL_ID, name: 'ERA Wrong Password' } },
			},
		),
	];
}
