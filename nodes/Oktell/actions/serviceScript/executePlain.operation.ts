import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryPropertyProperty, plainReplyItem } from '../parameters/binary-output';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../parameters/request-options';
import { scriptCall, serviceScriptProperties } from '../parameters/service-script';
import { oktellRequest } from '../../transport';

export const option = {
	name: 'Execute Plain',
	value: 'executePlain',
	description:
		'Run a service script and get its reply as it is: text, JSON or a file (execsvcscriptplain)',
	action: 'Execute a service script and get its plain reply',
};

export const properties: INodeProperties[] = [
	...serviceScriptProperties,
	{
		...binaryPropertyProperty,
		hint: 'Used when the script returns a file: the output binary field to put it in',
	},
	requestOptions({ script: true, download: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
		const call = scriptCall(this, itemIndex);
		const limits = requestLimits(this, itemIndex, { download: true });
		const reply = await oktellRequest(this, {
			command: 'execsvcscriptplain',
			qs: call.qs,
			effect: 'write',
			itemIndex,
			...limits,
			timeoutMs: scriptDeadlineMs(limits, call.timeoutMs),
		});
		return [await plainReplyItem(this, reply, itemIndex)];
	});
}
