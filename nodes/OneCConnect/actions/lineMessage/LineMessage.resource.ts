import { defineResource } from '../../../shared/execution/resources';
import * as removeKeyboard from './removeKeyboard.operation';
import * as sendFile from './sendFile.operation';
import * as sendText from './sendText.operation';

export const lineMessage = defineResource(
	{
		name: 'Line Message',
		value: 'lineMessage',
		description: 'Messages to a client in a service line, as the bot or a specialist (push API)',
	},
	[sendText, sendFile, removeKeyboard],
	'sendText',
);
