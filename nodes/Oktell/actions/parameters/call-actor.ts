import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

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
