import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { RequestLimits } from '../../../shared/description/request-limits';
import { maxReplySizeOption, timeoutOption } from '../../../shared/description/request-limits';
import { runChunkedAcrossItems } from '../../../shared/execution/across-items';
import { runParameter } from '../../../shared/parameters/run-parameter';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { methodReads } from '../../helpers/method-effect';
import type { BitrixCall } from '../../transport';
import {
	BITRIX24_CONCURRENCY,
	MAX_REPLY_MEGABYTES,
	TIMEOUT_SECONDS,
	bitrixApiRequest,
	checkMethodName,
} from '../../transport';
import type { BatchRequest, CommandOutcome } from '../../transport/batch';
import {
	BATCH_CONCURRENCY,
	BATCH_SIZE,
	listByStartPages,
	runItemBatch,
} from '../../transport/batch';
import { LIMITS_HINT } from '../records/run-commands';
import {
	optionsProperty,
	planOption,
	requestLimitsOf,
	targetOf,
} from '../parameters/portal-options';
import type { Effect } from '../../../shared/http/effect';

export const option: OperationModule['option'] = {
	name: 'Call',
	value: 'call',
	description: 'Call any REST method; many items go together through batch',
	action: 'Call a REST method',
};

export const properties: INodeProperties[] = [
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
			'The method\'s parameters as a JSON object, e.g. {"filter": {"STAGE_ID": "WON"}, "select": ["ID", "TITLE"]}',
	},
	{
		displayName:
			'On: every page of a list method, one item per record; after the first page (which gives the total) the pages go 50 to a batch request. Off: one item per call with its result, total and next; many items are then sent together through batch, 50 calls per request.',
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
	{
		...optionsProperty,
		options: [
			maxReplySizeOption(MAX_REPLY_MEGABYTES),
			planOption,
			{
				displayName: 'Read Only (Safe to Repeat)',
				name: 'readOnly',
				type: 'boolean',
				default: false,
				description:
					"Whether the method only reads. Without this option the method's name decides: .get, .list, .fields, .getFields and .getList read (but event.offline.get and im.notify.read.list change things), any other name may change something. A read is sent again after a gateway error or a dropped connection; a change never is, since Bitrix24 may already have made it.",
			},
			timeoutOption(TIMEOUT_SECONDS),
		],
	},
];

const PARAMETERS = {
	label: 'Parameters',
	example: '{"filter": {"STAGE_ID": "WON"}, "select": ["ID", "TITLE"]}',
};

interface Call extends RequestLimits {
	method: string;
	params: IDataObject;
	effect: Effect;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	const node = this.getNode();
	const methodOf = runParameter<unknown>(this, 'method', '');
	const readOnlyOf = runParameter<unknown>(this, 'options.readOnly', null);
	const callOf = (itemIndex: number): Call => {
		const method = checkMethodName(this, String(methodOf(itemIndex)), itemIndex);
		return {
			method,
			params: readJsonObject(
				node,
				this.getNodeParameter('parameters', itemIndex),
				PARAMETERS,
				itemIndex,
			),
			effect: callReads(method, readOnlyOf(itemIndex)) ? 'read' : 'write',
			...requestLimitsOf(this, itemIndex),
		};
	};
	const bitrixCall = (itemIndex: number): BitrixCall => ({
		...callOf(itemIndex),
		itemIndex,
		limitsHint: LIMITS_HINT,
	});

	if (this.getNodeParameter('returnAll', 0) as boolean) {
		return await runPerItem(
			this,
			async (itemIndex) => {
				const records = await listByStartPages(this, target, bitrixCall(itemIndex));
				return records.map((record) =>
					record && typeof record === 'object'
						? (record as IDataObject)
						: ({ value: record } as IDataObject),
				);
			},
			{ concurrency: BITRIX24_CONCURRENCY, effect: allRead(this) ? 'read' : 'write' },
		);
	}

	if (this.getInputData().length === 1) {
		return await runPerItem(this, async (itemIndex) => {
			const { result, total, next } = await bitrixApiRequest(this, target, bitrixCall(itemIndex));
			return replyItem({ ok: true, result, total, next });
		});
	}

	return await runChunkedAcrossItems<Call, CommandOutcome>(this, {
		rowOf: callOf,
		sendChunk: async (chunk, itemIndexes) =>
			await runItemBatch(
				this,
				target,
				chunk.map(({ method, params }, position) => ({
					itemIndex: itemIndexes[position],
					method,
					params,
				})),
				batchRequest(chunk),
			),
		toOutput: (outcome) => {
			if (!outcome.ok) throw outcome.error;
			return replyItem(outcome);
		},
		maxChunkSize: BATCH_SIZE,
		concurrency: BATCH_CONCURRENCY,
	});
}

/** One `batch` call for several items: safe to repeat only when every command in it reads. */
function batchRequest(chunk: Call[]): BatchRequest {
	return {
		effect: chunk.every((call) => call.effect === 'read') ? 'read' : 'write',
		timeoutMs: Math.max(...chunk.map((call) => call.timeoutMs ?? TIMEOUT_SECONDS * 1000)),
		maxReplyBytes: Math.max(
			...chunk.map((call) => call.maxReplyBytes ?? MAX_REPLY_MEGABYTES * 1024 * 1024),
		),
		limitsHint: LIMITS_HINT,
	};
}

function replyItem(outcome: Extract<CommandOutcome, { ok: true }>): IDataObject {
	const item: IDataObject = { result: outcome.result as IDataObject };
	if (outcome.total !== undefined) item.total = outcome.total;
	if (outcome.next !== undefined) item.next = outcome.next;
	return item;
}

/**
 * The Read Only option, when added, says whether the call reads; left out (as in every workflow
 * saved before the method's name decided), the name does. A boolean cannot hold a third value, so
 * "decide by the name" is the option's absence.
 */
function callReads(method: string, readOnly: unknown): boolean {
	return typeof readOnly === 'boolean' ? readOnly : methodReads(method);
}

/** Calls that read in every item may run side by side; any other call may write. */
function allRead(context: IExecuteFunctions): boolean {
	return context.getInputData().every((_, itemIndex) => {
		try {
			const method = String(context.getNodeParameter('method', itemIndex, ''));
			return callReads(method, context.getNodeParameter('options.readOnly', itemIndex, null));
		} catch {
			return false;
		}
	});
}
