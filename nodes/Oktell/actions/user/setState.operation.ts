import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { stateIdOf } from '../../helpers/user-state';
import { callActor, callActorProperties } from '../parameters/call-actor';
import { requestLimits, requestOptions } from '../parameters/request-options';
import type { QueryValue } from '../../transport';
import { OKTELL_CONCURRENCY, oktellRequest } from '../../transport';

export const option = {
	name: 'Set State',
	value: 'setState',
	description:
		"Change a user's state and modes (wp_setuserstate), the user given directly or by their line or workplace",
	action: 'Set the state of a user',
};

const SWITCH = [
	{ name: 'Leave As Is', value: 'keep' },
	{ name: 'On', value: 'on' },
	{ name: 'Off', value: 'off' },
];

const MODES: Array<{ name: string; param: string; label: string; description: string }> = [
	{
		name: 'callCenter',
		param: 'oncallcenter',
		label: 'Call Centre Mode',
		description: 'Entering takes the user out of redirect; leaving takes them out of break',
	},
	{
		name: 'manualMode',
		param: 'onccmanual',
		label: 'Manual Mode',
		description: 'Manual mode inside the call centre; changes only while the user is in it',
	},
	{
		name: 'redirect',
		param: 'onredirect',
		label: 'Redirect Mode',
		description: 'Call redirection; only while the user is outside the call centre',
	},
	{
		name: 'breakMode',
		param: 'onlunch',
		label: 'Break Mode',
		description:
			'While on, the user goes to break instead of ready after each call (call centre only)',
	},
];

export const properties: INodeProperties[] = [
	// The call-control family's line, user or workplace: `user` keeps its name and meaning.
	...callActorProperties,
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Break (2)', value: 'break' },
			{ name: 'Busy (5)', value: 'busy' },
			{ name: 'Leave As Is', value: 'keep' },
			{ name: 'Not at Place (3)', value: 'notAtPlace' },
			{ name: 'Ready (1)', value: 'ready' },
		],
		default: 'keep',
		description:
			'The new state. Oktell refuses impossible moves, such as ready while on a call or break outside the call centre.',
	},
	...MODES.map(
		(mode): INodeProperties => ({
			displayName: mode.label,
			name: mode.name,
			type: 'options',
			options: SWITCH,
			default: 'keep',
			description: mode.description,
		}),
	),
	{
		displayName: 'Break Reason',
		name: 'breakReason',
		type: 'string',
		default: '',
		displayOptions: { show: { breakMode: ['on'] } },
		description:
			'A number is the code of a reason from the general settings (lunchreasonid); any other text is an individual reason (lunchreasonmsg)',
	},
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const node = this.getNode();
			const actor = callActor(this, itemIndex);
			const qs: Record<string, QueryValue> = {
				...actor,
				userstateid: stateIdOf(node, this.getNodeParameter('state', itemIndex, 'keep'), itemIndex),
			};
			const changed: IDataObject = {};
			if (qs.userstateid !== undefined) changed.state = qs.userstateid;
			for (const mode of MODES) {
				const value = this.getNodeParameter(mode.name, itemIndex, 'keep') as string;
				if (value === 'keep') continue;
				qs[mode.param] = value === 'on' ? 1 : 0;
				changed[mode.name] = value === 'on';
			}
			const reason = String(this.getNodeParameter('breakReason', itemIndex, '')).trim();
			if (reason !== '' && qs.onlunch === 1) {
				if (/^\d+$/.test(reason)) qs.lunchreasonid = reason;
				else qs.lunchreasonmsg = reason;
				changed.breakReason = /^\d+$/.test(reason) ? Number(reason) : reason;
			}
			if (Object.keys(changed).length === 0) {
				throw inputError(
					node,
					'Nothing to change',
					'Choose a State or switch at least one mode on or off.',
					itemIndex,
				);
			}
			await oktellRequest(this, {
				command: 'wp_setuserstate',
				qs,
				// Setting the same state and modes again leaves them as they are.
				effect: 'write',
				repeatable: true,
				itemIndex,
				...requestLimits(this, itemIndex),
			});
			return { ...actor, success: true, ...changed };
		},
		{
			concurrency: OKTELL_CONCURRENCY,
			effect: 'write',
			orderKey: (itemIndex) => JSON.stringify(callActor(this, itemIndex)),
		},
	);
}
