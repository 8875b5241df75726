/** The 1C-Connect objects the simulator keeps, with their key and the columns reads answer. */
export interface ObjectKind {
	/** The prefix of its operations: ClientAdd, ClientEdit, ClientDelete, ClientRead. */
	name: string;
	/** One generated ID field, or the fields that together identify the object. */
	key: string[];
	/** Fields an Add must fill. */
	required: string[];
	columns: string[];
	/** The Read filter by period uses PeriodFrom/PeriodTo rather than ChangedFrom. */
	readByPeriod?: boolean;
	/** Checks a field value; answers the problem, or undefined when it is fine. */
	check?: (field: string, value: unknown) => string | undefined;
	/** Other objects a field must name: field → kind. */
	references?: Record<string, string>;
}

const PERSON = ['Name', 'Surname', 'SecondaryName', 'Post', 'Phone', 'EMail'];

const maxLength = (limits: Record<string, number>) => (field: string, value: unknown) =>
	limits[field] !== undefined && String(value ?? '').length > limits[field]
		? `${field}: at most ${limits[field]} characters`
		: undefined;

export const OBJECT_KINDS: ObjectKind[] = [
	{
		name: 'Specialist',
		key: ['SpecialistID'],
		required: ['Name'],
		columns: ['SpecialistID', ...PERSON, 'DepartmentID', 'Deleted'],
		check: maxLength({ Name: 20, Surname: 20, SecondaryName: 20, Post: 50, Phone: 320 }),
	},
	{
		name: 'Department',
		key: ['DepartmentID'],
		required: ['Name'],
		columns: ['DepartmentID', 'Name', 'Deleted'],
		check: maxLength({ Name: 100 }),
	},
	{
		name: 'Client',
		key: ['ClientID'],
		required: ['Name'],
		columns: [
			'ClientID',
			'Name',
			'FullName',
			'INN',
			'KPP',
			'Phone',
			'EMail',
			'Address',
			'Comment',
			'ClientManagerID',
			'ServiceManagerID',
			'Deleted',
		],
	},
	{
		name: 'ClientUser',
		key: ['UserID'],
		required: ['ClientID', 'Name'],
		columns: ['UserID', 'ClientID', ...PERSON, 'ClientDepartmentID', 'Deleted'],
		check: maxLength({
			Name: 20,
			Surname: 20,
			SecondaryName: 20,
			Password: 10,
			Post: 50,
			Phone: 320,
		}),
		references: { ClientID: 'Client' },
	},
	{
		name: 'ClientDepartment',
		key: ['ClientDepartmentID'],
		required: ['ClientID', 'Name'],
		columns: ['ClientDepartmentID', 'ClientID', 'Name', 'Deleted'],
		references: { ClientID: 'Client' },
	},
	{
		name: 'ClientAdditionalParameter',
		key: ['ClientParameterID'],
		required: ['Name'],
		columns: ['ClientParameterID', 'Name', 'Deleted'],
	},
	{
		name: 'Competence',
		key: ['SpecialistID', 'ServiceID'],
		required: ['SpecialistID', 'ServiceID'],
		columns: ['SpecialistID', 'ServiceID', 'Priority', 'Deleted'],
		check: (field, value) =>
			field === 'Priority' && !['0', '1', '2', '3'].includes(String(value))
				? 'Priority: 0 (observer), 1 (high), 2 (medium) or 3 (standard)'
				: undefined,
		references: { SpecialistID: 'Specialist', ServiceID: 'ServiceLineKind' },
	},
	{
		name: 'ServiceLineKind',
		key: ['ServiceID'],
		required: ['Name'],
		columns: ['ServiceID', 'Name', 'Description', 'Deleted'],
	},
	{
		name: 'UserServiceLine',
		key: ['ServiceUserID', 'ServiceID'],
		required: ['ServiceUserID', 'ServiceID'],
		columns: ['ServiceUserID', 'ServiceID', 'CreateTime', 'ActivateDate', 'ExpiresDate', 'Deleted'],
		references: { ServiceID: 'ServiceLineKind' },
	},
	{
		name: 'ServiceKind',
		key: ['ServiceKindID'],
		required: ['Name'],
		columns: ['ServiceKindID', 'Name', 'Deleted'],
	},
	{
		name: 'ServiceRequest',
		key: ['ServiceRequestID'],
		required: ['ServiceLineKindID', 'UserID'],
		readByPeriod: true,
		columns: [
			'ServiceRequestID',
			'Number',
			'ServiceLineKindID',
			'UserID',
			'ClientID',
			'ExecutorID',
			'ServiceRequestStatusID',
			'ServiceRequestTypeID',
			'ServiceRequestChannelID',
			'ServiceKindID',
			'Priority',
			'Description',
			'Summary',
			'Duration',
			'Deadline',
			'CreateTime',
			'Deleted',
		],
		check: (field, value) => {
			if (field === 'Priority' && !['LOW', 'STANDARD', 'HIGH'].includes(String(value))) {
				return 'Priority: LOW, STANDARD or HIGH';
			}
			return maxLength({ Description: 8000, Summary: 1000 })(field, value);
		},
		references: { ServiceLineKindID: 'ServiceLineKind', UserID: 'ClientUser' },
	},
	{
		name: 'ServiceRequestType',
		key: ['ServiceRequestTypeID'],
		required: ['Name'],
		columns: ['ServiceRequestTypeID', 'Name', 'Deleted'],
	},
];

export const KIND_BY_NAME = new Map(OBJECT_KINDS.map((kind) => [kind.name, kind]));
