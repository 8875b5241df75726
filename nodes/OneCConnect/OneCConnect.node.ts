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
import { listSearch } from './methods/listSearch';
import { oneCConnectApiTest } from './methods/credential-test';

export class OneCConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C-Connect',
		name: 'oneCConnect',
		icon: { light: 'file:oneCConnect.svg', dark: 'file:oneCConnect.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Sync clients, specialists and support lines, create service requests and read communication history in 1C-Connect (PartnerWebAPI2); answer clients in service lines as a bot or specialist (push API)',
		defaults: { name: '1C-Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneCConnectApi', required: true, testedBy: 'oneCConnectApiTest' }],
		properties: [...resourceProperties(resources, 'client')],
	};

	methods = { listSearch, credentialTest: { oneCConnectApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations);
	}
}
