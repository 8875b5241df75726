import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as call from './actions/call/Call.resource';
import * as file from './actions/file/File.resource';
import * as license from './actions/license/License.resource';
import * as number from './actions/number/Number.resource';
import * as plugin from './actions/plugin/Plugin.resource';
import * as queue from './actions/queue/Queue.resource';
import { router } from './actions/router';
import * as server from './actions/server/Server.resource';
import * as serviceScript from './actions/serviceScript/ServiceScript.resource';
import * as user from './actions/user/User.resource';

export class Oktell implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oktell',
		name: 'oktell',
		icon: { light: 'file:oktell.svg', dark: 'file:oktell.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Control an Oktell PBX and call centre: calls, user states, service scripts, queues, files',
		defaults: { name: 'Oktell' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oktellApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Call', value: 'call' },
					{ name: 'File', value: 'file' },
					{ name: 'License', value: 'license' },
					{ name: 'Number', value: 'number' },
					{ name: 'Plugin', value: 'plugin' },
					{ name: 'Queue', value: 'queue' },
					{ name: 'Server', value: 'server' },
					{ name: 'Service Script', value: 'serviceScript' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...call.description,
			...file.description,
			...license.description,
			...number.description,
			...plugin.description,
			...queue.description,
			...server.description,
			...serviceScript.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
