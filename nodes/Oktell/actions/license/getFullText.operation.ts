import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { readOnce } from '../../helpers/read-once';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { oktellText } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['license'], operation: ['getFullText'] } },
	[requestOptions()] as INodeProperties[],
);

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
