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
// Beyond the CRM card (issue 29, part B).
import { chat } from './chat/Chat.resource';
import { driveFile } from './driveFile/DriveFile.resource';
import { message } from './message/Message.resource';
import { taskChecklistItem } from './taskChecklistItem/TaskChecklistItem.resource';
import { taskComment } from './taskComment/TaskComment.resource';
import { taskTimeSpent } from './taskTimeSpent/TaskTimeSpent.resource';
import { telephony } from './telephony/Telephony.resource';

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
	// Beyond the CRM card (issue 29, part B).
	chat,
	driveFile,
	message,
	taskChecklistItem,
	taskComment,
	taskTimeSpent,
	telephony,
];

export const operations = operationTable(resources);
