import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellText } from '../../transport';

export const option = {
	name: 'Get Full Text',
	value: 'getFullText',
	description:
		'Get the licence information as the administration screen shows it (getlicensefulltext)',
	action: 'Get the licence as text',
};

export const properties: INodeProperties[] = [requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => ({
			text: await oktellText(this, {
				command: 'getlicensefulltext',
				effect: 'read',
				itemIndex,
				...requestLimits(this, itemIndex),
			}),
		}),
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
