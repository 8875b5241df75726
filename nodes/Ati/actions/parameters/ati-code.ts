import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

export const atiCodeField: INodeProperties = {
	displayName: 'ATI Code',
	name: 'atiId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123456',
	description:
		"The firm's code on ATI.SU; a contact ID such as 123456.0 is taken as its firm's code",
};

/** The firm's ATI code in the text; the firm part of a presence contact ID (123456.0) counts too. */
export function atiCodeIn(text: string): string | undefined {
	const code = /^\d+\.\d+$/.test(text) ? text.split('.')[0] : text;
	return /^\d+$/.test(code) ? code : undefined;
}

export function atiCodeOf(context: IExecuteFunctions, itemIndex: number): string {
	const text = String(context.getNodeParameter('atiId', itemIndex, '')).trim();
	const code = atiCodeIn(text);
	if (code === undefined) {
		throw inputError(
			context.getNode(),
			text === '' ? 'No ATI code given' : `"${text}" is not an ATI code`,
			"Enter the firm's ATI code: its digits, such as 123456.",
			itemIndex,
		);
	}
	return code;
}
