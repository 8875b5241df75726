import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	NodeParameterValueType,
} from 'n8n-workflow';

import { testNodeDescription } from '../test/harness/test-node-description';

export const NOOP_NODE = 'benchNoop';

function propertyOf(name: string, value: NodeParameterValueType): INodeProperties {
	const base = { displayName: name, name };
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		if ('__rl' in value) {
			return {
				...base,
				type: 'resourceLocator',
				default: { mode: 'id', value: '' },
				modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
			};
		}
		return {
			...base,
			type: 'collection',
			default: {},
			options: Object.keys(value).map((key) => ({
				displayName: key,
				name: key,
				type: 'string' as const,
				default: '',
			})),
		};
	}
	if (typeof value === 'number') return { ...base, type: 'number', default: 0 };
	if (typeof value === 'boolean') return { ...base, type: 'boolean', default: false };
	return { ...base, type: 'string', default: '' };
}

/** Properties that match `parameters`, so n8n keeps and evaluates every one. */
export function propertiesOf(parameters: INodeParameters): INodeProperties[] {
	return Object.entries(parameters).map(([name, value]) => propertyOf(name, value));
}

/**
 * n8n's own cost of an operation: declares the node's parameters, reads each of them for every
 * item (so expressions are evaluated as the node would) and passes the item on, paired.
 */
export class BenchNoopNode implements INodeType {
	description = testNodeDescription(NOOP_NODE);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const names = this.getNode().parameters;
		return [
			this.getInputData().map((item, itemIndex) => {
				for (const name of Object.keys(names)) this.getNodeParameter(name, itemIndex);
				return { json: item.json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

/** A no-op node type whose properties match `parameters`, so n8n keeps and evaluates every one. */
export function noopNodeFor(parameters: INodeParameters): BenchNoopNode {
	const node = new BenchNoopNode();
	node.description = testNodeDescription(NOOP_NODE, undefined, propertiesOf(parameters));
	return node;
}
