import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as customOperation from './actions/customOperation/CustomOperation.resource';
import { typedResources } from './actions/resources';
import { router } from './actions/router';

export class OneCConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C-Connect',
		name: 'oneCConnect',
		icon: { light: 'file:oneCConnect.svg', dark: 'file:oneCConnect.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Sync clients, specialists and support lines, create service requests and read communication history in 1C-Connect (PartnerWebAPI2)',
		defaults: { name: '1C-Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneCConnectApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Client', value: 'client' },
					{ name: 'Client Additional Parameter', value: 'clientAdditionalParameter' },
					{ name: 'Client Department', value: 'clientDepartment' },
					{ name: 'Client User', value: 'clientUser' },
					{ name: 'Competence', value: 'competence' },
					{ name: 'Custom Operation', value: 'customOperation' },
					{ name: 'Department', value: 'department' },
					{ name: 'History', value: 'history' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Region', value: 'region' },
					{ name: 'Service Kind', value: 'serviceKind' },
					{ name: 'Service Line', value: 'serviceLine' },
					{ name: 'Service Request', value: 'serviceRequest' },
					{ name: 'Specialist', value: 'specialist' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'User Service Line', value: 'userServiceLine' },
				],
				default: 'client',
			},
			...typedResources.flatMap((entry) => entry.description),
			...customOperation.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
