import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { getPullConfig } from '../../transport/pull-config';
import { requireOAuth2 } from '../parameters/oauth-only';
import { optionsProperty, targetOf } from '../parameters/portal-options';

export const option: OperationModule['option'] = {
	name: 'Get Config',
	value: 'getConfig',
	description: "Get the Push & Pull server and the app's channels",
	action: 'Get the real time configuration',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Use Cache',
		name: 'cache',
		type: 'boolean',
		default: true,
		description: 'Whether Bitrix24 may answer with its cached configuration (CACHE=Y)',
	},
	{
		displayName: 'Reopen Channels',
		name: 'reopen',
		type: 'boolean',
		default: false,
		description:
			'Whether to ask for new channels even when the current ones are still open (REOPEN=Y)',
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	requireOAuth2(this, 'pull.application.config.get');
	const target = targetOf(this);
	return await runPerItem(this, async (itemIndex) => {
		return await getPullConfig(this, target, {
			cache: this.getNodeParameter('cache', itemIndex) as boolean,
			reopen: this.getNodeParameter('reopen', itemIndex) as boolean,
			itemIndex,
		});
	});
}
