import type { INodeProperties } from 'n8n-workflow';

/** The point an operation acts on: picked from a list, pasted as an API URL, or given by ID. */
export const pointLocator: INodeProperties = {
	displayName: 'Integration Point',
	name: 'pointId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The integration point to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchIntegrationPoints', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder:
				'https://era.example.com/rest/v1/service/integration_points/b4680fbe-016c-d86f-1d6b-50e54938780c',
			extractValue: { type: 'regex', regex: 'integration_points/([^/?#]+)' },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '.*integration_points/[^/?#]+.*',
						errorMessage: 'Not an ERA integration point URL (…/integration_points/<id>)',
					},
				},
			],
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'b4680fbe-016c-d86f-1d6b-50e54938780c',
		},
	],
};

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

/** The `opts` object of an integration_point. */
export const pointOpts: INodeProperties = {
	displayName: 'Point Options (Opts)',
	name: 'opts',
	type: 'collection',
	placeholder: 'Add Point Option',
	default: {},
	options: [
		{
			displayName: 'Allow Files API',
			name: 'allow_files_api',
			type: 'boolean',
			default: false,
			description: 'Whether the point may use the files API (opts.allow_files_api)',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Receive Timeout',
			name: 'recv_timeout',
			type: 'number',
			default: 0,
			description: 'The opts.recv_timeout field',
		},
		{
			displayName: 'Roles (JSON)',
			name: 'roles',
			type: 'json',
			default: '[]',
			description: 'The opts.roles field, as ERA expects it',
		},
		{
			displayName: 'Synchronous',
			name: 'issync',
			type: 'boolean',
			default: false,
			description: 'Whether the point works synchronously (opts.issync)',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
		},
		{
			displayName: 'User ID',
			name: 'userid',
			type: 'string',
			default: '',
			description: 'The opts.userid field',
		},
	],
};

/** Fields ERA can return, for the `mask` parameter. */
export const maskFieldOptions = [
	'id',
	'code',
	'type',
	'token_local',
	'token_remote',
	'token_remote2',
	'recv_svcscriptcode',
	'recv_svcscriptcode_ws',
	'send_svcscriptcode',
	'send_svcscriptcode_ws',
	'opts.title',
	'opts.allow_files_api',
	'opts.issync',
	'ext.lwt',
	'ext.ct',
].map((field) => ({ name: field, value: field }));

export const outputOptions: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'mask',
		type: 'multiOptions',
		options: maskFieldOptions,
		default: [],
		description: 'Return only these fields (ERA "mask"); none returns every field',
	},
	{
		displayName: 'Flat',
		name: 'flat',
		type: 'boolean',
		default: false,
		description: 'Whether ERA flattens nested fields into keys such as "opts.title" (ERA "flat")',
	},
];

export const notFoundOption: INodeProperties = {
	displayName: 'When Not Found',
	name: 'onNotFound',
	type: 'options',
	default: 'error',
	options: [
		{ name: 'Fail', value: 'error', description: 'Stop with an error (or an error item)' },
		{
			name: 'Return Empty Result',
			value: 'empty',
			description: 'Output an item saying nothing was found',
		},
	],
};
