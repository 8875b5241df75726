// GET /v1.0/dictionaries/{cities,cargoTypes,carTypes,loadingTypes,currencyTypes}: ATI's
// dictionaries (ati.su/developers/api/dictionaries/geo; the v1.0 paths public clients call).
// Each answers its whole list: the node searches cities in the list it read once per run.
import type { RouteHandler } from '../../framework';
import {
	ATI_DEMO_BODY_TYPES,
	ATI_DEMO_CARGO_TYPES,
	ATI_DEMO_CITIES,
	ATI_DEMO_CURRENCIES,
	ATI_DEMO_LOADING_TYPES,
} from '../dictionaries-data';

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
