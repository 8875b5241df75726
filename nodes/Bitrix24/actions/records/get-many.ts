import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { MULTI_FIELDS } from '../../crm/field-values';
import type { RecordKind } from '../../crm/record-kinds';
import { BITRIX24_CONCURRENCY } from '../../transport';
import { listByIdChain, listByStartPages } from '../../transport/batch';
import { targetOf } from '../parameters/portal-options';
import { simplifyProperty } from './parameters';
import { outputRecord } from './record-output';
import { batchLimits } from './run-commands';
import { scopeOf } from './scope';

/** The operators a condition offers, as Bitrix24's filter key prefixes. */
const OPERATORS = [
	{ name: 'Equals', value: '=' },
	{ name: 'Not Equals', value: '!' },
	{ name: 'Greater Than', value: '>' },
	{ name: 'Greater Than or Equal', value: '>=' },
	{ name: 'Less Than', value: '<' },
	{ name: 'Less Than or Equal', value: '<=' },
	{ name: 'Contains', value: '%' },
	{ name: 'Is One Of', value: '@' },
];
const LIST_OPERATORS = new Set(['@', '!']);

const fieldPicker = {
	loadOptionsMethod: 'getListFields',
	loadOptionsDependsOn: ['resource', 'entityTypeId'],
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description: 'Records must meet every condition',
		options: [
			{
				displayName: 'Conditions',
				name: 'conditions',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: fieldPicker,
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATORS,
						default: '=',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For "Is One Of" and "Not Equals", several values separated by commas',
					},
				],
			},
		],
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fieldSet',
				type: 'options',
				options: [
					{
						name: 'All Fields',
						value: 'all',
						description: 'Standard and custom fields, phones, e-mails, websites and messengers',
					},
					{
						name: 'Selected Fields Only',
						value: 'selected',
						description: 'The ID and the fields chosen in Fields to Return',
					},
				],
				default: 'all',
				description: 'Which fields each record holds',
			},
			{
				displayName: 'Fields to Return Names or IDs',
				name: 'select',
				type: 'multiOptions',
				typeOptions: fieldPicker,
				default: [],
				description:
					'With Fields "Selected Fields Only": the fields each record holds. With "All Fields": fields to add to them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Filter (JSON)',
				name: 'rawFilter',
				type: 'json',
				default: '{}',
				description:
					'Conditions in Bitrix24\'s own filter syntax, added to those above, e.g. {">=DATE_CREATE": "2026-01-01", "@STAGE_ID": ["WON"]}',
			},
			{
				displayName: 'Sort By Name or ID',
				name: 'orderBy',
				type: 'options',
				typeOptions: fieldPicker,
				default: '',
				description:
					'Order by ID (the default) reads all records in the fewest requests. With Return All and another order, records are read by ID (none skipped or repeated while others change) and sorted in n8n, up to 100,000 records. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sort Direction',
				name: 'orderDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
		],
	},
];

/** The conditions and the raw filter as one Bitrix24 filter. */
export function filterOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const conditions = context.getNodeParameter('filters.conditions', itemIndex, []) as IDataObject[];
	const filter: IDataObject = {};
	conditions.forEach((condition, index) => {
		const field = String(condition.field ?? '').trim();
		const operator = String(condition.operator ?? '=');
		if (field === '') {
			throw inputError(
				context.getNode(),
				`Condition ${index + 1} of "Filters" in item ${itemIndex} names no field`,
				'Pick the field the condition tests, or remove the condition.',
				itemIndex,
			);
		}
		const text = String(condition.value ?? '');
		filter[`${operator}${field}`] =
			LIST_OPERATORS.has(operator) && text.includes(',')
				? text.split(',').map((value) => value.trim())
				: text;
	});
	const raw = readJsonObject(
		context.getNode(),
		context.getNodeParameter('options.rawFilter', itemIndex, '{}'),
		{ label: 'Filter (JSON)', example: '{">OPPORTUNITY": 1000}' },
		itemIndex,
	);
	return { ...filter, ...raw };
}

