import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../parameters/request-options';
import { scriptCall, scriptResult, serviceScriptProperties } from '../parameters/service-script';
import { oktellMapper } from '../../transport';

export const option = {
	name: 'Execute',
	value: 'execute',
	description: 'Run a service script and get its return value (execsvcscript)',
	action: 'Execute a service script',
};

export const properties: INodeProperties[] = [
	...serviceScriptProperties,
	rawOutputProperty,
	requestOptions({ script: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const call = scriptCall(this, itemIndex);
		const { text, sets } = await oktellMapper(this, {
			command: 'execsvcscript',
			qs: call.qs,
			timeoutMs: scriptDeadlineMs(requestLimits(this, itemIndex), call.timeoutMs),
			effect: 'write',
			itemIndex,
		});
		if (wantsRawOutput(this, itemIndex)) return { xml: text };
		return scriptResult(sets.find((set) => set.setName === 'execsvcscript') ?? sets[0]);
	});
}
