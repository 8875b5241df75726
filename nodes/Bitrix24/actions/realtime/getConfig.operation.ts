import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { getPullConfig } from '../../transport/pull-config';
import { optionsProperty, targetOf } from '../common';
import { requireOAuth2 } from './oauth-only';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['realtime'], operation: ['getConfig'] } },
	properties,
);

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
