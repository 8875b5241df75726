import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import {
	fieldsOf,
	fieldsProperty,
	recordIdOf,
	recordIdProperty,
	writeOptionsProperty,
} from './parameters';
import { recordIn } from './record-output';
import { runCommandsAcrossItems } from './run-commands';
import { scopeOf } from './scope';

export function updateOperation(
	kind: RecordKind,
	scope: OperationModule['properties'] = [],
): OperationModule {
	return {
		option: {
			name: 'Update',
			value: 'update',
			description: `Change fields of a ${kind.label.toLowerCase()}; multi-field values are added`,
			action: `Update a ${kind.label.toLowerCase()}`,
		},
		properties: [
			...scope,
			recordIdProperty(kind),
			fieldsProperty(false),
			...writeOptionsProperty(kind),
		],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const ids: number[] = [];
			return await runCommandsAcrossItems(this, {
				idempotent: false,
				commandOf: (itemIndex) => {
					ids[itemIndex] = recordIdOf(this, kind, itemIndex);
					return {
						method: kind.methods.update,
						params: {
							...scopeOf(this, kind, itemIndex),
							[kind.idParam]: ids[itemIndex],
							fields: fieldsOf(this, itemIndex),
						},
					};
				},
				toOutput: (result, itemIndex) =>
					kind.recordKey
						? recordIn(kind, result)
						: { [kind.idKey]: String(ids[itemIndex]), updated: result === true },
			});
		},
	};
}
