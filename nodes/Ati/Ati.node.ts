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
import {
	getBodyTypes,
	getCurrencies,
	getLoadingTypes,
	searchCargoTypes,
	searchCities,
	searchFirmContacts,
} from './methods/pickers';

export class Ati implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATI.SU',
		name: 'ati',
		icon: { light: 'file:ati.svg', dark: 'file:ati.dark.svg' },
		group: ['transform'],
		// 2: Presence → Get picks its Contact ID from a firm's contacts (1 keeps the text field).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Publish and manage loads, follow orders, look up firms and dictionaries, and check who is online on the ATI.SU freight exchange',
		defaults: { name: 'ATI.SU' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atiApi', required: true }],
		properties: [...resourceProperties(resources, 'presence')],
	};

	methods = {
		listSearch: { searchCities, searchCargoTypes, searchFirmContacts },
		loadOptions: { getBodyTypes, getCurrencies, getLoadingTypes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, operations);
	}
}
