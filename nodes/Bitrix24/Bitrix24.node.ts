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
import { getCreateFields, getListFields, getUpdateFields } from './methods/field-lists';
import {
	getSmartProcesses,
	searchProducts,
	searchRecords,
	searchTemplates,
} from './methods/pickers';
import { searchChats, searchDriveFolders, searchTasks, searchUsers } from './methods/work-pickers';

export class Bitrix24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24',
		name: 'bitrix24',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with Bitrix24 CRM records and their product rows, timeline, activities and business processes, smart processes, tasks and users, call any REST method in batches, and publish real-time events',
		defaults: { name: 'Bitrix24' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bitrix24WebhookApi',
				required: true,
				displayOptions: { show: { authentication: ['webhook'] } },
			},
			{
				name: 'bitrix24OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Incoming Webhook', value: 'webhook' },
					{ name: 'OAuth2 App', value: 'oAuth2' },
				],
				default: 'webhook',
			},
			...resourceProperties(resources, 'method'),
		],
	};

	methods = {
		listSearch: {
			searchChats,
			searchDriveFolders,
			searchProducts,
			searchRecords,
			searchTasks,
			searchTemplates,
			searchUsers,
		},
		loadOptions: { getListFields, getSmartProcesses },
		resourceMapping: { getCreateFields, getUpdateFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations);
	}
}
