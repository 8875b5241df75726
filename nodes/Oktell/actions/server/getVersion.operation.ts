import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { readOnce } from '../../helpers/read-once';
import { rawOutputProperty, wantsRawOutput } from '../../helpers/raw-output';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { valueOf } from '../../helpers/xml-mapper';
import { oktellMapper } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['server'], operation: ['getVersion'] } },
	[rawOutputProperty, requestOptions()] as INodeProperties[],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const reply = readOnce(
		async () =>
			await oktellMapper(this, {
				command: 'getversion',
				idempotent: true,
				...requestLimits(this, 0),
			}),
	);
	return await runPerItem(this, async (itemIndex) => {
		const { text, sets } = await reply();
		if (wantsRawOutput(this, itemIndex)) return { xml: text };
		const version = sets.find((set) => set.setName === 'version') ?? sets[0];
		const field = (key: string) => (version ? (valueOf(version, key) ?? null) : null);
		return {
			text: field('text'),
			build: field('build'),
			date: field('date'),
			environment: field('environment'),
			halBuild: field('halbuild'),
			halDate: field('haldate'),
		};
	});
}
