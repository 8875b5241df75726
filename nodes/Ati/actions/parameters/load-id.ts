import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The load an operation acts on: the cargo_application_id ATI gave it when it was published. */
export const loadIdField: INodeProperties = {
	displayName: 'Load ID',
	name: 'loadId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '7a48a9d3-55cb-48a2-8527-35ff461eeb8c',
	description: 'The cargo_application_id ATI returned when the load was published',
};

export function loadIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return String(context.getNodeParameter('loadId', itemIndex, '')).trim();
}
