import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import type { Dictionary } from '../../transport/dictionaries';
import { dictionaryEntry, getDictionary } from '../../transport/dictionaries';
import { atiCall, requestOptions } from '../parameters/request-options';
import { limitOf } from '../parameters/return-limit';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the entries of an ATI dictionary: cities, cargo types, body types, currencies',
	action: 'Get many dictionary entries',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Dictionary',
		name: 'dictionary',
		type: 'options',
		options: [
			{ name: 'Body Types', value: 'bodyTypes' },
			{ name: 'Cargo Types', value: 'cargoTypes' },
			{ name: 'Cities', value: 'cities' },
			{ name: 'Currencies', value: 'currencies' },
			{ name: 'Loading Types', value: 'loadingTypes' },
		],
		default: 'cities',
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'Каз',
		description: 'Only entries whose name contains this text (any case)',
	},
	...returnAllAndLimit(),
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const dictionary = this.getNodeParameter('dictionary', itemIndex) as Dictionary;
			const search = String(this.getNodeParameter('search', itemIndex, ''))
				.trim()
				.toLowerCase();
			const entries = await getDictionary(this, dictionary, atiCall(this, itemIndex));
			const matching = search
				? entries.filter((entry) => dictionaryEntry(entry)?.name.toLowerCase().includes(search))
				: entries;
			const limit = limitOf(this, itemIndex);
			return limit === undefined ? matching : matching.slice(0, limit);
		},
		{ concurrency: ATI_CONCURRENCY },
	);
}
