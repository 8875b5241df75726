import { operationTable } from '../../shared/execution/resources';
import { call } from './call/Call.resource';
import { file } from './file/File.resource';
import { license } from './license/License.resource';
import { number } from './number/Number.resource';
import { plugin } from './plugin/Plugin.resource';
import { queue } from './queue/Queue.resource';
import { server } from './server/Server.resource';
import { serviceScript } from './serviceScript/ServiceScript.resource';
import { user } from './user/User.resource';

export const resources = [call, file, license, number, plugin, queue, server, serviceScript, user];

export const operations = operationTable(resources);
