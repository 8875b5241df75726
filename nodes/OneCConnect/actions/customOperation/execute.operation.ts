import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { isPlainObject } from '../../../shared/http/reply-shape';
import type { JsonObjectField } from '../../../shared/parameters/json-object';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { oneCApiRequest } from '../../transport';
import { XdtoError, encodeXdtoElement } from '../../xdto/codec';
import { requestOptions, timeoutMsOf } from '../parameters/request-timeout';

export const option = {
	name: 'Execute',
	value: 'execute',
	description: 'Call any PartnerWebAPI2 operation with parameters as JSON',
	action: 'Execute a custom operation',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation Name',
		name: 'operationName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ClientRead',
		description: 'Any PartnerWebAPI2 operation, as the vendor names it',
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parameters',
		type: 'json',
		default: '{}',
		description:
			"The operation's parameters: an object is sent as a structure (Структура), a list of objects as a table (Таблица значений), one row per object, for a batch. Nested objects and lists are sent the same way.",
	},
	{
		displayName: 'Read Only',
		name: 'readOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether the operation only reads: then it is sent again after a gateway error or a dropped connection. Otherwise it is sent once, since 1C-Connect may have applied it.',
	},
	{
		displayName: 'Split Table Rows Into Items',
		name: 'splitRows',
		type: 'boolean',
		default: true,
		description:
			'Whether a table (Таблица значений) in the reply gives one item per row, rather than one item',
	},
	requestOptions,
];

const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const PARAMETERS: JsonObjectField = {
	label: 'Parameters (JSON)',
	example: '{"ClientID": "…"}, or a list of such objects for a batch',
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const operation = String(this.getNodeParameter('operationName', itemIndex)).trim();
		if (!OPERATION_NAME.test(operation)) {
			throw inputError(
				this.getNode(),
				`"${operation}" is not an operation name (${itemName(itemIndex)})`,
				'Use the name as 1C-Connect documents it, such as ClientRead or GetHistoryOfServiceCalls.',
				itemIndex,
			);
		}
		const params = readParameters(
			this.getNode(),
			this.getNodeParameter('parameters', itemIndex, '{}'),
			itemIndex,
		);
		const result = await oneCApiRequest(this, {
			operation,
			params,
			effect: this.getNodeParameter('readOnly', itemIndex) ? 'read' : 'write',
			itemIndex,
			timeoutMs: timeoutMsOf(this, itemIndex),
		});
		if (Array.isArray(result) && this.getNodeParameter('splitRows', itemIndex)) {
			return result.map((row) =>
				row !== null && typeof row === 'object' && !Array.isArray(row)
					? (row as IDataObject)
					: { value: row },
			);
		}
		return { result } as IDataObject;
	});
}

/** A Structure (a JSON object) or a ValueTable (a list of objects), checked before any call. */
function readParameters(
	node: INode,
	value: unknown,
	itemIndex: number,
): IDataObject | IDataObject[] {
	const rows = listOf(value);
	if (rows && !rows.every(isPlainObject)) {
		throw inputError(
			node,
			`"${PARAMETERS.label}" in ${itemName(itemIndex)} must be a JSON object or a list of objects`,
			`Write "${PARAMETERS.label}" as a JSON object, such as ${PARAMETERS.example}.`,
			itemIndex,
		);
	}
	const params = rows ?? readJsonObject(node, value, PARAMETERS, itemIndex);
	try {
		encodeXdtoElement('check', params);
	} catch (error) {
		const reason = error instanceof XdtoError ? error.message : String(error);
		throw inputError(
			node,
			`Cannot send "${PARAMETERS.label}" of ${itemName(itemIndex)}: ${reason}`,
			'Correct the value.',
			itemIndex,
		);
	}
	return params as IDataObject | IDataObject[];
}

/** The value as a list when it is one (or JSON text of one); readJsonObject judges the rest. */
function listOf(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (typeof value !== 'string' || !value.trim().startsWith('[')) return undefined;
	try {
		const parsed: unknown = JSON.parse(value);
		return Array.isArray(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
