import type { INodeProperties } from 'n8n-workflow';

import * as answer from './answer.operation';
import * as decline from './decline.operation';
import * as flash from './flash.operation';
import * as getAbonentInfo from './getAbonentInfo.operation';
import * as getChainContent from './getChainContent.operation';
import * as hangUp from './hangUp.operation';
import * as startAutoCall from './startAutoCall.operation';
import * as stopAutoCall from './stopAutoCall.operation';
import * as switchCall from './switchCall.operation';

export {
	answer,
	decline,
	flash,
	getAbonentInfo,
	getChainContent,
	hangUp,
	startAutoCall,
	stopAutoCall,
	switchCall,
};

const operation = (name: string, value: string, description: string, action: string) => ({
	name,
	value,
	description,
	action,
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			operation('Answer', 'answer', 'Answer the incoming call (wp_answercall)', 'Answer a call'),
			operation(
				'Decline',
				'decline',
				'Decline the incoming call (wp_declinecall)',
				'Decline a call',
			),
			operation('Flash', 'flash', 'Send a flash for the line (wp_flash)', 'Flash a call'),
			operation(
				'Get Abonent Info',
				'getAbonentInfo',
				'Get who is on the other end of the current connection (wp_getabonentinfo)',
				'Get the abonent of a call',
			),
			operation(
				'Get Chain Content',
				'getChainContent',
				'Get the chain of the call the line takes part in (wp_getchaincontent)',
				'Get the chain of a call',
			),
			operation('Hang Up', 'hangUp', 'End the current call (wp_abortcall)', 'Hang up a call'),
			operation(
				'Start Auto Call',
				'startAutoCall',
				'Start a call or an auto dial to a number (wp_autocallstart)',
				'Start an auto call',
			),
			operation(
				'Stop Auto Call',
				'stopAutoCall',
				'Stop the active auto dial session (wp_autocallstop)',
				'Stop an auto call',
			),
			operation(
				'Switch Call',
				'switchCall',
				'Flash-transfer the current call to a number, or dial it when the line is idle (wp_switchcall)',
				'Switch a call',
			),
		],
		default: 'getChainContent',
	},
	...answer.description,
	...decline.description,
	...flash.description,
	...getAbonentInfo.description,
	...getChainContent.description,
	...hangUp.description,
	...startAutoCall.description,
	...stopAutoCall.description,
	...switchCall.description,
];
