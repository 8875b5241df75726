import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { checkPatchable, optsFrom, otherFieldsFrom } from '../../helpers/point-body';
import { pointIdOf } from '../../helpers/point-id';
import { getPoint, updatePoint } from '../../transport/integration-points';
import { eraCall, timeoutOnlyOptions } from '../request-options';
import { pointLocator, pointOpts, pointTextFields } from './fields';

const properties: INodeProperties[] = [
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
	{ ...pointOpts, description: 'Options to change; others keep their values' },
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationPoint'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
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
		const body: IDataObject = { ...otherFieldsFrom(node, otherFields, itemIndex), ...fields };
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
	});
}
