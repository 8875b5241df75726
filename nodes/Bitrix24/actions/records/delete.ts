import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import { recordIdOf, recordIdProperty } from './parameters';
import { runCommandsAcrossItems } from './run-commands';
import { scopeOf } from './scope';

export function deleteOperation(
	kind: RecordKind,
	scope: OperationModule['properties'] = [],
): OperationModule {
	return {
		option: {
			name: 'Delete',
			value: 'delete',
			description: `Delete a ${kind.label.toLowerCase()}`,
			action: `Delete a ${kind.label.toLowerCase()}`,
		},
		properties: [...scope, recordIdProperty(kind)],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			return await runCommandsAcrossItems(this, {
				effect: 'write',
				commandOf: (itemIndex) => ({
					method: kind.methods.delete,
					params: {
						...scopeOf(this, kind, itemIndex),
						[kind.idParam]: recordIdOf(this, kind, itemIndex),
					},
				}),
				toOutput: () => ({ deleted: true }),
			});
		},
	};
}
