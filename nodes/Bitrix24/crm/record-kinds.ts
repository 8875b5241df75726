import type { IDataObject } from 'n8n-workflow';

/**
 * One kind of Bitrix24 record the node reads and writes: its methods, how its ID is named in
 * requests and replies, and where its page lives in the portal.
 */
export interface RecordKind {
	/** The Resource value (saved in workflows). */
	resource: string;
	/** Singular, for UI copy: "Deal". */
	label: string;
	methods: {
		fields: string;
		list: string;
		get: string;
		add: string;
		update: string;
		delete: string;
	};
	/** The parameter that names the record in get, update and delete (`id`, `taskId`). */
	idParam: string;
	/** The ID's name in filter and order, and in the rows answered. */
	idField: string;
	idKey: string;
	/** Where list rows are (`items`, `tasks`), and where get/add/update put the record (`item`). */
	rowsKey?: string;
	recordKey?: string;
	/** Where the field metadata is in the `fields` reply (`fields`), when not the result itself. */
	fieldsKey?: string;
	/** The record's page in the portal: `…/crm/deal/details/123/`. */
	urlPattern: string;
	/** How a record is named in pickers. */
	titleFields: string[];
	/** Fields the record picker lists. */
	searchField: string;
	/** CRM entity name for crm.duplicate.findbycomm (LEAD, CONTACT, COMPANY). */
	duplicateType?: string;
	/** The entityTypeId whose pipelines (crm.category.list) the records use; `scope`: the smart process's. */
	pipelines?: number | 'scope';
	/** Required on create by the method itself, where the field list says otherwise. */
	requiredOnCreate?: string[];
	/** Fields the portal fills itself, which its field list does not mark read-only. */
	systemFields?: string[];
	/** Types the kind's field list reports otherwise: user IDs reported as integers. */
	typeOverrides?: Record<string, string>;
	/** Whether the records hold phones and e-mails (crm_multifield fields). */
	multiFields?: boolean;
	/**
	 * A CRM object's type (crm.enum.ownertype: lead 1, deal 2, contact 3, company 4), which
	 * makes it a CRM resource of the node; `picked`: a smart process the user picks.
	 */
	entityTypeId?: number | 'picked';
	/** Whether the records hold product rows (crm.item.productrow.*): deals, leads, quotes, smart processes. */
	productRows?: boolean;
}

const crm = (
	resource: string,
	label: string,
	entityTypeId: number,
	titleFields: string[],
	searchField: string,
	duplicateType?: string,
	extra: Partial<RecordKind> = {},
): RecordKind => ({
	resource,
	label,
	methods: {
		fields: `crm.${resource}.fields`,
		list: `crm.${resource}.list`,
		get: `crm.${resource}.get`,
		add: `crm.${resource}.add`,
		update: `crm.${resource}.update`,
		delete: `crm.${resource}.delete`,
	},
	idParam: 'id',
	idField: 'ID',
	idKey: 'ID',
	urlPattern: `https?://.+/crm/${resource}/details/(\\d+)/?.*`,
	titleFields,
	searchField,
	duplicateType,
	multiFields: duplicateType !== undefined,
	entityTypeId,
	...extra,
});

export const DEAL = crm('deal', 'Deal', 2, ['TITLE'], 'TITLE', undefined, {
	pipelines: 2,
	productRows: true,
});
export const LEAD = crm('lead', 'Lead', 1, ['TITLE', 'NAME', 'LAST_NAME'], 'TITLE', 'LEAD', {
	productRows: true,
});
export const CONTACT = crm('contact', 'Contact', 3, ['NAME', 'LAST_NAME'], 'LAST_NAME', 'CONTACT');
export const COMPANY = crm('company', 'Company', 4, ['TITLE'], 'TITLE', 'COMPANY');

