import type { IExecuteFunctions } from 'n8n-workflow';

/** The Limit of a Get Many, or undefined when Return All is on. */
export function limitOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false)) return undefined;
	return Math.max(1, Number(context.getNodeParameter('limit', itemIndex, 50)));
}
