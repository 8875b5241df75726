import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { createPoint } from '../../transport/integration-points';
import { pointTextFields } from '../parameters/point-fields';
import { optsFrom, pointOpts } from '../parameters/point-opts';
import { eraCall, timeoutOnlyOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Create an integration point',
	action: 'Create an integration point',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ABCDE',
		description: 'The code of the integration point, unique in the domain',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'string',
		default: 'public',
		required: true,
		placeholder: 'public',
		description: 'The channel type, such as "public" or "telegram"',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				default: '',
				description: 'The ID to give the point; ERA generates one when empty',
			},
			{
				displayName: 'Local Token',
				name: 'token_local',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The token outside systems use to reach this point; ERA generates one when empty. It cannot be changed later.',
			},
			...pointTextFields,
		],
	},
	pointOpts,
	timeoutOnlyOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const node = this.getNode();
			const code = String(this.getNodeParameter('code', itemIndex, '')).trim();
			const type = String(this.getNodeParameter('type', itemIndex, '')).trim();
			for (const [name, value] of [
				['Code', code],
				['Type', type],
			]) {
				if (value === '') {
					throw inputError(
						node,
						`${name} is empty`,
						`ERA needs a ${name} for every integration point.`,
						itemIndex,
					);
				}
			}
			const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const opts = optsFrom(
				node,
				this.getNodeParameter('opts', itemIndex, {}) as IDataObject,
				itemIndex,
			);
			const body: IDataObject = { ...withoutEmpty(additional), code, type };
			if (Object.keys(opts).length > 0) body.opts = opts;
			return await createPoint(this, body, eraCall(this, itemIndex));
		},
		{ effect: 'write' },
	);
}

/** ERA generates `id` and `token_local` only when they are absent, not when empty. */
function withoutEmpty(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([key, value]) => !(['id', 'token_local'].includes(key) && value === ''),
		),
	);
}
