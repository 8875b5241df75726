import type {
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asItemError, errorItem } from './item-errors';

type ItemError = NodeApiError | NodeOperationError;

/**
 * What every item runner shares: each input item ends with its outputs or its error, and the
 * node's "Continue On Fail" (read here and nowhere else) decides what an error does. With it
 * the error becomes an error item in the item's place; without it the node fails with the
 * error of the lowest failed item. Outputs keep the input order and name their items.
 */
export class ItemOutcomes {
	readonly count: number;
	readonly continueOnFail: boolean;
	private readonly outputs: Array<INodeExecutionData[] | undefined>;
	private readonly failures = new Map<number, ItemError>();

	constructor(private readonly context: IExecuteFunctions) {
		this.count = context.getInputData().length;
		this.continueOnFail = context.continueOnFail();
		this.outputs = new Array<INodeExecutionData[] | undefined>(this.count);
	}

	/** Whether the run should start no further item (a failure, and no Continue On Fail). */
	get stopping(): boolean {
		return this.failures.size > 0 && !this.continueOnFail;
	}

	get anyFailed(): boolean {
		return this.failures.size > 0;
	}

	succeed(itemIndex: number, items: INodeExecutionData[]): void {
		this.outputs[itemIndex] = items;
	}

	/** Records the item's failure; `now` throws it at once unless failed items may continue. */
	fail(itemIndex: number, error: unknown, now = false): void {
		const itemError = asItemError(this.context, error, itemIndex);
		if (now && !this.continueOnFail) throw itemError;
		this.failures.set(itemIndex, itemError);
		this.outputs[itemIndex] = [errorItem(itemError, itemIndex)];
	}

	failed(itemIndex: number): boolean {
		return this.failures.has(itemIndex);
	}

	output(): INodeExecutionData[] {
		if (this.stopping) throw this.failures.get(Math.min(...this.failures.keys()));
		return this.outputs.flatMap((items) => items ?? []);
	}
}
