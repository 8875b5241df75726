import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { checkPatchable } from '../../helpers/point-body';
import { getPoint, updatePoint } from '../../transport/integration-points';
import { pointTextFields } from '../parameters/point-fields';
import { pointIdOf, pointLocator } from '../parameters/point-locator';
import { optsFrom, pointOpts } from '../parameters/point-opts';
import { eraCall, timeoutOnlyOptions } from '../parameters/request-options';

const OTHER_FIELDS = { label: 'Other Fields (JSON)', example: '{"url": "https://example.com"}' };

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	description: 'Change fields of an integration point',
	action: 'Update an integration point',
};

export const properties: INodeProperties[] = [
	pointLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The new code, unique in the domain',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '{}',
				description:
					'More integration_point fields as a JSON object. ID and Local Token cannot be changed.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				description: 'The new channel type',
			},
			...pointTextFields,
		],
	},
	{
		...pointOpts,
		description:
			"Options to change; others keep their values. ERA's documentation does not say whether an update merges opts or replaces them, so the node reads the point just before and sends all its opts with your changes: an option someone else changes in between is set back.",
	},
	timeoutOnlyOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const node = this.getNode();
			const { otherFields, ...fields } = this.getNodeParameter(
				'updateFields',
				itemIndex,
				{},
			) as IDataObject;
			const opts = optsFrom(
				node,
				this.getNodeParameter('opts', itemIndex, {}) as IDataObject,
				itemIndex,
			);
			const body: IDataObject = {
				...readJsonObject(node, otherFields, OTHER_FIELDS, itemIndex),
				...fields,
			};
			if (Object.keys(opts).length > 0) body.opts = { ...(body.opts as IDataObject), ...opts };
			checkPatchable(node, body, itemIndex);
			const id = pointIdOf(this, itemIndex);
			const call = eraCall(this, itemIndex);
			if (body.opts !== undefined) {
				// ERA's docs do not say whether PATCH merges or replaces `opts`: send the whole object.
				const current = await getPoint(this, id, {}, call);
				body.opts = { ...(current.opts as IDataObject), ...(body.opts as IDataObject) };
			}
			return await updatePoint(this, id, body, call);
		},
		{ effect: 'write' },
	);
}
