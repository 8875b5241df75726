import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import { fieldsProperty, writeOptionsProperty } from './parameters';
import { recordIn } from './record-output';
import { runCommandsAcrossItems } from './run-commands';
import { scopeOf } from './scope';
import { fieldsFor, prepareFields } from './write-fields';

export function createOperation(
	kind: RecordKind,
	scope: OperationModule['properties'] = [],
): OperationModule {
	return {
		option: {
			name: 'Create',
			value: 'create',
			description: `Create a ${kind.label.toLowerCase()}`,
			action: `Create a ${kind.label.toLowerCase()}`,
		},
		properties: [...scope, fieldsProperty(true), ...writeOptionsProperty(kind, false)],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const prepared = await prepareFields(this, kind, true);
			return await runCommandsAcrossItems(this, {
				effect: 'write',
				commandOf: (itemIndex) => ({
					method: kind.methods.add,
					params: { ...scopeOf(this, kind, itemIndex), fields: fieldsFor(prepared, itemIndex) },
				}),
				toOutput: (result) =>
					kind.recordKey ? recordIn(kind, result) : { [kind.idKey]: result as number },
			});
		},
	};
}
