import { operationTable } from '../../shared/execution/resources';
import { company } from './company/Company.resource';
import { contact } from './contact/Contact.resource';
import { deal } from './deal/Deal.resource';
import { lead } from './lead/Lead.resource';
import { method } from './method/Method.resource';
import { realtime } from './realtime/Realtime.resource';
import { smartProcessItem } from './smartProcessItem/SmartProcessItem.resource';
import { task } from './task/Task.resource';
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
	deal,
	lead,
	contact,
	company,
	smartProcessItem,
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
