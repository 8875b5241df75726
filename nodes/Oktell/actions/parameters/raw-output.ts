import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemParameter } from '../../../shared/parameters/run-parameter';

export const rawOutputProperty: INodeProperties = {
	displayName: 'Raw Output',
	name: 'rawOutput',
	type: 'boolean',
	default: false,
	description: "Whether to output Oktell's XML reply as text in `xml` instead of clean JSON",
};

export function wantsRawOutput(context: IExecuteFunctions, itemIndex: number): boolean {
	return itemParameter<boolean>(context, 'rawOutput', itemIndex, false);
}
