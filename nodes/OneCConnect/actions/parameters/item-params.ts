import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { XdtoScalarType } from '../../xdto/codec';
import { XdtoError, encodeXdtoElement, toXdtoDateTime } from '../../xdto/codec';
import type { FieldSpec, OperationSpec } from '../operation-spec';
import { optionalFieldsCollection, parameterName } from './operation-properties';
import { readOtherParameters } from './other-parameters';
import { pickedValue } from './record-locator';

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
		const value = pickedValue(context.getNodeParameter(parameterName(field), itemIndex));
		if (isEmpty(value)) {
			throw inputError(
				context.getNode(),
				`${field.name} is required for ${spec.soap} (${itemName(itemIndex)})`,
				`Fill in "${field.name}" for this item.`,
				itemIndex,
			);
		}
		params[field.name] = value as IDataObject[string];
	}
	const collection = context.getNodeParameter(
		optionalFieldsCollection(spec),
		itemIndex,
		{},
	) as IDataObject;
	for (const field of spec.fields.filter((each) => !each.required)) {
		const value = pickedValue(collection[parameterName(field)]);
		if (!isEmpty(value)) params[field.name] = value as IDataObject[string];
	}
	if (collection.otherParameters !== undefined) {
		Object.assign(
			params,
			readOtherParameters(context.getNode(), collection.otherParameters, itemIndex),
		);
	}
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
			`Cannot send ${itemName(itemIndex)} to ${spec.soap}: ${reason}`,
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
