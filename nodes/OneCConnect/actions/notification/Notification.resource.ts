import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { date, required, text } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'notification',
	name: 'Notification',
	operations: [
		{
			value: 'send',
			name: 'Send',
			action: 'Send a notification',
			description: 'Create and send a notification to users (PartnerNotificationAdd)',
			soap: 'PartnerNotificationAdd',
			kind: 'call',
			idempotent: false,
			fields: [
				required(text('Text', 'The notification text')),
				text('Subject', 'The title'),
				text('ClientID', 'Send to the users of this client only'),
				text('UserID', 'Send to this user only'),
				date('SendDate', 'When to send; now when empty'),
			],
		},
	],
};

export const description = describeResource(resource);
