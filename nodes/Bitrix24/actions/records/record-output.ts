import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyRecord } from '../../crm/field-values';
import type { RecordKind } from '../../crm/record-kinds';

/** The record inside a get/add/update result (`{item: …}`, `{task: …}`), or the result itself. */
export function recordIn(kind: RecordKind, result: unknown): IDataObject {
	const record =
		kind.recordKey && result && typeof result === 'object'
			? (result as IDataObject)[kind.recordKey]
			: result;
	return record && typeof record === 'object'
		? (record as IDataObject)
		: { result: record as string };
}

/** Simplify on: flat multi-fields, no empty fields. Off: the record as Bitrix24 sent it. */
export function outputRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	record: IDataObject,
): IDataObject {
	return context.getNodeParameter('simplify', itemIndex, true) === true
		? simplifyRecord(record)
		: record;
}
