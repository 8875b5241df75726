import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { FieldSpec, OperationSpec } from '../operation-spec';
import { runsSideBySide } from '../operation-spec';
import { inputBinaryField, outputBinaryField } from './binary-fields';
import { otherParameters } from './other-parameters';
import { recordLocator } from './record-locator';
import { perItemReadOptions, requestOptions } from './request-timeout';

/** n8n parameter name of a 1C parameter: `ClientID` → `clientID`. */
export function parameterName(field: FieldSpec): string {
	return field.name.charAt(0).toLowerCase() + field.name.slice(1);
}

/** `ServiceRequestTypeID` → `Service Request Type ID`; `EMail`, `INN`, `KPP` as users write them. */
export function displayNameOf(name: string): string {
	const special: Record<string, string> = { EMail: 'Email', INN: 'INN', KPP: 'KPP' };
	if (special[name]) return special[name];
	return name
		.replace(/ID$/, ' ID')
		.replace(/([a-z])([A-Z0-9])/g, '$1 $2')
		.replace(/\s+/g, ' ')
		.trim();
}

function property(field: FieldSpec, asOption: boolean): INodeProperties {
	const base = {
		displayName: displayNameOf(field.name),
		name: parameterName(field),
		description: field.description ?? `The ${field.name} parameter`,
		...(field.required && !asOption ? { required: true } : {}),
	};
	const picker = recordLocator(field, base);
	if (picker) return picker;
	if (field.type === 'options') {
		const options: INodePropertyOptions[] = (field.options ?? []).map((option) =>
			Array.isArray(option)
				? { name: option[1], value: option[0] }
				: { name: option.charAt(0) + option.slice(1).toLowerCase(), value: option },
		);
		return { ...base, type: 'options', options, default: options[0]?.value ?? '' };
	}
	if (field.type === 'number') return { ...base, type: 'number', default: 0 };
	if (field.type === 'boolean') return { ...base, type: 'boolean', default: false };
	if (field.type === 'dateTime') return { ...base, type: 'dateTime', default: '' };
	return { ...base, type: 'string', default: '' };
}

function notice(text: string): INodeProperties {
	return { displayName: text, name: 'notice', type: 'notice', default: '' };
}

/** 1C answers reads in one reply with no paging: Limit trims the output, not the download. */
function withWholeListHint(spec: OperationSpec, properties: INodeProperties[]): INodeProperties[] {
	const hint = `${spec.soap} has no paging: every run downloads the whole list and spends one call of its hourly limit; Limit only shortens the output.`;
	return properties.map((property) =>
		property.name === 'limit' ? { ...property, hint } : property,
	);
}

/** The collection of a spec's optional fields: Filters for reads, Additional Fields otherwise. */
export function optionalFieldsCollection(spec: OperationSpec): string {
	return spec.kind === 'read' ? 'filters' : 'additionalFields';
}

/**
 * The fields of one spec'd operation, unscoped (the resource definition shows them for its
 * resource and operation only): required fields, then the optional ones in a collection.
 */
export function operationProperties(spec: OperationSpec): INodeProperties[] {
	const isRead = spec.kind === 'read';
	const optional = spec.fields.filter((field) => !field.required);
	return [
		...(spec.notice ? [notice(spec.notice)] : []),
		...spec.fields.filter((field) => field.required).map((field) => property(field, false)),
		...(spec.uploadsFile ? [inputBinaryField] : []),
		{
			displayName: isRead ? 'Filters' : 'Additional Fields',
			name: optionalFieldsCollection(spec),
			type: 'collection',
			placeholder: isRead ? 'Add Filter' : 'Add Field',
			default: {},
			options: [...optional.map((field) => property(field, true)), otherParameters].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
		...(isRead && !spec.file ? withWholeListHint(spec, returnAllAndLimit()) : []),
		...(spec.file ? [outputBinaryField] : []),
		runsSideBySide(spec) ? perItemReadOptions : requestOptions,
	];
}
