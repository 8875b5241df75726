import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties } from '../shared/execution/resources';
import { routeOperation } from '../shared/execution/route-operation';
import { operations, resources } from './actions/resources';
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
		properties: [...resourceProperties(resources, 'integrationPoint')],
	};

	methods = { listSearch: { searchIntegrationPoints } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations);
	}
}
