import type { INodeProperties } from 'n8n-workflow';

/** Text fields of an integration_point that both Create and Update may set. */
export const pointTextFields: INodeProperties[] = [
	{
		displayName: 'Receiving Script Code',
		name: 'recv_svcscriptcode',
		type: 'string',
		default: '',
		placeholder: 'ws_hook',
		description: 'Code of the service script that receives messages (recv_svcscriptcode)',
	},
	{
		displayName: 'Receiving Script Code (WebSocket)',
		name: 'recv_svcscriptcode_ws',
		type: 'string',
		default: '',
		description: 'The recv_svcscriptcode_ws field',
	},
	{
		displayName: 'Remote Token',
		name: 'token_remote',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The outside system's token (token_remote)",
	},
	{
		displayName: 'Remote Token 2',
		name: 'token_remote2',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'The token_remote2 field',
	},
	{
		displayName: 'Sending Script Code',
		name: 'send_svcscriptcode',
		type: 'string',
		default: '',
		placeholder: 'send_to_web',
		description: 'Code of the service script that sends messages (send_svcscriptcode)',
	},
	{
		displayName: 'Sending Script Code (WebSocket)',
		name: 'send_svcscriptcode_ws',
		type: 'string',
		default: '',
		description: 'The send_svcscriptcode_ws field',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'http://trapper.com',
		description: 'The URL ERA calls for this point',
	},
];