/** A kind the universal crm.item.* methods serve, named by its entityTypeId in every call. */
const universal = (
	resource: string,
	label: string,
	entityTypeId: number | 'picked',
	urlPattern: string,
	extra: Partial<RecordKind> = {},
): RecordKind => ({
	resource,
	label,
	methods: {
		fields: 'crm.item.fields',
		list: 'crm.item.list',
		get: 'crm.item.get',
		add: 'crm.item.add',
		update: 'crm.item.update',
		delete: 'crm.item.delete',
	},
	idParam: 'id',
	idField: 'id',
	idKey: 'id',
	rowsKey: 'items',
	recordKey: 'item',
	fieldsKey: 'fields',
	urlPattern,
	titleFields: ['title'],
	searchField: 'title',
	entityTypeId,
	productRows: true,
	...extra,
});

// REST docs, api-reference/crm/quote/index.md: estimates are served by crm.item.* with entityTypeId 7.
export const QUOTE = universal(
	'quote',
	'Quote',
	7,
	'https?://.+/crm/(?:type/7/details|quote/show)/(\\d+)/?.*',
);

export const SMART_PROCESS_ITEM = universal(
	'smartProcessItem',
	'Smart Process Item',
	'picked',
	'https?://.+/crm/type/\\d+/details/(\\d+)/?.*',
	{ pipelines: 'scope' },
);

export const TASK: RecordKind = {
	resource: 'task',
	label: 'Task',
	methods: {
		fields: 'tasks.task.getFields',
		list: 'tasks.task.list',
		get: 'tasks.task.get',
		add: 'tasks.task.add',
		update: 'tasks.task.update',
		delete: 'tasks.task.delete',
	},
	idParam: 'taskId',
	idField: 'ID',
	idKey: 'id',
	rowsKey: 'tasks',
	recordKey: 'task',
	fieldsKey: 'fields',
	urlPattern: 'https?://.+/tasks/task/view/(\\d+)/?.*',
	titleFields: ['title'],
	searchField: 'TITLE',
	// api-reference/tasks/tasks-task-add.md: TITLE and RESPONSIBLE_ID; getFields also marks CREATED_BY.
	requiredOnCreate: ['TITLE', 'RESPONSIBLE_ID'],
	typeOverrides: { RESPONSIBLE_ID: 'user', CREATED_BY: 'user' },
	// api-reference/tasks/fields.md: what the portal sets itself as the task is worked on.
	systemFields: [
		'STATUS',
		'CREATED_DATE',
		'CHANGED_BY',
		'CHANGED_DATE',
		'STATUS_CHANGED_BY',
		'STATUS_CHANGED_DATE',
		'CLOSED_BY',
		'CLOSED_DATE',
		'ACTIVITY_DATE',
		'VIEWED_DATE',
		'COMMENTS_COUNT',
		'SERVICE_COMMENTS_COUNT',
		'NEW_COMMENTS_COUNT',
		'NOT_VIEWED',
		'FORUM_TOPIC_ID',
		'FORUM_ID',
		'TIME_SPENT_IN_LOGS',
		'DURATION_FACT',
		'EXCHANGE_MODIFIED',
		'EXCHANGE_ID',
		'OUTLOOK_VERSION',
		'FORKED_BY_TEMPLATE_ID',
		'MULTITASK',
		'SUBORDINATE',
		'FAVORITE',
	],
};

/** Every kind of record the node reads and writes; each CRM kind is a resource of its own. */
export const RECORD_KINDS = [DEAL, LEAD, CONTACT, COMPANY, QUOTE, SMART_PROCESS_ITEM, TASK];

export const CRM_KINDS = RECORD_KINDS.filter((kind) => kind.entityTypeId !== undefined);

export function kindOf(resource: string): RecordKind | undefined {
	return RECORD_KINDS.find((kind) => kind.resource === resource);
}

/** A record's name in a picker: its title fields, else "Deal 12". */
export function recordTitle(kind: RecordKind, row: IDataObject): string {
	const words = kind.titleFields
		.map((field) => row[field])
		.filter((value) => typeof value === 'string' && value.trim() !== '');
	const id = String(row[kind.idKey] ?? '');
	return words.length > 0 ? `${words.join(' ')} (${id})` : `${kind.label} ${id}`;
}
