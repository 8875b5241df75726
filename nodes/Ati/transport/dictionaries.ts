import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';

import type { RequestContext } from '../../shared/http/vendor-request';
import type { AtiCall } from './calls';
import { atiApiRequest } from './index';

// ATI's dictionaries, GET /v1.0/dictionaries/<name> (ati.su/developers/api/dictionaries/geo; the
// v1.0 paths public clients call). Each answers its whole list; reads are shared within a run,
// so pickers and items that need the same dictionary fetch it once.

export const DICTIONARY_NAMES = {
	cities: 'cities',
	cargoTypes: 'cargoTypes',
	bodyTypes: 'carTypes',
	loadingTypes: 'loadingTypes',
	currencies: 'currencyTypes',
} as const;

export type Dictionary = keyof typeof DICTIONARY_NAMES;

export interface DictionaryEntry {
	id: number;
	name: string;
	entry: IDataObject;
}

export async function getDictionary(
	context: RequestContext,
	dictionary: Dictionary,
	call: AtiCall = {},
): Promise<IDataObject[]> {
	return await atiApiRequest<IDataObject[]>(context, {
		method: 'GET',
		path: `/v1.0/dictionaries/${DICTIONARY_NAMES[dictionary]}`,
		effect: 'read',
		expect: { shape: 'list of objects', what: `the ${dictionary} dictionary` },
		hints: {
			badRequest: 'ATI.SU refused to read its dictionary; try again later.',
			notFound: 'Check the Base URL in the ATI.SU credential: ATI.SU has no such dictionary there.',
		},
		...call,
	});
}

/** An entry's ID and name, from v1.0's PascalCase (CityId/CityName, Id/Name) or snake_case. */
export function dictionaryEntry(entry: IDataObject): DictionaryEntry | undefined {
	const id = entry.CityId ?? entry.Id ?? entry.id ?? entry.city_id;
	const name = entry.CityName ?? entry.Name ?? entry.name ?? entry.city_name;
	if (typeof id !== 'number' || typeof name !== 'string') return undefined;
	const region = entry.RegionName ?? entry.region_name;
	const shown = typeof region === 'string' && region !== name ? `${name} (${region})` : name;
	return { id, name: shown, entry };
}

/** Suggestions the city autocomplete gives at most per request. */
export const CITY_SUGGESTIONS = 100;

/**
 * Cities whose name starts with `prefix`, from the autocomplete ATI's geo dictionary page
 * recommends (ati.su/developers/api/dictionaries/geo): POST /gw/gis-dict/v1/autocomplete/
 * suggestions {prefix, suggestion_types: 1, limit} answering {suggestions: [{city: {id, name},
 * region: {name}}]}, as public clients call it. The list pickers search it instead of reading
 * the whole city dictionary.
 */
export async function suggestCities(
	context: RequestContext,
	prefix: string,
	call: AtiCall = {},
): Promise<DictionaryEntry[]> {
	const reply = await atiApiRequest<IDataObject>(context, {
		method: 'POST',
		path: '/gw/gis-dict/v1/autocomplete/suggestions',
		body: { prefix, suggestion_types: 1, limit: CITY_SUGGESTIONS },
		effect: 'read',
		expect: { shape: 'object', what: 'the city suggestions' },
		hints: {
			badRequest: 'ATI.SU refused the city search; type the start of the city name.',
			notFound: 'Check the Base URL in the ATI.SU credential: ATI.SU has no city search there.',
		},
		...call,
	});
	const suggestions = Array.isArray(reply.suggestions) ? reply.suggestions : [];
	return suggestions.flatMap((suggestion) => {
		if (!isPlainObject(suggestion) || !isPlainObject(suggestion.city)) return [];
		const region = isPlainObject(suggestion.region) ? suggestion.region.name : undefined;
		return (
			dictionaryEntry({
				id: suggestion.city.id,
				name: suggestion.city.name,
				region_name: region,
			}) ?? []
		);
	});
}
