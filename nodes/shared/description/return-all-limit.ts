import type { INodeProperties } from 'n8n-workflow';

const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** n8n's "Return All" switch with the "Limit" it hides, for every Get Many. */
export function returnAllAndLimit(returnAllByDefault = false): INodeProperties[] {
	return [returnAllByDefault ? { ...returnAll, default: true } : returnAll, limit];
}
