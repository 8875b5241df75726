// Timeline comments and activities as bitrix24/b24restdocs describes them:
// api-reference/crm/timeline/comments/crm-timeline-comment-{add,list}.md (FILES: [name, Base64]
// pairs in, saved on Drive; read back as {<Drive file ID>: {id, name, size, urlDownload, …}}),
// api-reference/crm/timeline/activities/todo/crm-activity-todo-add.md,
// api-reference/crm/timeline/activities/activity-base/crm-activity-{list,update}.md.
import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import type { Row } from '../crm/query';
import { conditionsOf, matches, pageOf, selectFields, sortRows } from '../crm/query';
import { nowStamp } from '../crm/store';
import { listOf } from '../php-params';
import type { PortalState } from '../portal-state';
import { ownerExists, required } from './owners';

type Method = (context: MethodContext) => MethodResult;

/** `deal`, `lead`, `contact`, `company`, `dynamic_1046` → the type's number. */
function typeOfName(name: unknown): number | undefined {
	const text = String(name ?? '').toLowerCase();
	const system: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7 };
	if (system[text]) return system[text];
	const dynamic = /^dynamic_(\d+)$/.exec(text);
	return dynamic ? Number(dynamic[1]) : undefined;
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

const ownerNotFound = () => new MethodError(400, 'OWNER_NOT_FOUND', 'Owner of the item not found');

/** A datetime such as 2025-02-03T15:00:00 or 2025-02-03T15:00:00+03:00. */
function checkDateTime(value: unknown): string {
	const text = String(value);
	if (
		!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:?\d\d|Z)?$/.test(text) ||
		isNaN(Date.parse(text))
	) {
		throw new MethodError(400, 'WRONG_DATETIME_FORMAT', 'Incorrect date format');
	}
	return text;
}

/** Without `select`, an activity list leaves out COMMUNICATIONS and FILES. */
const listedByDefault = (field: string) => !['COMMUNICATIONS', 'FILES'].includes(field);

/** `FILES`: a list of [name, Base64] pairs (api-reference/files/how-to-upload-files.md#multiple-array). */
function filesOf(value: unknown): Array<{ name: string; content: Buffer }> {
	if (blank(value)) return [];
	return listOf(value).map((entry) => {
		const [name, base64] = listOf(entry);
		// The docs name no error code for a broken pair; an empty string is "a method error".
		if (typeof name !== 'string' || typeof base64 !== 'string' || base64 === '') {
			throw new MethodError(400, 'INVALID_ARG_VALUE', 'Could not save file');
		}
		return { name, content: Buffer.from(base64, 'base64') };
	});
}

/** A comment as the list answers it: its files by Drive file ID, as the docs' reply shows them. */
function commentReply(row: Row, portal: PortalState, origin: string): Row {
	const { FILE_IDS, ...comment } = row;
	const files: Record<string, unknown> = {};
	for (const id of (FILE_IDS as string[] | undefined) ?? []) {
		const file = portal.work.drive.find((object) => object.ID === id);
		if (!file) continue;
		const name = encodeURIComponent(file.NAME);
		files[id] = {
			id: Number(id),
			date: file.CREATE_TIME,
			type: 'file',
			name: file.NAME,
			size: file.content?.length ?? 0,
			authorId: Number(file.CREATED_BY),
			authorName: '',
			urlPreview: '',
			urlShow: `${origin}/disk/showFile/${id}/?&ncc=1&filename=${name}`,
			urlDownload: `${origin}/disk/downloadFile/${id}/?&ncc=1&filename=${name}`,
		};
	}
	return { ...comment, FILES: files };
}

