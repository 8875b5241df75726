import { createRequire } from 'node:module';

import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { N8nHarness, NodeUnderTest } from '../test/harness/n8n-harness';

export interface BenchPoll {
	items: INodeExecutionData[];
	error?: Error;
	ms: number;
	/** What n8n would save after this poll: it saves only when the trigger changed static data. */
	written: boolean;
	staticBytes: number;
}

const requireFromHere = createRequire(__filename);
const { Container } = requireFromHere(
	requireFromHere.resolve('@n8n/di', { paths: [requireFromHere.resolve('n8n-core')] }),
) as typeof import('@n8n/di');

/**
 * The harness's poller, also telling whether a poll changed static data (n8n's
 * `__dataChanged`, the flag that makes it write the workflow's static data to its database).
 */
export function benchPoller(harness: N8nHarness, node: NodeUnderTest) {
	let stored: IDataObject = {};
	return async (): Promise<BenchPoll> => {
		const { workflow, node: pollNode, additionalData } = harness.triggerSetup(node, 'trigger');
		workflow.overrideStaticData(structuredClone(stored));
		(workflow.staticData as { __dataChanged: boolean }).__dataChanged = false;
		const emitted: INodeExecutionData[] = [];
		let failure: Error | undefined;
		const context = new PollContext(
			workflow,
			pollNode,
			additionalData,
			'trigger',
			'activate',
			(data) => emitted.push(...data.flat()),
			(error) => (failure = error),
		);
		const begin = performance.now();
		await Container.get(PollTriggerExecutor).create(workflow, pollNode, context, () => true)(false);
		const ms = performance.now() - begin;
		const written = (workflow.staticData as { __dataChanged?: boolean }).__dataChanged === true;
		const text = JSON.stringify(workflow.staticData);
		if (!failure) stored = JSON.parse(text) as IDataObject;
		return {
			items: emitted,
			error: failure,
			ms,
			written,
			staticBytes: Buffer.byteLength(text),
		};
	};
}
