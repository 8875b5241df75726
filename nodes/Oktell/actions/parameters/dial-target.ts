import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/required-text';
import type { QueryValue } from '../../transport';

/** The parameters of `wp_autocallstart`, which `wp_switchcall` shares. */
export const dialTargetProperties: INodeProperties[] = [
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: '538',
		description: 'The number to call',
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description: 'Inside when the number is an internal number, else outside',
			},
			{ name: 'Inside (PBX)', value: 'pbx' },
			{ name: 'Outside (City)', value: 'city' },
		],
		default: 'auto',
	},
	{
		displayName: 'Sequence',
		name: 'sequence',
		type: 'options',
		options: [
			{
				name: 'Direct',
				value: 'direct',
				description: 'Call the number first, then call the line back once it answers',
			},
			{ name: 'Back', value: 'back', description: 'Call the line first, then the number from it' },
		],
		default: 'direct',
	},
];

export function dialTarget(
	context: IExecuteFunctions,
	itemIndex: number,
): Record<string, QueryValue> {
	const number = requiredText(context, itemIndex, 'number', 'number', 'Enter the number to call.');
	const direction = context.getNodeParameter('direction', itemIndex, 'auto') as string;
	const sequence = context.getNodeParameter('sequence', itemIndex, 'direct') as string;
	return {
		number,
		direction: direction === 'auto' ? undefined : direction,
		sequence: sequence === 'direct' ? undefined : sequence,
	};
}
