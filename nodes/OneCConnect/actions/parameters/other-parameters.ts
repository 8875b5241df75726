import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { readJsonObject } from '../../../shared/parameters/json-object';

/** In every spec'd operation's Filters or Additional Fields: parameters the form does not list. */
export const otherParameters: INodeProperties = {
	displayName: 'Other Parameters (JSON)',
	name: 'otherParameters',
	type: 'json',
	default: '{}',
	description:
		'More 1C parameters as a JSON object ({"Name": value}), for parameters this form does not list. Values win over the fields above.',
};

export function readOtherParameters(node: INode, value: unknown, itemIndex: number): IDataObject {
	return readJsonObject(
		node,
		value,
		{
			label: otherParameters.displayName,
			example: '{"ClientID": "…", "ChangedFrom": "2024-01-01T00:00:00"}',
		},
		itemIndex,
	);
}
