import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { PERIOD, date, readOperation as history, required, text } from '../operation-spec';

const REQUIRED_PERIOD = PERIOD.map(required);
const WHO = [
	text('ClientID'),
	text('ServiceUserID', 'The user'),
	text('ServiceID', 'The support line'),
];
const TREATMENT_PERIOD = [
	date('OpenedFrom'),
	date('OpenedTo'),
	date('ClosedFrom'),
	date('ClosedTo'),
	text('ClientID'),
	text('ServiceUserID'),
];

const TEN_AN_HOUR = (soap: string, days: number) =>
	`${soap} allows only 10 calls an hour by day (50 at night) per API login, for a period of at most ${days} days.`;

export const resource: ResourceSpec = {
	value: 'history',
	name: 'History',
	operations: [
		history(
			'getServiceCalls',
			'Get Service Calls',
			'GetHistoryOfServiceCalls',
			'service calls history',
			[...REQUIRED_PERIOD, ...WHO],
			{ notice: TEN_AN_HOUR('GetHistoryOfServiceCalls', 7) },
		),
		history(
			'getServiceCallComments',
			'Get Service Call Comments',
			'GetHistoryOfServiceCallsComments',
			'comments on service calls',
			[...REQUIRED_PERIOD, ...WHO],
		),
		history(
			'getServiceChat',
			'Get Service Chat',
			'GetHistoryOfServiceChat',
			'support line chat history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		history(
			'getFileTransfers',
			'Get File Transfers',
			'GetHistoryOfServiceFileTransfer',
			'file transfer history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		history(
			'getRemoteSessions',
			'Get Remote Sessions',
			'GetHistoryOfServiceRASessions',
			'remote access sessions history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		history(
			'getRemoteSessionComments',
			'Get Remote Session Comments',
			'GetHistoryOfServiceRASessionsComments',
			'comments on remote access sessions',
			[...REQUIRED_PERIOD, ...WHO],
		),
		history(
			'getTreatments',
			'Get Treatments',
			'GetHistoryOfServiceTreatments',
			'treatments history',
			TREATMENT_PERIOD,
			{
				notice: TEN_AN_HOUR('GetHistoryOfServiceTreatments', 35),
			},
		),
		history(
			'getTreatmentComments',
			'Get Treatment Comments',
			'GetHistoryOfServiceTreatmentsComments',
			'comments on treatments',
			TREATMENT_PERIOD,
		),
		history(
			'getOpenedTreatments',
			'Get Opened Treatments',
			'GetOpenedServiceTreatments',
			'treatments open now',
			[text('ClientID'), text('ServiceUserID'), text('ServiceID')],
		),
		history('getSipCalls', 'Get SIP Calls', 'GetHistoryOfSIPCalls', 'SIP telephony calls history', [
			...REQUIRED_PERIOD,
			...WHO,
		]),
		history(
			'getAgentSessions',
			'Get Agent Sessions',
			'GetHistoryOfAgentSessions',
			'agent sessions history',
			[...REQUIRED_PERIOD, text('ServiceUserID')],
		),
		history(
			'getColleaguesChat',
			'Get Colleagues Chat',
			'GetHistoryOfColleaguesChat',
			'chat between colleagues as a ZIP of HTML files',
			[...REQUIRED_PERIOD, text('Specialist1ID'), text('Specialist2ID')],
			{ file: { fileName: 'colleagues-chat.zip', mimeType: 'application/zip' } },
		),
	],
};

export const description = describeResource(resource);
