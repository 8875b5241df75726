import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { RecordKind } from '../../crm/record-kinds';

/** Smart process items belong to a process: every call names it (`entityTypeId`). */
export const smartProcessProperty: INodeProperties = {
	displayName: 'Smart Process Name or ID',
	name: 'entityTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSmartProcesses' },
	default: '',
	description:
		'The smart process whose items to work with. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The parameters that pick the records' scope: the smart process, for items of a picked one. */
export function scopeProperties(kind: RecordKind): INodeProperties[] {
	return kind.entityTypeId === 'picked' ? [smartProcessProperty] : [];
}

/** The parameters every call for this kind of record carries (the smart process), for one item. */
export function scopeOf(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	kind: RecordKind,
	itemIndex?: number,
): IDataObject {
	// A kind of the universal methods with its own type (a quote) names it in every call.
	if (typeof kind.entityTypeId === 'number') {
		return kind.recordKey === 'item' ? { entityTypeId: kind.entityTypeId } : {};
	}
	if (kind.entityTypeId !== 'picked') return {};
	const value =
		itemIndex === undefined
			? (context as ILoadOptionsFunctions).getNodeParameter('entityTypeId', '')
			: (context as IExecuteFunctions).getNodeParameter('entityTypeId', itemIndex, '');
	const entityTypeId = Number(value);
	if (!Number.isInteger(entityTypeId) || entityTypeId <= 0) {
		throw inputError(
			context.getNode(),
			`"Smart Process" ${itemIndex === undefined ? '' : `in item ${itemIndex} `}is not a smart process ID: ${JSON.stringify(value)}`,
			'Pick the smart process from the list, or give its entityTypeId (a number such as 1032).',
			itemIndex,
		);
	}
	return { entityTypeId };
}