export const TIMELINE_METHODS: Record<string, Method> = {
	'crm.timeline.comment.add': ({ params, portal, caller }) => {
		// Since crm 23.100.0 only the lowercase `fields` key is read.
		const fields = params.fields as Row | undefined;
		if (!fields || blank(fields.ENTITY_ID) || blank(fields.ENTITY_TYPE)) throw required();
		if (blank(String(fields.COMMENT ?? '').trim())) {
			throw new MethodError(400, 'INVALID_ARG_VALUE', 'Empty comment');
		}
		const entityTypeId = typeOfName(fields.ENTITY_TYPE);
		if (entityTypeId === undefined || !ownerExists(portal, entityTypeId, fields.ENTITY_ID)) {
			throw ownerNotFound();
		}
		const files = filesOf(fields.FILES);
		const extras = portal.crmExtras;
		const id = extras.nextId();
		extras.comments.push({
			ID: String(id),
			ENTITY_ID: String(fields.ENTITY_ID),
			ENTITY_TYPE: String(fields.ENTITY_TYPE).toLowerCase(),
			CREATED: nowStamp(),
			COMMENT: String(fields.COMMENT),
			AUTHOR_ID: String(caller.userId),
			FILE_IDS: files.map(
				(file) => portal.work.saveUploaded(caller.userId, file.name, file.content).ID,
			),
		});
		return { result: id };
	},
	'crm.timeline.comment.list': ({ params, portal, caller }) => {
		const filter = (params.filter ?? {}) as Row;
		if (blank(filter.ENTITY_ID) || blank(filter.ENTITY_TYPE)) throw required();
		const rows = sortRows(
			portal.crmExtras.comments.filter((row) => matches(row, conditionsOf(filter))),
			params.order,
		);
		const page = pageOf(rows, params.start);
		return {
			...page,
			result: (page.result as Row[]).map((row) =>
				selectFields(commentReply(row, portal, caller.origin), params.select, () => true),
			),
		};
	},
	'crm.activity.todo.add': ({ params, portal, caller }) => {
		if (blank(params.ownerTypeId) || blank(params.ownerId) || blank(params.deadline)) {
			throw new MethodError(400, '100', 'Required fields are missing');
		}
		const deadline = checkDateTime(params.deadline);
		if (!ownerExists(portal, Number(params.ownerTypeId), params.ownerId)) throw ownerNotFound();
		const extras = portal.crmExtras;
		const id = extras.nextId();
		const stamp = nowStamp();
		const responsible = blank(params.responsibleId) ? caller.userId : Number(params.responsibleId);
		if (!portal.users.some((user) => Number(user.ID) === responsible)) {
			throw new MethodError(400, 'NOT_FOUND', 'Responsible user not found');
		}
		extras.activities.push({
			ID: String(id),
			OWNER_ID: String(params.ownerId),
			OWNER_TYPE_ID: String(params.ownerTypeId),
			TYPE_ID: '6',
			PROVIDER_ID: 'CRM_TODO',
			PROVIDER_TYPE_ID: 'TODO',
			SUBJECT: String(params.title ?? ''),
			DESCRIPTION: String(params.description ?? ''),
			DESCRIPTION_TYPE: '1',
			CREATED: stamp,
			LAST_UPDATED: stamp,
			START_TIME: deadline,
			END_TIME: deadline,
			DEADLINE: deadline,
			COMPLETED: 'N',
			STATUS: '1',
			RESPONSIBLE_ID: String(responsible),
			PRIORITY: '2',
			AUTHOR_ID: String(caller.userId),
			EDITOR_ID: String(caller.userId),
			COMMUNICATIONS: [],
		});
		return { result: { id } };
	},
	'crm.activity.list': ({ params, portal }) => {
		const rows = sortRows(
			portal.crmExtras.activities.filter((row) => matches(row, conditionsOf(params.filter))),
			params.order ?? { START_TIME: 'ASC' },
		);
		const page = pageOf(rows, params.start);
		const select = params.select;
		return {
			...page,
			result: (page.result as Row[]).map((row) => selectFields(row, select, listedByDefault)),
		};
	},
	'crm.activity.update': ({ params, portal, caller }) => {
		const activity = portal.crmExtras.activities.find((row) => row.ID === String(params.id ?? ''));
		if (!activity) throw new MethodError(400, '', 'Activity is not found');
		const fields = (params.fields ?? {}) as Row;
		for (const name of ['SUBJECT', 'DESCRIPTION', 'PRIORITY']) {
			if (!blank(fields[name])) activity[name] = String(fields[name]);
		}
		if (fields.COMPLETED === 'Y' || fields.COMPLETED === 'N') {
			activity.COMPLETED = fields.COMPLETED;
			activity.STATUS = fields.COMPLETED === 'Y' ? '2' : '1';
		}
		activity.LAST_UPDATED = nowStamp();
		activity.EDITOR_ID = String(caller.userId);
		return { result: true };
	},
};
