import { TriggerContext } from 'n8n-core';
import type { INodeExecutionData, INodeType, ITriggerResponse } from 'n8n-workflow';

import type { N8nHarness, NodeUnderTest } from './n8n-harness';

export interface RunningTrigger {
	/** Every item emitted so far, in order. */
	readonly items: INodeExecutionData[];
	/** How many times the trigger emitted (each would start one execution). */
	readonly emits: number;
	readonly errors: Error[];
	/** Resolves once at least `count` items were emitted; rejects after `timeoutMs`. */
	waitForItems(count: number, timeoutMs?: number): Promise<INodeExecutionData[]>;
	waitForError(timeoutMs?: number): Promise<Error>;
	response: ITriggerResponse;
	close(): Promise<void>;
}

/**
 * Runs a trigger node's `trigger()` with n8n-core's own TriggerContext, as an active workflow
 * (mode 'trigger') or the editor's test run (mode 'manual'), collecting what it emits.
 */
export async function startTrigger(
	harness: N8nHarness,
	nodeUnderTest: NodeUnderTest,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<RunningTrigger> {
	const { workflow, node, additionalData } = harness.triggerSetup(nodeUnderTest, mode);
	const items: INodeExecutionData[] = [];
	const errors: Error[] = [];
	let emits = 0;
	const waiters = new Set<() => void>();
	const notify = () => waiters.forEach((check) => check());
	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		mode,
		'activate',
		(data) => {
			emits++;
			items.push(...(data[0] ?? []));
			notify();
		},
		(error) => {
			errors.push(error);
			notify();
		},
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	if (!nodeType.trigger) throw new Error(`${node.type} has no trigger()`);
	const response = (await nodeType.trigger.call(context)) ?? {};

	const waitFor = <T>(ready: () => T | undefined, timeoutMs: number, what: string) =>
		new Promise<T>((resolve, reject) => {
			const check = () => {
				const value = ready();
				if (value === undefined) return;
				clearTimeout(timer);
				waiters.delete(check);
				resolve(value);
			};
			const timer = setTimeout(() => {
				waiters.delete(check);
				reject(new Error(`Timed out waiting for ${what}; got ${items.length} items`));
			}, timeoutMs);
			waiters.add(check);
			check();
		});

	return {
		items,
		get emits() {
			return emits;
		},
		errors,
		response,
		waitForItems: async (count, timeoutMs = 10_000) =>
			await waitFor(
				() => (items.length >= count ? [...items] : undefined),
				timeoutMs,
				`${count} items`,
			),
		waitForError: async (timeoutMs = 10_000) =>
			await waitFor(() => errors[0], timeoutMs, 'an error'),
		close: async () => await response.closeFunction?.(),
	};
}
