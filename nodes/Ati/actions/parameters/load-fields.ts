import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { readJsonObject } from '../../../shared/parameters/json-object';
import {
	cargoTypeLocator,
	dictionaryIdOf,
	loadingCityLocator,
	unloadingCityLocator,
} from './dictionary-locators';
import { paymentOf, paymentProperties } from './payment';

// The load form in the words of ATI's own form, sent as the cargo_application of /v2/cargos
// (field names from the "cargoes" model of ati.su/developers/api/webhooks/topics/cargoes).

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
	...paymentProperties,
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
		load: {
			cargo_type: dictionaryIdOf(context, 'cargoType', 'cargo type', itemIndex),
			...(weight > 0 ? { weight } : {}),
			...(volume > 0 ? { volume } : {}),
		},
		truck: {
			body_types: idsOf(context.getNodeParameter('bodyTypes', itemIndex, [])),
			...(idsOf(extra.loadingTypes).length > 0 ? { loading_types: idsOf(extra.loadingTypes) } : {}),
		},
	};
	const payment = paymentOf(context, itemIndex);
	if (payment) application.payment = payment;
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
