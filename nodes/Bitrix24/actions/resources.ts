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
];

export const operations = operationTable(resources);
