import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

/** A dictionary value picked from ATI's list (searchable) or given by its numeric ID. */
function dictionaryLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	searchFilterRequired = false,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '1',
			},
		],
	};
}

export const loadingCityLocator = dictionaryLocator(
	'Loading City',
	'loadingCity',
	'searchCities',
	"Where the load is picked up, from ATI's city dictionary (type the start of its name)",
	true,
);
export const unloadingCityLocator = dictionaryLocator(
	'Unloading City',
	'unloadingCity',
	'searchCities',
	"Where the load is delivered, from ATI's city dictionary (type the start of its name)",
	true,
);
export const cargoTypeLocator = dictionaryLocator(
	'Cargo Type',
	'cargoType',
	'searchCargoTypes',
	'What is carried ("Наименование груза"), from ATI\'s cargo type dictionary',
);

/** The numeric dictionary ID a locator or a picker holds; anything else is the item's error. */
export function dictionaryIdOf(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): number {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text)) {
		throw inputError(
			context.getNode(),
			text === '' ? `No ${label} given` : `The ${label} "${text}" is not an ATI dictionary ID`,
			`Pick the ${label} from the list, or enter its numeric ID from ATI's dictionary.`,
			itemIndex,
		);
	}
	return Number(text);
}
