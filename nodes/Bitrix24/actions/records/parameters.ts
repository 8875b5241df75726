import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { MULTI_FIELD_VALUE_TYPES } from '../../crm/field-values';
import type { RecordKind } from '../../crm/record-kinds';

/** The record an operation works on: picked from a list, by ID, or by its page's URL. */
export function recordIdProperty(kind: RecordKind): INodeProperties {
	return {
		displayName: kind.label,
		name: 'recordId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${kind.label.toLowerCase()} to use`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind.label.toLowerCase()}...`,
				typeOptions: { searchListMethod: 'searchRecords', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '123',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://mycompany.bitrix24.ru/…/${kind.resource}/details/123/`,
				extractValue: { type: 'regex', regex: kind.urlPattern },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: kind.urlPattern,
							errorMessage: `Not the address of a ${kind.label.toLowerCase()} page`,
						},
					},
				],
			},
		],
	};
}

/** The record's ID from the locator, whatever mode it was given in. */
export function recordIdOf(
	context: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	name = 'recordId',
): number {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const text = String(value ?? '').trim();
	const url = new RegExp(kind.urlPattern).exec(text)?.[1];
	const id = url ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"${kind.label}" in item ${itemIndex} is not a ${kind.label.toLowerCase()} ID: ${JSON.stringify(text)}`,
			`Pick the ${kind.label.toLowerCase()} from the list, or give its number or the address of its page.`,
			itemIndex,
		);
	}
	return Number(id);
}

/** The record's fields, as columns loaded from the portal (crm.*.fields with user fields). */
export function fieldsProperty(forCreate: boolean): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['resource', 'entityTypeId'],
			resourceMapper: {
				resourceMapperMethod: forCreate ? 'getCreateFields' : 'getUpdateFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	};
}

const typeOptions = (field: string) =>
	MULTI_FIELD_VALUE_TYPES[field].map((value) => ({
		name: value.charAt(0) + value.slice(1).toLowerCase(),
		value,
	}));

/** The VALUE_TYPE each multi-field's plain values are written with. */
export const multiFieldTypeOptions: INodeProperties[] = [
	{
		displayName: 'Email Type',
		name: 'emailType',
		type: 'options',
		options: typeOptions('EMAIL'),
		default: 'WORK',
		description: 'The type given to e-mail addresses written from the form',
	},
	{
		displayName: 'Messenger Type',
		name: 'imType',
		type: 'options',
		options: typeOptions('IM'),
		default: 'TELEGRAM',
		description: 'The type given to messenger contacts written from the form',
	},
	{
		displayName: 'Phone Type',
		name: 'phoneType',
		type: 'options',
		options: typeOptions('PHONE'),
		default: 'WORK',
		description: 'The type given to phone numbers written from the form',
	},
	{
		displayName: 'Website Type',
		name: 'webType',
		type: 'options',
		options: typeOptions('WEB'),
		default: 'WORK',
		description: 'The type given to websites written from the form',
	},
];

export const replaceExistingProperty: INodeProperties = {
	displayName: 'Replace Existing Values',
	name: 'replaceExistingValues',
	type: 'boolean',
	default: false,
	description:
		'Whether phones, e-mails, websites and messengers given replace those the record has (the others are removed). Off: only values the record does not have yet are added.',
};

/** Value types of phones and e-mails; where a record may already hold some, whether to replace them. */
export function writeOptionsProperty(kind: RecordKind, existing: boolean): INodeProperties[] {
	if (!kind.multiFields) return [];
	return [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [...multiFieldTypeOptions, ...(existing ? [replaceExistingProperty] : [])],
		},
	];
}

export function replaceExistingOf(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('options.replaceExistingValues', itemIndex, false) === true;
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return phones, e-mails and other multi-fields as plain text and leave out empty fields, instead of the raw reply',
};
