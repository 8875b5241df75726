import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellText } from '../../transport';

export const option = {
	name: 'Get Info',
	value: 'getInfo',
	description: 'Get one detail of the licence certificate (getlicenseinfo)',
	action: 'Get a licence detail',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Detail',
		name: 'detail',
		type: 'options',
		options: [
			{
				name: 'Confirm Date',
				value: 'confirmdate',
				description: 'When the certificate must next be confirmed (dd.MM.yyyy)',
			},
			{
				name: 'Registration Serial',
				value: 'regserial',
				description: 'The 7-digit registration number',
			},
			{
				name: 'Update Limit Date',
				value: 'updatelimitdate',
				description: 'The last date of versions the update licence covers (dd.MM.yyyy)',
			},
		],
		default: 'regserial',
	},
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const detail = this.getNodeParameter('detail', itemIndex) as string;
			const value = await oktellText(this, {
				command: 'getlicenseinfo',
				qs: { detail },
				effect: 'read',
				itemIndex,
				...requestLimits(this, itemIndex),
			});
			return { detail, value: value.trim() };
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
