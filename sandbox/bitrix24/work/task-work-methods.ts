// Task comments, checklists and time spent as b24restdocs describes them:
// api-reference/tasks/comment-item/task-comment-item-add.md and task-comment-item-get-list.md,
// api-reference/tasks/checklist-item/task-checklist-item-add.md, task-checklist-item-get-list.md and
// task-checklist-item-complete.md, api-reference/tasks/elapsed-item/task-elapsed-item-add.md.
// Every failure is ERROR_CORE with the tasks module's exception text.
import { MethodError } from '../bitrix-errors';
import { nowStamp } from '../crm/store';
import { PAGE_SIZE } from '../crm/query';
import type { MethodContext, MethodResult } from '../methods';

const core = (text: string) => new MethodError(400, 'ERROR_CORE', text);

function taskOf({ params, portal }: MethodContext, method: string) {
	const id = Number(params.TASKID);
	if (!Number.isInteger(id) || id <= 0) {
		throw core(
			`TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) for method ${method}() expected to be of type "integer", but given something else.; 256/TE/WRONG_ARGUMENTS`,
		);
	}
	if (!portal.tasks.rows.some((row) => row.id === String(id))) {
		throw core('TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED');
	}
	return String(id);
}

function fieldsOf(params: Record<string, unknown>, name: string, method: string) {
	const fields = params[name];
	if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
		throw core(
			`TASKS_ERROR_EXCEPTION_#256; Param #1 (arFields) expected by method ${method}(), but not given.; 256/TE/WRONG_ARGUMENTS`,
		);
	}
	return fields as Record<string, unknown>;
}

/** ORDER {FIELD: asc|desc}; by default ID descending. */
function ordered(rows: Array<Record<string, unknown>>, order: unknown) {
	const [field, direction] = Object.entries(
		(order ?? { ID: 'desc' }) as Record<string, unknown>,
	)[0] ?? ['ID', 'desc'];
	const sign = String(direction).toLowerCase() === 'asc' ? 1 : -1;
	const value = (row: Record<string, unknown>) => {
		const raw = row[field];
		return Number.isFinite(Number(raw)) ? Number(raw) : String(raw);
	};
	return [...rows].sort((a, b) => (value(a) > value(b) ? sign : value(a) < value(b) ? -sign : 0));
}

function commentAdd(context: MethodContext): MethodResult {
	const taskId = taskOf(context, 'ctaskcommentitem::add');
	const fields = fieldsOf(context.params, 'FIELDS', 'ctaskcommentitem::add');
	const text = String(fields.POST_MESSAGE ?? '').trim();
	if (text === '') throw core('Comment text is not specified');
	const authorId = String(fields.AUTHOR_ID ?? context.caller.userId);
	const author = context.portal.users.find((user) => String(user.ID) === authorId);
	const id = context.portal.work.nextId();
	context.portal.work.comments.push({
		TASK_ID: taskId,
		POST_MESSAGE_HTML: null,
		ID: String(id),
		AUTHOR_ID: authorId,
		AUTHOR_NAME: author ? `${String(author.NAME)} ${String(author.LAST_NAME)}` : '',
		AUTHOR_EMAIL: String(author?.EMAIL ?? ''),
		POST_DATE: String(fields.POST_DATE ?? nowStamp()),
		POST_MESSAGE: text,
		ATTACHED_OBJECTS: {},
	});
	return { result: id };
}

function commentList(context: MethodContext): MethodResult {
	const taskId = taskOf(context, 'ctaskcommentitem::getlist');
	const filter = (context.params.FILTER ?? {}) as Record<string, unknown>;
	const rows = ordered(
		context.portal.work.comments
			.filter((row) => row.TASK_ID === taskId)
			.filter(
				(row) => filter.AUTHOR_ID === undefined || row.AUTHOR_ID === String(filter.AUTHOR_ID),
			),
		context.params.ORDER,
	).map((row) => {
		const copy = { ...row };
		delete copy.TASK_ID;
		return copy;
	});
	// One page of 50; `start` moves through the rest.
	const start = Math.max(0, Number(context.params.start ?? 0) || 0);
	const next = start + PAGE_SIZE < rows.length ? start + PAGE_SIZE : undefined;
	return {
		result: rows.slice(start, start + PAGE_SIZE),
		total: rows.length,
		...(next === undefined ? {} : { next }),
	};
}

