import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { readOnce } from '../../helpers/read-once';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { oktellText } from '../../transport';

export const option = {
	name: 'Get Full Text',
	value: 'getFullText',
	description:
		'Get the licence information as the administration screen shows it (getlicensefulltext)',
	action: 'Get the licence as text',
};

export const properties: INodeProperties[] = [requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const text = readOnce(
		async () =>
			await oktellText(this, {
				command: 'getlicensefulltext',
				idempotent: true,
				...requestLimits(this, 0),
			}),
	);
	return await runPerItem(this, async () => ({ text: await text() }));
}
