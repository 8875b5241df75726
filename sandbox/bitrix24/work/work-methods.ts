import { DISK_METHODS } from './disk-methods';
import { IM_METHODS } from './im-methods';
import { TASK_WORK_METHODS } from './task-work-methods';
import { TELEPHONY_METHODS } from './telephony-methods';

/** Chats, Drive, task work and telephony: the methods beyond the CRM card. */
export const WORK_METHODS = {
	...IM_METHODS,
	...DISK_METHODS,
	...TASK_WORK_METHODS,
	...TELEPHONY_METHODS,
};
