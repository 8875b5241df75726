import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellXml } from '../../transport';
import { cleanXml } from '../../transport/typed-value';

export const option = {
	name: 'Get Full XML',
	value: 'getFullXml',
	description: 'Get the licence certificate (getlicensefullxml)',
	action: 'Get the licence certificate',
};

export const properties: INodeProperties[] = [rawOutputProperty, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const { text, xml } = await oktellXml(this, {
				command: 'getlicensefullxml',
				effect: 'read',
				itemIndex,
				...requestLimits(this, itemIndex),
			});
			if (wantsRawOutput(this, itemIndex)) return { xml: text };
			return cleanXml(xml) as IDataObject;
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
