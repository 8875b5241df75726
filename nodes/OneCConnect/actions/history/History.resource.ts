import { PERIOD, date, readOperation, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

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

export const history = typedResource({
	value: 'history',
	name: 'History',
	operations: [
		readOperation(
			'getServiceCalls',
			'Get Service Calls',
			'GetHistoryOfServiceCalls',
			'service calls history',
			[...REQUIRED_PERIOD, ...WHO],
			{ notice: TEN_AN_HOUR('GetHistoryOfServiceCalls', 7) },
		),
		readOperation(
			'getServiceCallComments',
			'Get Service Call Comments',
			'GetHistoryOfServiceCallsComments',
			'comments on service calls',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getServiceChat',
			'Get Service Chat',
			'GetHistoryOfServiceChat',
			'support line chat history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getFileTransfers',
			'Get File Transfers',
			'GetHistoryOfServiceFileTransfer',
			'file transfer history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getRemoteSessions',
			'Get Remote Sessions',
			'GetHistoryOfServiceRASessions',
			'remote access sessions history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getRemoteSessionComments',
			'Get Remote Session Comments',
			'GetHistoryOfServiceRASessionsComments',
			'comments on remote access sessions',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getTreatments',
			'Get Treatments',
			'GetHistoryOfServiceTreatments',
			'treatments history',
			TREATMENT_PERIOD,
			{
				notice: TEN_AN_HOUR('GetHistoryOfServiceTreatments', 35),
			},
		),
		readOperation(
			'getTreatmentComments',
			'Get Treatment Comments',
			'GetHistoryOfServiceTreatmentsComments',
			'comments on treatments',
			TREATMENT_PERIOD,
		),
		readOperation(
			'getOpenedTreatments',
			'Get Opened Treatments',
			'GetOpenedServiceTreatments',
			'treatments open now',
			[text('ClientID'), text('ServiceUserID'), text('ServiceID')],
		),
		readOperation(
			'getSipCalls',
			'Get SIP Calls',
			'GetHistoryOfSIPCalls',
			'SIP telephony calls history',
			[...REQUIRED_PERIOD, ...WHO],
		),
		readOperation(
			'getAgentSessions',
			'Get Agent Sessions',
			'GetHistoryOfAgentSessions',
			'agent sessions history',
			[...REQUIRED_PERIOD, text('ServiceUserID')],
		),
		readOperation(
			'getColleaguesChat',
			'Get Colleagues Chat',
			'GetHistoryOfColleaguesChat',
			'chat between colleagues as a ZIP of HTML files',
			[...REQUIRED_PERIOD, text('Specialist1ID'), text('Specialist2ID')],
			{ file: { fileName: 'colleagues-chat.zip', mimeType: 'application/zip' } },
		),
	],
});
