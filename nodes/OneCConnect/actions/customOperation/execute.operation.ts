import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { requestOptions, timeoutMsOf } from '../../request-timeout';
import { oneCApiRequest } from '../../transport';
import { XdtoError, encodeXdtoElement } from '../../xdto/codec';

const properties: INodeProperties[] = [
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
			'The Params value: an object is sent as a Structure, an array of objects as a ValueTable (a batch). Nested objects become Structures, arrays of objects ValueTables.',
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
		description: 'Whether a ValueTable result gives one item per row, rather than one item',
	},
	requestOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customOperation'], operation: ['execute'] } },
	properties,
);

const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const operation = String(this.getNodeParameter('operationName', itemIndex)).trim();
		if (!OPERATION_NAME.test(operation)) {
			throw inputError(
				this.getNode(),
				`"${operation}" is not an operation name (item ${itemIndex})`,
				'Use the name as 1C-Connect documents it, such as ClientRead or GetHistoryOfServiceCalls.',
				itemIndex,
			);
		}
		const params = readParameters(this, itemIndex);
		const result = await oneCApiRequest(this, {
			operation,
			params,
			idempotent: this.getNodeParameter('readOnly', itemIndex) as boolean,
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

function readParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject | IDataObject[] {
	const raw = context.getNodeParameter('parameters', itemIndex, '{}') as unknown;
	let value = raw;
	try {
		if (typeof raw === 'string') value = raw.trim() === '' ? {} : JSON.parse(raw);
	} catch {
		throw inputError(
			context.getNode(),
			`Parameters (JSON) of item ${itemIndex} is not valid JSON`,
			'Write a JSON object, or an array of objects for a batch.',
			itemIndex,
		);
	}
	const isObject = (entry: unknown) =>
		typeof entry === 'object' && entry !== null && !Array.isArray(entry);
	const valid = isObject(value) || (Array.isArray(value) && value.every(isObject));
	if (!valid) {
		throw inputError(
			context.getNode(),
			`Parameters (JSON) of item ${itemIndex} must be an object or an array of objects`,
			'1C-Connect takes one Params value: a Structure (object) or a ValueTable (array of objects).',
			itemIndex,
		);
	}
	try {
		encodeXdtoElement('check', value as IDataObject);
	} catch (error) {
		const reason = error instanceof XdtoError ? error.message : String(error);
		throw inputError(
			context.getNode(),
			`Item ${itemIndex}: ${reason}`,
			'Correct the value.',
			itemIndex,
		);
	}
	return value as IDataObject | IDataObject[];
}
