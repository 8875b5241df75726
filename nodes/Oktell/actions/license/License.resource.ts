import type { INodeProperties } from 'n8n-workflow';

import * as getFullText from './getFullText.operation';
import * as getFullXml from './getFullXml.operation';
import * as getInfo from './getInfo.operation';

export { getFullText, getFullXml, getInfo };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['license'] } },
		options: [
			{
				name: 'Get Full Text',
				value: 'getFullText',
				description:
					'Get the licence information as the administration screen shows it (getlicensefulltext)',
				action: 'Get the licence as text',
			},
			{
				name: 'Get Full XML',
				value: 'getFullXml',
				description: 'Get the licence certificate (getlicensefullxml)',
				action: 'Get the licence certificate',
			},
			{
				name: 'Get Info',
				value: 'getInfo',
				description: 'Get one detail of the licence certificate (getlicenseinfo)',
				action: 'Get a licence detail',
			},
		],
		default: 'getFullText',
	},
	...getFullText.description,
	...getFullXml.description,
	...getInfo.description,
];
