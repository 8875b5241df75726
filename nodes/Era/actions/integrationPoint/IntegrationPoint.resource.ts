import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as lookup from './lookup.operation';
import * as update from './update.operation';

export { create, del as delete, get, getMany, lookup, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integrationPoint'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an integration point',
				action: 'Create an integration point',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an integration point',
				action: 'Delete an integration point',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an integration point',
				action: 'Get an integration point',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many integration points',
				action: 'Get many integration points',
			},
			{
				name: 'Lookup',
				value: 'lookup',
				description: 'Find the IDs of integration points by ID, code or local token',
				action: 'Look up integration point ids',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of an integration point',
				action: 'Update an integration point',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...lookup.description,
	...update.description,
];