function checklistAdd(context: MethodContext): MethodResult {
	const taskId = taskOf(context, 'ctaskchecklistitem::add');
	const fields = fieldsOf(context.params, 'FIELDS', 'ctaskchecklistitem::add');
	const title = String(fields.TITLE ?? '').trim();
	if (title === '') {
		throw core(
			'TASKS_ERROR_EXCEPTION_#8; Item name not specified; 8/TE/ACTION_FAILED_TO_BE_PROCESSED',
		);
	}
	const items = context.portal.work.checklist.filter((row) => row.TASK_ID === taskId);
	const id = context.portal.work.nextId();
	let parent = fields.PARENT_ID === undefined ? undefined : String(fields.PARENT_ID);
	if (parent === undefined) {
		// Into the task's first checklist, created when there is none.
		const root = items.find((row) => row.PARENT_ID === '0');
		parent = root ? String(root.ID) : undefined;
		if (!parent) {
			const rootId = context.portal.work.nextId();
			context.portal.work.checklist.push(checklistRow(taskId, rootId, '0', 'Чек-лист', context));
			parent = String(rootId);
		}
	}
	const row = checklistRow(taskId, id, parent, title, context);
	row.IS_COMPLETE = fields.IS_COMPLETE === 'Y' ? 'Y' : 'N';
	row.IS_IMPORTANT = fields.IS_IMPORTANT === 'Y' ? 'Y' : 'N';
	if (fields.SORT_INDEX !== undefined) row.SORT_INDEX = String(fields.SORT_INDEX);
	context.portal.work.checklist.push(row);
	return { result: id };
}

function checklistRow(
	taskId: string,
	id: number,
	parent: string,
	title: string,
	context: MethodContext,
): Record<string, unknown> {
	return {
		ID: String(id),
		TASK_ID: taskId,
		PARENT_ID: parent,
		CREATED_BY: String(context.caller.userId),
		TITLE: title,
		SORT_INDEX: '0',
		IS_COMPLETE: 'N',
		IS_IMPORTANT: 'N',
		TOGGLED_BY: null,
		TOGGLED_DATE: null,
		MEMBERS: [],
		ATTACHMENTS: {},
	};
}

function checklistComplete(context: MethodContext): MethodResult {
	const itemId = Number(context.params.ITEMID);
	if (!(Number(context.params.TASKID) > 0) || !(itemId > 0))
		throw core('TASKS_ERROR_ASSERT_EXCEPTION');
	// The item is found by ITEMID alone: its task is not checked.
	const item = context.portal.work.checklist.find((row) => row.ID === String(itemId));
	if (!item)
		throw core('TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED');
	item.IS_COMPLETE = 'Y';
	item.TOGGLED_BY = String(context.caller.userId);
	item.TOGGLED_DATE = nowStamp();
	return { result: true };
}

function elapsedAdd(context: MethodContext): MethodResult {
	const taskId = taskOf(context, 'ctaskelapseditem::add');
	const fields = fieldsOf(context.params, 'ARFIELDS', 'ctaskelapseditem::add');
	const seconds = Number(fields.SECONDS);
	if (!Number.isInteger(seconds) || seconds <= 0) {
		throw core('TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED');
	}
	if (String(fields.COMMENT_TEXT ?? '').trim() === '') {
		throw core('TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED');
	}
	const id = context.portal.work.nextId();
	context.portal.work.elapsed.push({
		ID: String(id),
		TASK_ID: taskId,
		USER_ID: String(fields.USER_ID ?? context.caller.userId),
		SECONDS: String(seconds),
		COMMENT_TEXT: String(fields.COMMENT_TEXT ?? ''),
		CREATED_DATE: nowStamp(),
	});
	return { result: id };
}

export const TASK_WORK_METHODS = {
	'task.commentitem.add': commentAdd,
	'task.commentitem.getlist': commentList,
	'task.checklistitem.add': checklistAdd,
	'task.checklistitem.getlist': (context: MethodContext): MethodResult => {
		const taskId = taskOf(context, 'ctaskchecklistitem::getlist');
		const rows = context.portal.work.checklist.filter((row) => row.TASK_ID === taskId);
		return { result: ordered(rows, context.params.ORDER) };
	},
	'task.checklistitem.complete': checklistComplete,
	'task.elapseditem.add': elapsedAdd,
};
