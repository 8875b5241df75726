/** The 87 known PartnerWebAPI2 operations (VENDOR_NOTES), the simulator's own copy. */
const groups: Record<string, string[]> = {
	Client: ['Add', 'Edit', 'Delete', 'Read', 'ITSStatus', 'SetClientManager', 'SetServiceManager'],
	ClientAdditionalParameter: ['Add', 'Edit', 'Delete', 'Read', 'ValueEdit', 'ValueRead'],
	ClientDepartment: ['Add', 'Edit', 'Delete', 'Read'],
	ClientUser: ['Add', 'Edit', 'Delete', 'Read', 'SendWelcomeEmail'],
	Competence: ['Add', 'Edit', 'Delete', 'Read'],
	Department: ['Add', 'Edit', 'Delete', 'Read'],
	Specialist: ['Add', 'Edit', 'Delete', 'Read', 'SendWelcomeEmail'],
	ServiceLineKind: ['Add', 'Edit', 'Delete', 'Read'],
	UserServiceLine: ['Add', 'Edit', 'Delete', 'Read'],
	ServiceKind: ['Add', 'Edit', 'Delete', 'Read'],
	ServiceRequest: [
		'Add',
		'Edit',
		'Read',
		'StatusRead',
		'TypeRead',
		'TypeAdd',
		'TypeEdit',
		'TypeDelete',
		'ChannelRead',
		'Files',
		'Messages',
		'SendTextMessage',
		'EditTextMessage',
		'DeleteTextMessage',
		'AttachFile',
		'DeleteFile',
		'DownloadFile',
		'History',
	],
	GetHistoryOf: [
		'ServiceCalls',
		'ServiceCallsComments',
		'ServiceChat',
		'ServiceFileTransfer',
		'ServiceRASessions',
		'ServiceRASessionsComments',
		'ServiceTreatments',
		'ServiceTreatmentsComments',
		'SIPCalls',
		'AgentSessions',
		'ColleaguesChat',
	],
	'': [
		'GetOpenedServiceTreatments',
		'GetClientUsageStatistics',
		'PartnerNotificationAdd',
		'RegionRead',
		'StartPictureRead',
		'StartPictureClicksHistoryRead',
		'StorefrontProductsRead',
		'StorefrontProductClicksHistoryRead',
		'StorefrontProductBuyRequestsGet',
		'StorefrontProductBuyRequestsAccept',
		'StorefrontProductBuyRequestsRefuse',
	],
};

export const PARTNER_OPERATIONS: readonly string[] = Object.entries(groups).flatMap(
	([prefix, names]) => names.map((name) => `${prefix}${name}`),
);

/** Operations that take plain child elements instead of one `Params` value. */
export const PLAIN_OPERATIONS: Readonly<Record<string, string[]>> = {
	ServiceRequestSendTextMessage: ['ServiceRequestID', 'AuthorID', 'Message'],
	ServiceRequestAttachFile: ['ServiceRequestID', 'AuthorID', 'Name', 'Hash', 'Data'],
	ServiceRequestDownloadFile: ['FileID'],
};

/** Calls per hour per login by day (VENDOR_NOTES); the rest get DEFAULT_HOURLY_LIMIT. */
export const DOCUMENTED_HOURLY_LIMITS: Readonly<Record<string, number>> = {
	ClientRead: 250,
	ClientUserEdit: 250,
	ServiceRequestAdd: 50,
	CompetenceAdd: 250,
	ServiceRequestRead: 120,
	ServiceRequestHistory: 50,
	ServiceKindDelete: 50,
	ServiceRequestTypeDelete: 50,
	GetHistoryOfServiceCalls: 10,
	GetHistoryOfServiceTreatments: 10,
	GetHistoryOfServiceFileTransfer: 250,
};
export const DEFAULT_HOURLY_LIMIT = 1000;

/** Objects per batch call; 100 unless the vendor documents less. */
export const MAX_BATCH_ROWS: Readonly<Record<string, number>> = { ServiceKindDelete: 50 };
export const DEFAULT_MAX_BATCH_ROWS = 100;
