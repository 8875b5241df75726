import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

export interface KeyboardButton {
	id?: string;
	text: string;
}

const EXAMPLE =
	'[[{"id": "1", "text": "Yes"}, {"id": "2", "text": "No"}], [{"text": "Talk to a person"}]]';

/** Buttons shown under the message; only the line's client sees them (wiki SendMessageLine). */
export const keyboardProperties: INodeProperties[] = [
	{
		displayName: 'Keyboard',
		name: 'keyboardInput',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Send no buttons' },
			{ name: 'Buttons', value: 'buttons', description: 'List the buttons, each with its row' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Rows of buttons as JSON, for example from an expression',
			},
		],
		default: 'none',
		description:
			'Buttons the client can press; a pressed button comes back to the 1C-Connect Line Trigger as a message with its text. The client keeps seeing them until Remove Keyboard or a new keyboard.',
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: { keyboardInput: ['buttons'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						required: true,
						description: 'What the button says',
					},
					{
						displayName: 'Button ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Your own code for the button (ID); optional',
					},
					{
						displayName: 'Row',
						name: 'row',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						description: 'Buttons with the same row number stand side by side',
					},
				],
			},
		],
	},
	{
		displayName: 'Keyboard (JSON)',
		name: 'keyboardJson',
		type: 'json',
		default: '[[{"text": "Yes"}, {"text": "No"}]]',
		displayOptions: { show: { keyboardInput: ['json'] } },
		description: `Rows of buttons, each button with a text and an optional ID: ${EXAMPLE}`,
	},
];

/** The item's keyboard as rows of buttons, or undefined when it sends none. */
export function keyboardOf(
	context: IExecuteFunctions,
	itemIndex: number,
): KeyboardButton[][] | undefined {
	const input = context.getNodeParameter('keyboardInput', itemIndex, 'none') as string;
	if (input === 'buttons') {
		const listed = context.getNodeParameter('buttons.button', itemIndex, []) as IDataObject[];
		const rows = new Map<number, KeyboardButton[]>();
		for (const button of listed) {
			const row = Number(button.row ?? 1) || 1;
			rows.set(row, [...(rows.get(row) ?? []), checkedButton(context, button, itemIndex)]);
		}
		return rows.size === 0
			? undefined
			: [...rows.keys()].sort((a, b) => a - b).map((row) => rows.get(row)!);
	}
	if (input !== 'json') return undefined;
	let value = context.getNodeParameter('keyboardJson', itemIndex, '') as unknown;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			value = JSON.parse(value);
		} catch (error) {
			throw keyboardError(context, itemIndex, `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (!Array.isArray(value) || !value.every(Array.isArray)) {
		throw keyboardError(context, itemIndex, 'must be a list of rows, each a list of buttons');
	}
	return (value as unknown[][]).map((row) =>
		row.map((button) => checkedButton(context, button as IDataObject, itemIndex)),
	);
}

function checkedButton(
	context: IExecuteFunctions,
	button: IDataObject | null,
	itemIndex: number,
): KeyboardButton {
	const text = typeof button?.text === 'string' ? button.text.trim() : '';
	if (text === '') throw keyboardError(context, itemIndex, 'has a button without a text');
	const id = button?.id === undefined || button.id === null ? '' : String(button.id).trim();
	return id === '' ? { text } : { id, text };
}

function keyboardError(context: IExecuteFunctions, itemIndex: number, problem: string) {
	return inputError(
		context.getNode(),
		`The keyboard of ${itemName(itemIndex)} ${problem}`,
		`Give every button a text; as JSON write rows of buttons, such as ${EXAMPLE}.`,
		itemIndex,
	);
}
