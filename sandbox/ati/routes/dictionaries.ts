// GET /v1.0/dictionaries/{cities,cargoTypes,carTypes,loadingTypes,currencyTypes}: ATI's
// dictionaries (ati.su/developers/api/dictionaries/geo; the v1.0 paths public clients call).
// Each answers its whole list. The city pickers use the autocomplete below instead.
import type { RouteHandler } from '../../framework';
import { badRequest } from '../ati-errors';
import {
	ATI_DEMO_BODY_TYPES,
	ATI_DEMO_CARGO_TYPES,
	ATI_DEMO_CITIES,
	ATI_DEMO_CURRENCIES,
	ATI_DEMO_LOADING_TYPES,
} from '../dictionaries-data';
import { readJsonObject } from '../json-body';

export const DICTIONARIES: Record<string, readonly object[]> = {
	cities: ATI_DEMO_CITIES,
	cargoTypes: ATI_DEMO_CARGO_TYPES,
	carTypes: ATI_DEMO_BODY_TYPES,
	loadingTypes: ATI_DEMO_LOADING_TYPES,
	currencyTypes: ATI_DEMO_CURRENCIES,
};

export function dictionary(list: readonly object[]): RouteHandler {
	return () => ({ status: 200, body: list });
}

/** How many suggestions the autocomplete gives when the request names no limit. */
const DEFAULT_SUGGESTIONS = 10;

/**
 * POST /gw/gis-dict/v1/autocomplete/suggestions {prefix, suggestion_types, limit}: the city
 * autocomplete ATI's geo dictionary page recommends (ati.su/developers/api/dictionaries/geo); the
 * path, body and reply {suggestions: [{city: {id, name}, region: {name}}]} as public clients use
 * them (suggestion_types 1 = settlements). Names starting with the prefix, any case.
 */
export function citySuggestions(): RouteHandler {
	return (request) => {
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		const prefix = typeof body.prefix === 'string' ? body.prefix.trim().toLowerCase() : '';
		if (!prefix) return badRequest('prefix must be the start of a name');
		if (body.suggestion_types !== undefined && body.suggestion_types !== 1) {
			return { status: 200, body: { suggestions: [] } };
		}
		const limit =
			Number.isInteger(body.limit) && Number(body.limit) > 0
				? Number(body.limit)
				: DEFAULT_SUGGESTIONS;
		const suggestions = ATI_DEMO_CITIES.filter((city) =>
			city.CityName.toLowerCase().startsWith(prefix),
		)
			.slice(0, limit)
			.map((city) => ({
				city: { id: city.CityId, name: city.CityName },
				region: { name: city.RegionName },
				country: { name: city.CountryName },
			}));
		return { status: 200, body: { suggestions } };
	};
}
