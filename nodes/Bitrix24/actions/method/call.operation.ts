import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runBatchedAcrossItems } from '../../../shared/execution/batch-across-items';
import { runPerItem } from '../../../shared/execution/per-item';
import { jsonObject } from '../../helpers/json-object';
import { bitrixApiRequest, bitrixApiRequestAllItems, checkMethodName } from '../../transport';
import type { BatchCommand, CommandOutcome } from '../../transport/batch';
import { BATCH_CONCURRENCY, BATCH_SIZE, runBatch } from '../../transport/batch';
import { bitrixError } from '../../transport/errors';
import { optionsProperty, targetOf } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm.deal.list',
		description: 'The REST method to call, such as crm.deal.list, crm.lead.add or user.current',
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'json',
		default: '{}',
		description:
			'The method\'s parameters as a JSON object, e.g. {"filter": {">ID": 10}, "select": ["ID", "TITLE"]}',
	},
	{
		displayName:
			'On: every page of a list method, one item per record. Off: one item per call with its result, total and next; many items are then sent together through batch, 50 calls per request.',
		name: 'pagingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['method'], operation: ['call'] } },
	properties,
);

interface Call {
	method: string;
	params: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	const callOf = (itemIndex: number): Call => ({
		method: checkMethodName(this, String(this.getNodeParameter('method', itemIndex)), itemIndex),
		params: jsonObject(
			this.getNode(),
			this.getNodeParameter('parameters', itemIndex),
			'Parameters',
			itemIndex,
		),
	});

	if (this.getNodeParameter('returnAll', 0) as boolean) {
		return await runPerItem(this, async (itemIndex) => {
			const records = await bitrixApiRequestAllItems(this, target, {
				...callOf(itemIndex),
				itemIndex,
			});
			return records.map((record) =>
				record && typeof record === 'object'
					? (record as IDataObject)
					: ({ value: record } as IDataObject),
			);
		});
	}

	if (this.getInputData().length === 1) {
		return await runPerItem(this, async (itemIndex) => {
			const { result, total, next } = await bitrixApiRequest(this, target, {
				...callOf(itemIndex),
				itemIndex,
			});
			return replyItem({ ok: true, result, total, next });
		});
	}

	const calls = new Map<string, Call>();
	return await runBatchedAcrossItems<CommandOutcome>(this, {
		keysOf: (itemIndex) => {
			const key = `item${itemIndex}`;
			calls.set(key, callOf(itemIndex));
			return [key];
		},
		fetchChunk: async (keys) => {
			const commands: BatchCommand[] = keys.map((key) => ({ key, ...(calls.get(key) as Call) }));
			return await runBatch(this, target, commands);
		},
		toOutput: (key, outcome) => {
			if (outcome?.ok) return replyItem(outcome);
			throw bitrixError(this, {
				status: 0,
				reply: outcome?.error ?? {
					error: 'NO_RESULT',
					error_description: 'the batch reply had no entry for this call',
				},
				text: '',
				attempts: 1,
				mode: target.mode,
				method: (calls.get(key) as Call).method,
			});
		},
		maxBatchSize: BATCH_SIZE,
		concurrency: BATCH_CONCURRENCY,
	});
}

function replyItem(outcome: Extract<CommandOutcome, { ok: true }>): IDataObject {
	const item: IDataObject = { result: outcome.result as IDataObject };
	if (outcome.total !== undefined) item.total = outcome.total;
	if (outcome.next !== undefined) item.next = outcome.next;
	return item;
}
