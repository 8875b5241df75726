import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { pushTimeoutMs } from './push-conversation';

/** Push API lists come whole in one reply: Return All, or the first Limit rows. */
export async function runPushList(
	context: IExecuteFunctions,
	read: (itemIndex: number, timeoutMs: number | undefined) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	return await runPerItem(
		context,
		async (itemIndex) => {
			const rows = await read(itemIndex, pushTimeoutMs(context, itemIndex));
			if (context.getNodeParameter('returnAll', itemIndex, false)) return rows;
			return rows.slice(0, Number(context.getNodeParameter('limit', itemIndex, 50)));
		},
		{ concurrency: 2 },
	);
}
