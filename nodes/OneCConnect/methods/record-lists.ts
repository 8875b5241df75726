/** The 1C-Connect lists a record picker can show: the read operation, its ID column and a title. */
export interface RecordList {
	/** The n8n listSearch method name. */
	method: string;
	/** The read that lists the records (no paging: 1C answers the whole list in one reply). */
	operation: string;
	idColumn: string;
	/** Columns joined into the title shown in the picker, in this order, where present. */
	titleColumns: string[];
	/** What the picker lists, for its placeholder and errors. */
	what: string;
}

const list = (
	method: string,
	operation: string,
	idColumn: string,
	titleColumns: string[],
	what: string,
): RecordList => ({ method, operation, idColumn, titleColumns, what });

export const RECORD_LISTS: RecordList[] = [
	list('searchClients', 'ClientRead', 'ClientID', ['Name', 'INN'], 'client'),
	list(
		'searchSpecialists',
		'SpecialistRead',
		'SpecialistID',
		['Surname', 'Name', 'SecondaryName', 'EMail'],
		'specialist',
	),
	list(
		'searchClientUsers',
		'ClientUserRead',
		'UserID',
		['Surname', 'Name', 'EMail'],
		'client user',
	),
	list('searchServiceLines', 'ServiceLineKindRead', 'ServiceID', ['Name'], 'support line'),
	list('searchServiceKinds', 'ServiceKindRead', 'ServiceKindID', ['Name'], 'service kind'),
	list('searchDepartments', 'DepartmentRead', 'DepartmentID', ['Name'], 'department'),
	list(
		'searchClientDepartments',
		'ClientDepartmentRead',
		'ClientDepartmentID',
		['Name'],
		'client department',
	),
	list(
		'searchClientParameters',
		'ClientAdditionalParameterRead',
		'ClientParameterID',
		['Name'],
		'client additional parameter',
	),
	list(
		'searchRequestTypes',
		'ServiceRequestTypeRead',
		'ServiceRequestTypeID',
		['Name'],
		'request type',
	),
	list(
		'searchRequestStatuses',
		'ServiceRequestStatusRead',
		'ServiceRequestStatusID',
		['Name'],
		'request status',
	),
	list(
		'searchRequestChannels',
		'ServiceRequestChannelRead',
		'ServiceRequestChannelID',
		['Name'],
		'request channel',
	),
	list('searchStartPictures', 'StartPictureRead', 'StartPictureID', ['Name'], 'start picture'),
	list('searchStorefrontProducts', 'StorefrontProductsRead', 'ProductID', ['Name'], 'product'),
];

/** Which list each 1C parameter picks from; a parameter not named here is typed as text. */
export const PICKER_OF_FIELD: Readonly<Record<string, string>> = {
	ClientID: 'searchClients',
	SpecialistID: 'searchSpecialists',
	ExecutorID: 'searchSpecialists',
	Specialist1ID: 'searchSpecialists',
	Specialist2ID: 'searchSpecialists',
	UserID: 'searchClientUsers',
	ServiceID: 'searchServiceLines',
	ServiceLineKindID: 'searchServiceLines',
	ServiceKindID: 'searchServiceKinds',
	DepartmentID: 'searchDepartments',
	ClientDepartmentID: 'searchClientDepartments',
	ClientParameterID: 'searchClientParameters',
	ServiceRequestTypeID: 'searchRequestTypes',
	ServiceRequestStatusID: 'searchRequestStatuses',
	ServiceRequestChannelID: 'searchRequestChannels',
	StartPictureID: 'searchStartPictures',
	ProductID: 'searchStorefrontProducts',
};

export const RECORD_LIST_BY_METHOD = new Map(RECORD_LISTS.map((each) => [each.method, each]));
