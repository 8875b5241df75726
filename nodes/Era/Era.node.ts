import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as integrationPoint from './actions/integrationPoint/IntegrationPoint.resource';
import * as integrationToken from './actions/integrationToken/IntegrationToken.resource';
import { router } from './actions/router';
import { searchIntegrationPoints } from './methods/listSearch';

export class Era implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ERA',
		name: 'era',
		icon: { light: 'file:era.svg', dark: 'file:era.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage integration points of the ERA contact-centre platform (Oktell team)',
		defaults: { name: 'ERA' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eraApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Integration Point', value: 'integrationPoint' },
					{ name: 'Integration Token', value: 'integrationToken' },
				],
				default: 'integrationPoint',
			},
			...integrationPoint.description,
			...integrationToken.description,
		],
	};

	methods = { listSearch: { searchIntegrationPoints } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
