import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { readJsonObject } from '../../../shared/parameters/json-object';
import {
	cargoTypeLocator,
	dictionaryIdOf,
	loadingCityLocator,
	unloadingCityLocator,
} from './dictionary-locators';
import { loadPaymentOf, paymentProperties } from './payment';

// The load form in the words of ATI's own form, sent as the cargo_application of POST /v2/cargos
// (route, cargo, truck, payment, contacts, external_id, note as ATI's v2 cargos reference names
// them). Where the reference names no field — the loading date and the cargo type's ID — the
// node sends route.loading.first_date and cargo.cargo_type_id, and the simulator reads the same.

export const loadFields: INodeProperties[] = [
	loadingCityLocator,
	{
		displayName: 'Loading Date',
		name: 'loadingDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The first day the load is ready ("Дата загрузки")',
	},
	unloadingCityLocator,
	cargoTypeLocator,
	{
		displayName: 'Weight (Tons)',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: 'The weight in tons; 0 leaves it out',
	},
	{
		displayName: 'Volume (Cubic Meters)',
		name: 'volume',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The volume in cubic metres; 0 leaves it out',
	},
	{
		displayName: 'Body Type Names or IDs',
		name: 'bodyTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBodyTypes' },
		default: [],
		description:
			'The truck bodies that suit the load ("Тип кузова"). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...paymentProperties(
		'The rate for the whole trip; 0 asks carriers for their rates ("запрос ставки")',
	),
	{
		displayName: 'Bargaining',
		name: 'bargaining',
		type: 'boolean',
		default: true,
		description: 'Whether carriers may offer another rate ("торг")',
		displayOptions: { hide: { price: [0] } },
	},
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1, 2',
		description:
			"The firm's contacts shown with the load, separated by commas (ATI needs at least one)",
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description:
			"Your system's ID for the load (external_id), so you can find it again, for example after a failed run",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Board IDs',
				name: 'boardIds',
				type: 'string',
				default: '',
				placeholder: '507f1f77bcf86cd799439011',
				description:
					'The personal boards ("площадки") to publish the load on now, separated by commas',
			},
			{
				displayName: 'Cargo Name',
				name: 'cargoName',
				type: 'string',
				default: '',
				description: 'The name of the cargo as carriers see it, up to 200 characters',
			},
			{
				displayName: 'Extra Fields (JSON)',
				name: 'extraFields',
				type: 'json',
				default: '{}',
				description:
					'Other fields of ATI\'s cargo_application, merged over the ones above (for example {"note_for_carrier": "…"})',
			},
			{
				displayName: 'Loading Type Names or IDs',
				name: 'loadingTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLoadingTypes' },
				default: [],
				description:
					'How the truck may be loaded ("Загрузка": top, side, rear). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Note',
				name: 'note',
				type: 'string',
				default: '',
				description: 'The note shown with the load ("Примечание")',
			},
			{
				displayName: 'Unloading Date',
				name: 'unloadingDate',
				type: 'dateTime',
				default: '',
				description: 'When the load must be delivered',
			},
		],
	},
];

/** The cargo_application for the item's fields. */
export function loadApplicationOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const loadingDate = dateOf(
		context,
		context.getNodeParameter('loadingDate', itemIndex, ''),
		'Loading Date',
		itemIndex,
	);
	if (!loadingDate) {
		throw inputError(
			node,
			'No Loading Date given',
			'Enter the first day the load is ready.',
			itemIndex,
		);
	}
	const unloadingDate = dateOf(context, extra.unloadingDate, 'Unloading Date', itemIndex);
	const weight = Number(context.getNodeParameter('weight', itemIndex, 0));
	const volume = Number(context.getNodeParameter('volume', itemIndex, 0));
	const cargoName = typeof extra.cargoName === 'string' ? extra.cargoName.trim() : '';
	const loadingTypes = idsOf(extra.loadingTypes);
	const application: IDataObject = {
		route: {
			loading: {
				city_id: dictionaryIdOf(context, 'loadingCity', 'loading city', itemIndex),
				first_date: loadingDate,
			},
			unloading: {
				city_id: dictionaryIdOf(context, 'unloadingCity', 'unloading city', itemIndex),
				...(unloadingDate ? { first_date: unloadingDate } : {}),
			},
		},
		cargo: {
			cargo_type_id: dictionaryIdOf(context, 'cargoType', 'cargo type', itemIndex),
			...(cargoName ? { name: cargoName } : {}),
			...(weight > 0 ? { weight: { value: weight, unit: 't' } } : {}),
			...(volume > 0 ? { volume: { value: volume } } : {}),
		},
		truck: {
			body_types: idsOf(context.getNodeParameter('bodyTypes', itemIndex, [])),
			...(loadingTypes.length > 0 ? { body_loading: { type_ids: loadingTypes } } : {}),
		},
		payment: loadPaymentOf(context, itemIndex),
		contacts: numberListOf(context, 'contactIds', 'Contact IDs', itemIndex),
	};
	const boards = String(extra.boardIds ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (boards.length > 0) application.boards = boards.map((id) => ({ id, publication_mode: 'now' }));
	const externalId = String(context.getNodeParameter('externalId', itemIndex, '')).trim();
	if (externalId) application.external_id = externalId;
	if (typeof extra.note === 'string' && extra.note.trim()) application.note = extra.note;
	const extraFields = readJsonObject(
		node,
		extra.extraFields,
		{ label: 'Extra Fields (JSON)', example: '{"note": "fragile"}' },
		itemIndex,
	);
	return { ...application, ...extraFields };
}

/** Whole numbers from a comma list (or an expression's array); anything else is the item's error. */
export function numberListOf(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): number[] {
	const value = context.getNodeParameter(name, itemIndex, '');
	const parts = (Array.isArray(value) ? value.map(String) : String(value).split(','))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	const bad = parts.find((part) => !/^\d+$/.test(part));
	if (parts.length === 0 || bad !== undefined) {
		throw inputError(
			context.getNode(),
			bad === undefined ? `No ${label} given` : `"${bad}" in ${label} is not a number`,
			`Enter ${label} as numbers separated by commas, such as 0, 1.`,
			itemIndex,
		);
	}
	return parts.map(Number);
}

function idsOf(value: unknown): number[] {
	const list = Array.isArray(value) ? value : [];
	return list.map(Number).filter((id) => Number.isInteger(id) && id > 0);
}

/** A date as YYYY-MM-DD (ATI's load dates are days), or undefined when empty. */
function dateOf(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	const date = new Date(text);
	if (Number.isNaN(date.getTime())) {
		throw inputError(
			context.getNode(),
			`The ${label} "${text}" is not a date`,
			`Enter the ${label} as a date, such as 2026-12-10.`,
			itemIndex,
		);
	}
	return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : date.toISOString().slice(0, 10);
}
