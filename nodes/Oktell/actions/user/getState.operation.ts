import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { requiredText } from '../../helpers/required-text';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellMapper } from '../../transport';
import { typedValue } from '../../transport/typed-value';

export const option = {
	name: 'Get State',
	value: 'getState',
	description: "Get a user's current state (tst_getuserstate)",
	action: 'Get the state of a user',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8',
		description: "The user's GUID in Oktell",
	},
	rawOutputProperty,
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const userId = requiredText(this, itemIndex, 'userId', 'user ID', "Enter the user's GUID.");
			const { text, sets } = await oktellMapper(this, {
				command: 'tst_getuserstate',
				qs: { iduser: userId },
				effect: 'read',
				itemIndex,
				...requestLimits(this, itemIndex),
			});
			if (wantsRawOutput(this, itemIndex)) return { xml: text };
			const user = sets.find((set) => set.setName === 'user') ?? sets[0];
			const state = user?.properties.state;
			return {
				id: user?.properties.id?.value ?? user?.id ?? userId,
				state: state?.value === undefined ? null : typedValue(state.value),
				stateName: state?.name ?? null,
			};
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
