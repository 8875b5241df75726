import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';
import { atiCodeIn } from '../actions/parameters/ati-code';
import type { Dictionary } from '../transport/dictionaries';
import { dictionaryEntry, getDictionary, suggestCities } from '../transport/dictionaries';
import { contactCodeId, getFirmContacts } from '../transport/firms';

/** Entries a searchable list shows at once: typing narrows the cities further. */
const LIST_SIZE = 100;

async function entriesOf(context: ILoadOptionsFunctions, dictionary: Dictionary) {
	const entries = await getDictionary(context, dictionary);
	return entries.flatMap((entry) => dictionaryEntry(entry) ?? []);
}

async function search(
	context: ILoadOptionsFunctions,
	dictionary: Dictionary,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim().toLowerCase();
	const entries = await entriesOf(context, dictionary);
	const matching = text
		? entries.filter((entry) => entry.name.toLowerCase().includes(text))
		: entries;
	// Names that start with the text first: "Каз" finds Казань before Москва-Казанская.
	const ranked = text
		? [...matching].sort(
				(a, b) =>
					Number(!a.name.toLowerCase().startsWith(text)) -
					Number(!b.name.toLowerCase().startsWith(text)),
			)
		: matching;
	return {
		results: ranked
			.slice(0, LIST_SIZE)
			.map((entry) => ({ name: entry.name, value: String(entry.id) })),
	};
}

async function options(
	context: ILoadOptionsFunctions,
	dictionary: Dictionary,
): Promise<INodePropertyOptions[]> {
	return (await entriesOf(context, dictionary)).map((entry) => ({
		name: entry.name,
		value: entry.id,
	}));
}

/** Cities by the start of their name, from ATI's autocomplete: nothing until something is typed. */
export async function searchCities(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const prefix = (filter ?? '').trim();
	if (!prefix) return { results: [] };
	const entries = await suggestCities(this, prefix);
	return { results: entries.map((entry) => ({ name: entry.name, value: String(entry.id) })) };
}

export async function searchCargoTypes(this: ILoadOptionsFunctions, filter?: string) {
	return await search(this, 'cargoTypes', filter);
}

export async function getBodyTypes(this: ILoadOptionsFunctions) {
	return await options(this, 'bodyTypes');
}

export async function getLoadingTypes(this: ILoadOptionsFunctions) {
	return await options(this, 'loadingTypes');
}

export async function getCurrencies(this: ILoadOptionsFunctions) {
	return await options(this, 'currencies');
}

/** A firm's contacts as "<name> (<code_id>)", once its ATI code (or a contact ID of it) is typed. */
export async function searchFirmContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	if (!text) return { results: [] };
	const atiId = atiCodeIn(text);
	if (atiId === undefined) {
		throw inputError(
			this.getNode(),
			`"${text}" is not an ATI code`,
			"Type the firm's ATI code, its digits such as 123456: the list then shows the firm's contacts.",
		);
	}
	const contacts = await getFirmContacts(this, atiId, {});
	return {
		results: contacts.flatMap((contact) => {
			const codeId = contactCodeId(atiId, contact);
			if (codeId === undefined) return [];
			const name = typeof contact.name === 'string' ? contact.name.trim() : '';
			return [{ name: name ? `${name} (${codeId})` : codeId, value: codeId }];
		}),
	};
}
