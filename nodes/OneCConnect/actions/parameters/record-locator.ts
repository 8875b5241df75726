import type { INodeProperties } from 'n8n-workflow';

import { PICKER_OF_FIELD, RECORD_LIST_BY_METHOD } from '../../methods/record-lists';
import type { FieldSpec } from '../operation-spec';

/**
 * An ID field whose records 1C can list, as a picker: From List (searchable) or By ID. 1C-Connect
 * has no public record URLs, so there is no By URL mode. A value saved as plain text before the
 * picker existed is read as an ID.
 */
export function recordLocator(
	field: FieldSpec,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required'>,
): INodeProperties | undefined {
	const method = PICKER_OF_FIELD[field.name];
	const list = method ? RECORD_LIST_BY_METHOD.get(method) : undefined;
	if (!list || field.type !== 'string') return undefined;
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${list.what}...`,
				typeOptions: { searchListMethod: list.method, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
			},
		],
	};
}

/** The ID in a picker's value (`{ __rl, mode, value }`), or the value itself when it is plain. */
export function pickedValue(value: unknown): unknown {
	if (value !== null && typeof value === 'object' && '__rl' in value && 'value' in value) {
		return (value as { value: unknown }).value;
	}
	return value;
}
