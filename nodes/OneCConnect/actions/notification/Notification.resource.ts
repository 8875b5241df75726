import { date, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const notification = typedResource({
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
			effect: 'write',
			fields: [
				required(text('Text', 'The notification text')),
				text('Subject', 'The title'),
				text('ClientID', 'Send to the users of this client only'),
				text('UserID', 'Send to this user only'),
				date('SendDate', 'When to send; now when empty'),
			],
		},
	],
});
