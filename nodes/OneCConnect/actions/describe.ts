import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/description/return-all-limit';
import type { FieldSpec, OperationSpec, ResourceSpec } from './operation-spec';
import { requestOptions } from '../request-timeout';

/** n8n parameter name of a 1C parameter: `ClientID` → `clientID`. */
export function parameterName(field: FieldSpec): string {
	return field.name.charAt(0).toLowerCase() + field.name.slice(1);
}

/** `ServiceRequestTypeID` → `Service Request Type ID`, `EMail` → `E Mail` is avoided below. */
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

const OTHER_PARAMETERS: INodeProperties = {
	displayName: 'Other Parameters (JSON)',
	name: 'otherParameters',
	type: 'json',
	default: '{}',
	description:
		'More 1C parameters as a JSON object ({"Name": value}), for parameters this form does not list. Values win over the fields above.',
};

function operationProperties(resource: string, spec: OperationSpec): INodeProperties[] {
	const displayOptions = { show: { resource: [resource], operation: [spec.value] } };
	const requiredFields = spec.fields.filter((field) => field.required);
	const optionalFields = spec.fields.filter((field) => !field.required);
	const properties: INodeProperties[] = [];
	if (spec.notice) {
		properties.push({ displayName: spec.notice, name: 'notice', type: 'notice', default: '' });
	}
	properties.push(...requiredFields.map((field) => property(field, false)));
	if (spec.uploadsFile) {
		properties.push({
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The input binary field holding the file to attach',
		});
	}
	const isRead = spec.kind === 'read';
	properties.push({
		displayName: isRead ? 'Filters' : 'Additional Fields',
		name: isRead ? 'filters' : 'additionalFields',
		type: 'collection',
		placeholder: isRead ? 'Add Filter' : 'Add Field',
		default: {},
		options: [...optionalFields.map((field) => property(field, true)), OTHER_PARAMETERS].sort(
			(a, b) => a.displayName.localeCompare(b.displayName),
		),
	});
	if (isRead && !spec.file) {
		properties.push(...returnAllAndLimit());
	}
	if (spec.file) {
		properties.push({
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The name of the output binary field to put the file in',
		});
	}
	properties.push(requestOptions);
	return properties.map((entry) => ({
		...entry,
		displayOptions: {
			show: { ...displayOptions.show, ...(entry.displayOptions?.show ?? {}) },
		},
	}));
}

/** The Operation picker and every operation's fields for one resource. */
export function describeResource(resource: ResourceSpec): INodeProperties[] {
	const sorted = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: sorted.map((spec) => ({
			name: spec.name,
			value: spec.value,
			description: spec.description,
			action: spec.action,
		})),
		default: '',
	};
	picker.default = sorted[0].value;
	return [
		picker,
		...resource.operations.flatMap((spec) => operationProperties(resource.value, spec)),
	];
}
