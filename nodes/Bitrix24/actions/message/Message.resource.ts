import { defineResource } from '../../../shared/execution/resources';
import * as send from './send.operation';
import * as sendNotification from './sendNotification.operation';

export const message = defineResource({ name: 'Message', value: 'message' }, [
	send,
	sendNotification,
]);
