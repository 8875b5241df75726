import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { runCommandsAcrossItems } from '../records/run-commands';
import { userIdOf, userIdProperty } from './user-id';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get a user of the portal',
	action: 'Get a user',
};

export const properties = [userIdProperty];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const ids: number[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'read',
		commandOf: (itemIndex) => {
			ids[itemIndex] = userIdOf(this, itemIndex);
			return { method: 'user.get', params: { ID: ids[itemIndex] } };
		},
		toOutput: (result, itemIndex) => {
			const user = Array.isArray(result) ? (result[0] as IDataObject | undefined) : undefined;
			if (user) return user;
			throw apiError(this.getNode(), {
				message: `Bitrix24 has no user ${ids[itemIndex]}`,
				description: 'Check the user ID, or pick the user from the list.',
				itemIndex,
			});
		},
	});
}
