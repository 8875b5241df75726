import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as downloadRecordByLink from './downloadRecordByLink.operation';
import * as downloadShared from './downloadShared.operation';
import * as upload from './upload.operation';

export { download, downloadRecordByLink, downloadShared, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a record, fax, voicemail, or a file by path or by script',
				action: 'Download a file',
			},
			{
				name: 'Download Record By Link',
				value: 'downloadRecordByLink',
				description: 'Download a call record by its packed link code (downloadrecordbylink)',
				action: 'Download a record by link',
			},
			{
				name: 'Download Shared File',
				value: 'downloadShared',
				description: "Download a file from the storage's open folder (getsharedfile)",
				action: 'Download a shared file',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload binary data to the server, one or more files per item (upload)',
				action: 'Upload files',
			},
		],
		default: 'download',
	},
	...download.description,
	...downloadRecordByLink.description,
	...downloadShared.description,
	...upload.description,
];
