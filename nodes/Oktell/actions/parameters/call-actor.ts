import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { expectShape } from '../../../shared/http/reply-shape';
import { requestLimits } from './request-options';
import type { QueryValue } from '../../transport';
import { OKTELL_CONCURRENCY, VENDOR, oktellJson, oktellRequest, replyText } from '../../transport';

const ACTORS = [
	{ name: 'line', param: 'line', label: 'Line' },
	{ name: 'user', param: 'user', label: 'User' },
	{ name: 'workplace', param: 'wp', label: 'Workplace' },
] as const;

/** Call commands act for one internal line, given as a line, a user or a workplace. */
export const callActorProperties: INodeProperties[] = [
	{
		displayName:
			'Give exactly one of Line, User or Workplace: Oktell acts for the internal line it names',
		name: 'actorNotice',
		type: 'notice',
		default: '',
	},
	...ACTORS.map(
		(actor): INodeProperties => ({
			displayName: actor.label,
			name: actor.name,
			type: 'string',
			default: '',
			description: `The ${actor.label.toLowerCase()} to act for: its GUID, number, name or login`,
		}),
	),
];

/** `{line|user|wp: value}` for the one actor given; an item error otherwise. */
export function callActor(context: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const given = ACTORS.map((actor) => ({
		...actor,
		value: String(context.getNodeParameter(actor.name, itemIndex, '') ?? '').trim(),
	})).filter((actor) => actor.value !== '');
	if (given.length === 1) return { [given[0].param]: given[0].value };
	throw inputError(
		context.getNode(),
		given.length === 0
			? 'No line, user or workplace given'
			: `Both ${given.map((actor) => actor.label).join(' and ')} are given`,
		'Fill in exactly one of Line, User or Workplace: the call command acts for the internal line it names.',
		itemIndex,
	);
}

export interface CallCommand {
	command: string;
	/** The command's own parameters for one item. */
	query?: (itemIndex: number) => Record<string, QueryValue>;
	/**
	 * Every call command changes the call; `repeatable` when sending it again after a failure
	 * whose outcome is unknown (502, 504, a timeout) changes nothing more.
	 */
	repeatable?: boolean;
}

/**
 * The line a call command acts for, as given: commands for one line keep their order. A line
 * named two ways (its number and its user) gets two keys; Oktell does not say how to resolve it.
 */
function actorKey(context: IExecuteFunctions, itemIndex: number): string {
	return JSON.stringify(callActor(context, itemIndex));
}

/** Runs a call-control command per item: `{success, command, <actor>, ...parameters}`. */
export async function runCallCommand(context: IExecuteFunctions, call: CallCommand) {
	const options = {
		concurrency: OKTELL_CONCURRENCY,
		effect: 'write' as const,
		orderKey: (itemIndex: number) => actorKey(context, itemIndex),
	};
	return await runPerItem(
		context,
		async (itemIndex) => {
			const actor = callActor(context, itemIndex);
			const qs = { ...actor, ...call.query?.(itemIndex) };
			const request = {
				command: call.command,
				qs,
				effect: 'write' as const,
				repeatable: call.repeatable,
				itemIndex,
				...requestLimits(context, itemIndex),
			};
			const text = replyText(context, await oktellRequest(context, request), request).trim();
			const result: IDataObject = { success: true, command: call.command };
			for (const [key, value] of Object.entries(qs)) if (value !== undefined) result[key] = value;
			if (text !== '') result.reply = text;
			return result;
		},
		options,
	);
}

/** Runs a call command that answers a JSON object, per item; any other reply is that item's error. */
export async function runCallQuery(context: IExecuteFunctions, command: string) {
	return await runPerItem(
		context,
		async (itemIndex) => {
			const reply = await oktellJson(context, {
				command,
				qs: callActor(context, itemIndex),
				effect: 'read',
				itemIndex,
				...requestLimits(context, itemIndex),
			});
			return expectShape<IDataObject>(() => context.getNode(), reply, 'object', {
				vendor: VENDOR,
				what: command,
				text: JSON.stringify(reply) ?? String(reply),
				itemIndex,
			});
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
