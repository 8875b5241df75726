import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { UnnamedCommand } from '../../transport/batch';
import { PAGE_SIZE } from '../../transport/batch';
import { targetOf } from '../parameters/portal-options';
import type { ItemCommand } from './run-commands';
import { resultOf, runStagedItems, sendCommandList } from './staged-items';

/** A list method read for each item: its first page, then the pages its `total` names. */
export interface ListPlan {
	commandOf: (itemIndex: number) => ItemCommand;
	rowsOf: (result: unknown) => IDataObject[];
	toOutput: (row: IDataObject, itemIndex: number) => IDataObject;
}

/** More rows than this for one item is refused rather than read page by page. */
export const MAX_LIST_ROWS = 10_000;

interface Wanted {
	command: ItemCommand;
	limit: number;
}

/**
 * Get Many across items: every item's first page 50 commands to a `batch`, then every further
 * page any item needs (its `total`, up to its Limit) in the same way. The pages follow from the
 * total the first page gave, so the reading cannot loop.
 */
export async function listAcrossItems(
	context: IExecuteFunctions,
	plan: ListPlan,
): Promise<INodeExecutionData[]> {
	const target = targetOf(context);
	return await runStagedItems<Wanted>(
		context,
		(itemIndex) => ({ command: plan.commandOf(itemIndex), limit: limitOf(context, itemIndex) }),
		async (wanted) => {
			const page = (itemIndex: number, start: number): UnnamedCommand => {
				const { command } = wanted.get(itemIndex) as Wanted;
				return {
					method: command.method,
					params: { ...command.params, start },
				};
			};
			const items = [...wanted];
			const first = await sendCommandList(
				context,
				target,
				items.map(([itemIndex]) => page(itemIndex, 0)),
				'read',
			);
			const results = new Map<number, IDataObject[] | Error>();
			const rest: UnnamedCommand[] = [];
			const pagesOfItem = new Map<number, number[]>();
			for (const [position, [itemIndex, { limit }]] of items.entries()) {
				try {
					const total = first[position];
					const rows = plan.rowsOf(resultOf(total));
					const count = total?.ok && typeof total.total === 'number' ? total.total : rows.length;
					const end = Math.min(count, limit);
					if (end > MAX_LIST_ROWS) throw tooMany(context, itemIndex, count);
					const more: number[] = [];
					for (let start = PAGE_SIZE; rows.length >= PAGE_SIZE && start < end; start += PAGE_SIZE) {
						more.push(rest.length);
						rest.push(page(itemIndex, start));
					}
					pagesOfItem.set(itemIndex, more);
					results.set(itemIndex, rows);
				} catch (error) {
					results.set(itemIndex, error as Error);
				}
			}
			const pages = await sendCommandList(context, target, rest, 'read');
			for (const [itemIndex, more] of pagesOfItem) {
				try {
					const rows = [
						...(results.get(itemIndex) as IDataObject[]),
						...more.flatMap((position) => plan.rowsOf(resultOf(pages[position]))),
					];
					const limit = (wanted.get(itemIndex) as Wanted).limit;
					results.set(
						itemIndex,
						rows.slice(0, limit).map((row) => plan.toOutput(row, itemIndex)),
					);
				} catch (error) {
					results.set(itemIndex, error as Error);
				}
			}
			return results;
		},
	);
}

function limitOf(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError(
			context.getNode(),
			`"Limit" in item ${itemIndex} is not a whole number above 0: ${JSON.stringify(limit)}`,
			'Give how many results to return, such as 50, or turn on Return All.',
			itemIndex,
		);
	}
	return limit;
}

function tooMany(context: IExecuteFunctions, itemIndex: number, count: number) {
	return inputError(
		context.getNode(),
		`Item ${itemIndex} matches ${count.toLocaleString('en-US')} rows, more than the ${MAX_LIST_ROWS.toLocaleString('en-US')} read for one item`,
		'Use a Limit instead of Return All.',
		itemIndex,
	);
}
