import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as presence from './actions/presence/Presence.resource';
import { router } from './actions/router';

export class Ati implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATI.SU',
		name: 'ati',
		icon: { light: 'file:ati.svg', dark: 'file:ati.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Check whether contacts on the ATI.SU freight exchange are online',
		defaults: { name: 'ATI.SU' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atiApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Presence', value: 'presence' }],
				default: 'presence',
			},
			...presence.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
