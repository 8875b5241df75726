import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { rawOutputProperty, wantsRawOutput } from '../../helpers/raw-output';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../../helpers/request-options';
import { scriptCall, scriptResult, serviceScriptProperties } from '../../helpers/service-script';
import { oktellMapper } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['serviceScript'], operation: ['execute'] } },
	[...serviceScriptProperties, rawOutputProperty, requestOptions({ script: true })],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const call = scriptCall(this, itemIndex);
		const { text, sets } = await oktellMapper(this, {
			command: 'execsvcscript',
			qs: call.qs,
			timeoutMs: scriptDeadlineMs(requestLimits(this, itemIndex), call.timeoutMs),
			idempotent: false,
			itemIndex,
		});
		if (wantsRawOutput(this, itemIndex)) return { xml: text };
		return scriptResult(sets.find((set) => set.setName === 'execsvcscript') ?? sets[0]);
	});
}
