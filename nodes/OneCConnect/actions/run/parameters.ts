import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { XdtoScalarType } from '../../xdto/codec';
import { XdtoError, encodeXdtoElement, toXdtoDateTime } from '../../xdto/codec';
import { parameterName } from '../describe';
import type { FieldSpec, OperationSpec } from '../operation-spec';

const XDTO_TYPES: Record<FieldSpec['type'], XdtoScalarType> = {
	string: 'string',
	options: 'string',
	number: 'decimal',
	boolean: 'boolean',
	dateTime: 'dateTime',
};

export function xdtoTypesOf(spec: OperationSpec): Record<string, XdtoScalarType> {
	return Object.fromEntries(spec.fields.map((field) => [field.name, XDTO_TYPES[field.type]]));
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function readOtherParameters(
	context: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
): IDataObject {
	if (isEmpty(raw)) return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			throw inputError(
				context.getNode(),
				`Other Parameters (JSON) of item ${itemIndex} is not valid JSON`,
				'Write a JSON object such as {"ClientID": "…", "ChangedFrom": "2024-01-01T00:00:00"}.',
				itemIndex,
			);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw inputError(
			context.getNode(),
			`Other Parameters (JSON) of item ${itemIndex} must be a JSON object`,
			'Write a JSON object such as {"ClientID": "…"}.',
			itemIndex,
		);
	}
	return value as IDataObject;
}

/**
 * The 1C `Params` of one item: required fields, the filled optional fields and the Other
 * Parameters JSON. Checked here, so that a bad value is that item's error and never fails a batch.
 */
export function paramsOf(
	context: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
): IDataObject {
	const params: IDataObject = {};
	for (const field of spec.fields.filter((each) => each.required)) {
		const value = context.getNodeParameter(parameterName(field), itemIndex) as unknown;
		if (isEmpty(value)) {
			throw inputError(
				context.getNode(),
				`${field.name} is required for ${spec.soap} (item ${itemIndex})`,
				`Fill in "${field.name}" for this item.`,
				itemIndex,
			);
		}
		params[field.name] = value as IDataObject[string];
	}
	const collection = context.getNodeParameter(
		spec.kind === 'read' ? 'filters' : 'additionalFields',
		itemIndex,
		{},
	) as IDataObject;
	for (const field of spec.fields.filter((each) => !each.required)) {
		const value = collection[parameterName(field)];
		if (!isEmpty(value)) params[field.name] = value;
	}
	Object.assign(params, readOtherParameters(context, collection.otherParameters, itemIndex));
	return checkEncodable(context, spec, params, itemIndex);
}

function checkEncodable(
	context: IExecuteFunctions,
	spec: OperationSpec,
	params: IDataObject,
	itemIndex: number,
): IDataObject {
	const types = xdtoTypesOf(spec);
	try {
		for (const [name, type] of Object.entries(types)) {
			if (type === 'dateTime' && !isEmpty(params[name]))
				params[name] = toXdtoDateTime(params[name]);
		}
		encodeXdtoElement('check', params, types);
	} catch (error) {
		const reason = error instanceof XdtoError ? error.message : String(error);
		throw inputError(
			context.getNode(),
			`Item ${itemIndex} cannot be sent to ${spec.soap}: ${reason}`,
			'Correct the value named in the message.',
			itemIndex,
		);
	}
	return params;
}

/** Plain child elements carry text only. */
export function asPlainParameters(params: IDataObject): Record<string, string> {
	return Object.fromEntries(
		Object.entries(params).map(([name, value]) => [
			name,
			typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
		]),
	);
}