export function getManyOperation(kind: RecordKind, scope: INodeProperties[] = []): OperationModule {
	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			description: `Get many ${kind.label.toLowerCase()}s; Return All reads up to 2,500 a request`,
			action: `Get many ${kind.label.toLowerCase()}s`,
		},
		properties: [...scope, ...properties],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const target = targetOf(this);
			return await runPerItem(
				this,
				async (itemIndex) => {
					const rows = await listRecords(this, kind, itemIndex, target);
					return rows.map((row) => outputRecord(this, itemIndex, row));
				},
				{ concurrency: BITRIX24_CONCURRENCY },
			);
		},
	};
}

/** Return All in another order than by ID reads by ID and sorts in n8n up to this many records. */
export const MAX_SORTED_ROWS = 100_000;

/**
 * What `select` asks for. All Fields: `*` (standard fields), `UF_*` (custom fields) and the
 * multi-fields, which `*` leaves out (REST docs, api-reference/crm/contacts/crm-contact-list.md),
 * with any field chosen added. Selected Fields Only: the ID and the fields chosen.
 */
function selectOf(context: IExecuteFunctions, kind: RecordKind, itemIndex: number): string[] {
	const chosen = (context.getNodeParameter('options.select', itemIndex, []) as string[]) ?? [];
	const only = context.getNodeParameter('options.fieldSet', itemIndex, 'all') === 'selected';
	if (only || kind.methods.list !== `crm.${kind.resource}.list`) {
		return chosen.length > 0 ? [...new Set([kind.idField, ...chosen])] : [];
	}
	return [...new Set(['*', 'UF_*', ...(kind.multiFields ? MULTI_FIELDS : []), ...chosen])];
}

/** Rows in the order Bitrix24 gives them: numbers as numbers, empty values first. */
function sortedRows(rows: IDataObject[], field: string, descending: boolean): IDataObject[] {
	const valueOf = (row: IDataObject) => row[field] ?? row[field.toLowerCase()];
	const compare = (a: IDataObject, b: IDataObject) => {
		const left = valueOf(a);
		const right = valueOf(b);
		const emptyLeft = left === null || left === undefined || left === '';
		const emptyRight = right === null || right === undefined || right === '';
		if (emptyLeft || emptyRight) return Number(emptyRight) - Number(emptyLeft);
		const numbers = [Number(left), Number(right)];
		if (numbers.every(Number.isFinite)) return numbers[0] - numbers[1];
		return String(left).localeCompare(String(right), 'ru');
	};
	return [...rows].sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
}

function tooManyToSort(context: IExecuteFunctions, kind: RecordKind, itemIndex: number) {
	return inputError(
		context.getNode(),
		`More than ${MAX_SORTED_ROWS.toLocaleString('en-US')} ${kind.label.toLowerCase()}s match in item ${itemIndex}, too many to sort in n8n`,
		'Sort by ID (the default), narrow the filter, or use a Limit instead of Return All.',
		itemIndex,
	);
}

async function listRecords(
	context: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	target: ReturnType<typeof targetOf>,
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const limit = returnAll ? Infinity : Number(context.getNodeParameter('limit', itemIndex, 50));
	const select = selectOf(context, kind, itemIndex);
	const orderBy = String(
		context.getNodeParameter('options.orderBy', itemIndex, '') || kind.idField,
	);
	const direction = String(context.getNodeParameter('options.orderDirection', itemIndex, 'ASC'));
	const params: IDataObject = {
		...scopeOf(context, kind, itemIndex),
		filter: filterOf(context, itemIndex),
		...(select.length > 0 ? { select } : {}),
	};
	const limits = { ...batchLimits(context), itemIndex };

	const byId = orderBy.toUpperCase() === kind.idField.toUpperCase() && direction === 'ASC';
	if (byId || returnAll) {
		const chain = {
			method: kind.methods.list,
			params,
			idField: kind.idField,
			idKey: kind.idKey,
			rowsKey: kind.rowsKey,
			itemIndex,
		};
		if (byId) return await listByIdChain(context, target, chain, limits, limit);
		const rows = await listByIdChain(context, target, chain, limits, MAX_SORTED_ROWS + 1);
		if (rows.length > MAX_SORTED_ROWS) throw tooManyToSort(context, kind, itemIndex);
		return sortedRows(rows, orderBy, direction === 'DESC');
	}
	const rows = await listByStartPages(
		context,
		target,
		{
			method: kind.methods.list,
			params: { ...params, order: { [orderBy]: direction } },
			effect: 'read',
			...limits,
		},
		limit,
	);
	return rows as IDataObject[];
}
