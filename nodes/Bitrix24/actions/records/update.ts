import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { mergeMultiFields, writesMultiFields } from '../../crm/multi-field-merge';
import type { RecordKind } from '../../crm/record-kinds';
import { targetOf } from '../parameters/portal-options';
import {
	fieldsProperty,
	recordIdOf,
	recordIdProperty,
	replaceExistingOf,
	writeOptionsProperty,
} from './parameters';
import { recordIn } from './record-output';
import { runCommandsAcrossItems } from './run-commands';
import { scopeOf } from './scope';
import { resultOf, sendCommandList } from './staged-items';
import type { PreparedFields } from './write-fields';
import { fieldsFor, prepareFields } from './write-fields';

export function updateOperation(
	kind: RecordKind,
	scope: OperationModule['properties'] = [],
): OperationModule {
	return {
		option: {
			name: 'Update',
			value: 'update',
			description: `Change fields of a ${kind.label.toLowerCase()}; phones and e-mails it already has are not added again`,
			action: `Update a ${kind.label.toLowerCase()}`,
		},
		properties: [
			...scope,
			recordIdProperty(kind),
			fieldsProperty(false),
			...writeOptionsProperty(kind, true),
		],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const ids: number[] = [];
			const prepared = await prepareFields(this, kind, false);
			const unchanged = await withRecordsMultiFields(this, kind, prepared);
			return await runCommandsAcrossItems(this, {
				effect: 'write',
				commandOf: (itemIndex) => {
					ids[itemIndex] = recordIdOf(this, kind, itemIndex);
					return {
						method: kind.methods.update,
						params: {
							...scopeOf(this, kind, itemIndex),
							[kind.idParam]: ids[itemIndex],
							fields: fieldsFor(prepared, itemIndex),
						},
					};
				},
				settledOf: (itemIndex) => (unchanged.has(itemIndex) ? true : undefined),
				toOutput: (result, itemIndex) =>
					kind.recordKey
						? recordIn(kind, result)
						: { [kind.idKey]: String(ids[itemIndex]), updated: result === true },
			});
		},
	};
}

/**
 * Items that write phones or e-mails first read the record's own (50 reads a batch), so the
 * update adds only new values, or replaces the list when asked. Gives the items left with
 * nothing to change (every value given is already there): they send nothing.
 */
async function withRecordsMultiFields(
	context: IExecuteFunctions,
	kind: RecordKind,
	prepared: PreparedFields,
): Promise<Set<number>> {
	const unchanged = new Set<number>();
	if (!kind.multiFields) return unchanged;
	const reads = [];
	for (const [itemIndex, fields] of prepared) {
		if (fields instanceof Error || !writesMultiFields(fields)) continue;
		try {
			reads.push({
				itemIndex,
				method: kind.methods.get,
				params: { id: recordIdOf(context, kind, itemIndex) },
			});
		} catch (error) {
			prepared.set(itemIndex, error as Error);
		}
	}
	if (reads.length === 0) return unchanged;
	const records = await sendCommandList(context, targetOf(context), reads, 'read');
	for (const [position, { itemIndex }] of reads.entries()) {
		try {
			const record = resultOf(records[position]) as IDataObject;
			const fields = prepared.get(itemIndex) as IDataObject;
			const merged = mergeMultiFields(fields, record, replaceExistingOf(context, itemIndex));
			prepared.set(itemIndex, merged);
			if (Object.keys(merged).length === 0) unchanged.add(itemIndex);
		} catch (error) {
			prepared.set(itemIndex, error as Error);
		}
	}
	return unchanged;
}
