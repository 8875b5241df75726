import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { OKTELL_CONCURRENCY } from '../../nodes/Oktell/transport';
import { OneCConnect } from '../../nodes/OneCConnect/OneCConnect.node';
import { useOktell } from '../oktell/oktell-fixture';

const LATENCY = { latencyMs: 40, ratio: 1 };
const unknownUser = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe('Max Parallel Requests, through a real node', () => {
	const oktell = useOktell();
	const getState = (count: number, options: INodeParameters) =>
		oktell.run(
			{ resource: 'user', operation: 'getState', userId: '={{ $json.userId }}', options },
			Array.from({ length: count }, (_, index) => ({ userId: unknownUser(index) })),
			true,
		);

	test('raises the number of requests in flight above the default, and never past the setting', async () => {
		oktell.simulator.injectFault(LATENCY);
		const result = await getState(41, { maxParallelRequests: 20 });

		assert.equal(result.items.length, 41);
		assert.equal(oktell.simulator.requests.length, 41);
		assert.ok(oktell.simulator.maxConcurrentRequests > OKTELL_CONCURRENCY);
		assert.ok(oktell.simulator.maxConcurrentRequests <= 20);
	});

	test('1 sends the items one after another', async () => {
		oktell.simulator.injectFault(LATENCY);
		await getState(8, { maxParallelRequests: 1 });
		assert.equal(oktell.simulator.maxConcurrentRequests, 1);
	});

	test('an expression that gives no whole number fails the run before any request, naming the option', async () => {
		const result = await getState(3, { maxParallelRequests: '={{ "many" }}' });
		assert.match(result.error?.message ?? '', /Max Parallel Requests must be a whole number/);
		assert.equal(oktell.simulator.requests.length, 0);
	});
});

describe('Max Parallel Requests, where it is offered', () => {
	const optionNames = (node: INodeType, resource: string, operation: string) =>
		node.description.properties
			.filter((property) => property.name === 'options')
			.filter((property) => {
				const show = property.displayOptions?.show ?? {};
				return (
					(show.resource as string[] | undefined)?.includes(resource) &&
					(show.operation as string[] | undefined)?.includes(operation)
				);
			})
			.flatMap((property) => (property.options as INodeProperties[]).map((option) => option.name));

	test('1C-Connect offers it on reads sent one per item, not on changes or batched calls', () => {
		const node = new OneCConnect();
		assert.ok(optionNames(node, 'client', 'getItsStatus').includes('maxParallelRequests'));
		assert.ok(!optionNames(node, 'client', 'create').includes('maxParallelRequests'));
		assert.ok(!optionNames(node, 'client', 'delete').includes('maxParallelRequests'));
	});
});
