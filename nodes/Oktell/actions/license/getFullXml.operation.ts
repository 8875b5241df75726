import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { readOnce } from '../../helpers/read-once';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { rawOutputProperty, wantsRawOutput } from '../../helpers/raw-output';
import { cleanXml } from '../../helpers/typed-value';
import { oktellXml } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['license'], operation: ['getFullXml'] } },
	[rawOutputProperty, requestOptions()],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const reply = readOnce(
		async () =>
			await oktellXml(this, {
				command: 'getlicensefullxml',
				idempotent: true,
				...requestLimits(this, 0),
			}),
	);
	return await runPerItem(this, async (itemIndex) => {
		const { text, xml } = await reply();
		if (wantsRawOutput(this, itemIndex)) return { xml: text };
		return cleanXml(xml) as IDataObject;
	});
}
