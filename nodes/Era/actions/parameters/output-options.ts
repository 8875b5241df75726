import type { INodeProperties } from 'n8n-workflow';

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
