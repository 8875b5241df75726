import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { MULTI_FIELDS } from '../../crm/field-values';
import type { RecordKind } from '../../crm/record-kinds';
import type { UnnamedCommand } from '../../transport/batch';
import { PAGE_SIZE } from '../../transport/batch';
import { targetOf } from '../parameters/portal-options';
import type { CommType } from './communications';
import { MAX_FIND_VALUES, findCommand, foundIds, searchByProperty } from './communications';
import { simplifyProperty } from './parameters';
import { outputRecord } from './record-output';
import { resultOf, runStagedItems, sendCommandList } from './staged-items';

/** Every field a found record is returned with. */
export const FULL_SELECT = ['*', 'UF_*', ...MULTI_FIELDS];

interface Search {
	type: CommType;
	values: string[];
}

export function findByCommOperation(kind: RecordKind): OperationModule {
	const entityType = kind.duplicateType as string;
	const noun = `${kind.label.toLowerCase()}s`;
	return {
		option: {
			name: 'Find by Phone or Email',
			value: 'findByPhoneOrEmail',
			description: `Find ${noun} that have a phone number or e-mail address`,
			action: `Find ${noun} by phone or email`,
		},
		properties: [
			searchByProperty,
			{
				displayName: 'Values',
				name: 'values',
				type: 'string',
				default: '',
				required: true,
				placeholder: '+7 999 123-45-67, +7 912 000-11-22',
				description: `Phone numbers or e-mail addresses, separated by commas (up to ${MAX_FIND_VALUES}); phones match whatever their formatting`,
			},
			simplifyProperty,
		],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const target = targetOf(this);
			return await runStagedItems<Search>(
				this,
				(itemIndex) => readSearch(this, itemIndex),
				async (searches) => {
					const searched = [...searches];
					const found = await sendCommandList(
						this,
						target,
						searched.map(([, search]) => findCommand(entityType, search.type, search.values)),
						'read',
					);
					const results = new Map<number, IDataObject[] | Error>();
					const reads: UnnamedCommand[] = [];
					const readsOfItem = new Map<number, number[]>();
					for (const [position, [itemIndex]] of searched.entries()) {
						try {
							const ids = foundIds(resultOf(found[position]), entityType);
							if (ids.length === 0) results.set(itemIndex, []);
							else readsOfItem.set(itemIndex, pushReads(reads, kind, ids));
						} catch (error) {
							results.set(itemIndex, error as Error);
						}
					}
					const records = await sendCommandList(this, target, reads, 'read');
					for (const [itemIndex, positions] of readsOfItem) {
						try {
							const rows = positions.flatMap(
								(position) => resultOf(records[position]) as IDataObject[],
							);
							results.set(
								itemIndex,
								rows.map((row) => outputRecord(this, itemIndex, row)),
							);
						} catch (error) {
							results.set(itemIndex, error as Error);
						}
					}
					return results;
				},
			);
		},
	};
}

/**
 * Reads of the found records, a page's worth of IDs each (a list answers one page, so more IDs
 * in one read would lose the rest), in ID order; returns their places in `reads`.
 */
function pushReads(reads: UnnamedCommand[], kind: RecordKind, ids: number[]): number[] {
	const sorted = [...new Set(ids)].sort((a, b) => a - b);
	const positions: number[] = [];
	for (let at = 0; at < sorted.length; at += PAGE_SIZE) {
		positions.push(reads.length);
		reads.push({
			method: kind.methods.list,
			params: {
				filter: { '@ID': sorted.slice(at, at + PAGE_SIZE) },
				select: FULL_SELECT,
				order: { ID: 'ASC' },
			},
		});
	}
	return positions;
}

function readSearch(context: IExecuteFunctions, itemIndex: number): Search {
	const type =
		context.getNodeParameter('searchBy', itemIndex, 'PHONE') === 'EMAIL' ? 'EMAIL' : 'PHONE';
	const values = String(context.getNodeParameter('values', itemIndex, ''))
		.split(/[,;\n]/)
		.map((value) => value.trim())
		.filter(Boolean);
	if (values.length === 0 || values.length > MAX_FIND_VALUES) {
		throw inputError(
			context.getNode(),
			`"Values" in item ${itemIndex} ${values.length === 0 ? 'is empty' : `holds ${values.length} values`}`,
			`Give 1 to ${MAX_FIND_VALUES} ${type === 'PHONE' ? 'phone numbers' : 'e-mail addresses'}, separated by commas.`,
			itemIndex,
		);
	}
	return { type, values };
}
