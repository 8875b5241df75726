import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryPropertyProperty } from '../../helpers/binary-reply';
import { plainReplyItem } from '../../helpers/plain-reply';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../../helpers/request-options';
import { scriptCall, serviceScriptProperties } from '../../helpers/service-script';
import { oktellRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['serviceScript'], operation: ['executePlain'] } },
	[
		...serviceScriptProperties,
		{
			...binaryPropertyProperty,
			hint: 'Used when the script returns a file: the output binary field to put it in',
		},
		requestOptions({ script: true, download: true }),
	],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
		const call = scriptCall(this, itemIndex);
		const limits = requestLimits(this, itemIndex, { download: true });
		const reply = await oktellRequest(this, {
			command: 'execsvcscriptplain',
			qs: call.qs,
			idempotent: false,
			itemIndex,
			...limits,
			timeoutMs: scriptDeadlineMs(limits, call.timeoutMs),
		});
		return [await plainReplyItem(this, reply, itemIndex)];
	});
}
