import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execution/route-operation';
import { routeOperation } from '../../shared/execution/route-operation';
import * as call from './call/Call.resource';
import * as file from './file/File.resource';
import * as license from './license/License.resource';
import * as number from './number/Number.resource';
import * as plugin from './plugin/Plugin.resource';
import * as queue from './queue/Queue.resource';
import * as server from './server/Server.resource';
import * as serviceScript from './serviceScript/ServiceScript.resource';
import * as user from './user/User.resource';

const operations: OperationTable = {
	call: {
		answer: call.answer.execute,
		decline: call.decline.execute,
		flash: call.flash.execute,
		getAbonentInfo: call.getAbonentInfo.execute,
		getChainContent: call.getChainContent.execute,
		hangUp: call.hangUp.execute,
		startAutoCall: call.startAutoCall.execute,
		stopAutoCall: call.stopAutoCall.execute,
		switchCall: call.switchCall.execute,
	},
	file: {
		download: file.download.execute,
		downloadRecordByLink: file.downloadRecordByLink.execute,
		downloadShared: file.downloadShared.execute,
		upload: file.upload.execute,
	},
	license: {
		getFullText: license.getFullText.execute,
		getFullXml: license.getFullXml.execute,
		getInfo: license.getInfo.execute,
	},
	number: { getReadyUsers: number.getReadyUsers.execute },
	plugin: { executeMethod: plugin.executeMethod.execute },
	queue: { getAll: queue.getAll.execute },
	server: { getVersion: server.getVersion.execute },
	serviceScript: {
		execute: serviceScript.execute.execute,
		executePlain: serviceScript.executePlain.execute,
	},
	user: {
		getAvatar: user.getAvatar.execute,
		getState: user.getState.execute,
		setState: user.setState.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
