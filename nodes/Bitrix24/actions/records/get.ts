import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import type { RecordKind } from '../../crm/record-kinds';
import { recordIdOf, recordIdProperty, simplifyProperty } from './parameters';
import { outputRecord, recordIn } from './record-output';
import { runCommandsAcrossItems } from './run-commands';
import { scopeOf } from './scope';

export function getOperation(
	kind: RecordKind,
	scope: OperationModule['properties'] = [],
): OperationModule {
	return {
		option: {
			name: 'Get',
			value: 'get',
			description: `Get a ${kind.label.toLowerCase()}`,
			action: `Get a ${kind.label.toLowerCase()}`,
		},
		properties: [...scope, recordIdProperty(kind), simplifyProperty],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			return await runCommandsAcrossItems(this, {
				effect: 'read',
				commandOf: (itemIndex) => ({
					method: kind.methods.get,
					params: {
						...scopeOf(this, kind, itemIndex),
						[kind.idParam]: recordIdOf(this, kind, itemIndex),
					},
				}),
				toOutput: (result, itemIndex) => outputRecord(this, itemIndex, recordIn(kind, result)),
			});
		},
	};
}
