import { defineResource } from '../../../shared/execution/resources';
import * as attachRecord from './attachRecord.operation';
import * as findCrmRecords from './findCrmRecords.operation';
import * as finishCall from './finishCall.operation';
import * as registerCall from './registerCall.operation';

export const telephony = defineResource(
	{ name: 'Telephony', value: 'telephony' },
	[attachRecord, findCrmRecords, finishCall, registerCall],
	'registerCall',
);
