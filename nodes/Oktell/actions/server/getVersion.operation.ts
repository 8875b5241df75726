import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellMapper } from '../../transport';
import { valueOf } from '../../transport/xml-mapper';

export const option = {
	name: 'Get Version',
	value: 'getVersion',
	description: "Get the Oktell server's version (getversion)",
	action: 'Get the server version',
};

export const properties: INodeProperties[] = [rawOutputProperty, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const { text, sets } = await oktellMapper(this, {
				command: 'getversion',
				effect: 'read',
				itemIndex,
				...requestLimits(this, itemIndex),
			});
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
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
