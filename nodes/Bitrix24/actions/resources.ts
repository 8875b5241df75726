import { operationTable } from '../../shared/execution/resources';
import { CRM_KINDS } from '../crm/record-kinds';
import { activity } from './activity/Activity.resource';
import { businessProcess } from './businessProcess/BusinessProcess.resource';
import { method } from './method/Method.resource';
import { productRow } from './productRow/ProductRow.resource';
import { realtime } from './realtime/Realtime.resource';
import { crmResource } from './records/crm-resource';
import { task } from './task/Task.resource';
import { timelineComment } from './timelineComment/TimelineComment.resource';
import { user } from './user/User.resource';

export const resources = [
	method,
	realtime,
	...CRM_KINDS.map(crmResource),
	// CRM extras: what CRM records hold beyond their fields.
	productRow,
	timelineComment,
	activity,
	businessProcess,
	task,
	user,
];

export const operations = operationTable(resources);
