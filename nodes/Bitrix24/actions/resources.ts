import { operationTable } from '../../shared/execution/resources';
import { method } from './method/Method.resource';
import { realtime } from './realtime/Realtime.resource';

export const resources = [method, realtime];

export const operations = operationTable(resources);
