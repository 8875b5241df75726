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

export class Oktell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oktell',
		name: 'oktell',
		icon: { light: 'file:oktell.svg', dark: 'file:oktell.dark.svg' },
		group: ['transform'],
		// 2: Queue → Get Many returns 50 unless Return All is on (1 returned all by default).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Control an Oktell PBX and call centre: calls, user states, service scripts, queues, files',
		defaults: { name: 'Oktell' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oktellApi', required: true }],
		properties: [...resourceProperties(resources, 'user')],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations);
	}
}
