import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RecordKind } from '../../crm/record-kinds';
import { CRM_KINDS, kindOf } from '../../crm/record-kinds';
import { recordIdOf, recordIdProperty } from '../records/parameters';
import { scopeOf, smartProcessProperty } from '../records/scope';

/** The CRM record something belongs to: its kind, its type's number and its ID. */
export interface CrmOwner {
	kind: RecordKind;
	entityTypeId: number;
	ownerId: number;
}

const SMART_PROCESS_KINDS = CRM_KINDS.filter((kind) => kind.entityTypeId === 'picked').map(
	(kind) => kind.resource,
);

/**
 * Record Type (one of the CRM kinds that qualify), the smart process for a smart process item,
 * and the record: picked from a list, by ID, or by its page's URL.
 */
export function ownerProperties(qualifies: (kind: RecordKind) => boolean): INodeProperties[] {
	const kinds = CRM_KINDS.filter(qualifies);
	return [
		{
			displayName: 'Record Type',
			name: 'ownerType',
			type: 'options',
			noDataExpression: true,
			options: kinds.map((kind) => ({ name: kind.label, value: kind.resource })),
			// Deals come first in the record kinds and hold everything asked of a record here.
			default: 'deal',
			description: 'The kind of CRM record',
		},
		{ ...smartProcessProperty, displayOptions: { show: { ownerType: SMART_PROCESS_KINDS } } },
		{
			...recordIdProperty({ ...kinds[0], label: 'Record' }),
			name: 'ownerId',
			description: 'The CRM record to use',
			typeOptions: { loadOptionsDependsOn: ['ownerType', 'entityTypeId'] },
			modes: recordIdProperty({ ...kinds[0], label: 'Record' }).modes?.map((mode) =>
				mode.name === 'url'
					? {
							...mode,
							placeholder: 'https://mycompany.bitrix24.ru/crm/deal/details/123/',
							extractValue: undefined,
							validation: undefined,
						}
					: mode,
			),
		},
	];
}

/** The item's record: its kind from Record Type, the smart process, and its ID. */
export function ownerOf(context: IExecuteFunctions, itemIndex: number): CrmOwner {
	const kind = kindOf(String(context.getNodeParameter('ownerType', itemIndex, ''))) as RecordKind;
	const entityTypeId =
		kind.entityTypeId === 'picked'
			? Number(scopeOf(context, kind, itemIndex).entityTypeId)
			: Number(kind.entityTypeId);
	const ownerId = recordIdOf(context, { ...kind, label: 'Record' }, itemIndex, 'ownerId');
	return { kind, entityTypeId, ownerId };
}
