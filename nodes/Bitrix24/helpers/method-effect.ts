/**
 * Bitrix24 names a method after what it does, its last part the verb. In the REST reference
 * (github.com/bitrix24/b24restdocs, api-reference/) 573 of 1,624 methods end in one of these, and
 * each returns data: `.get` (one record or setting), `.list`, `.fields` and the older spellings
 * `.getFields` and `.getList`. Their changing verbs are `.add`, `.update`, `.delete`, `.set` and
 * many more, so any other name counts as a change.
 */
const READ_VERBS = new Set(['get', 'list', 'fields', 'getfields', 'getlist']);

/**
 * Named as readers, documented as writers: event.offline.get removes the events it returns
 * (`clear` is 1 by default), im.notify.read.list marks notifications read.
 */
const WRITES_DESPITE_NAME = new Set(['event.offline.get', 'im.notify.read.list']);

/** Whether a REST method only reads, by its name: safe to send again. */
export function methodReads(method: string): boolean {
	const name = method.trim().toLowerCase();
	if (WRITES_DESPITE_NAME.has(name)) return false;
	return READ_VERBS.has(name.slice(name.lastIndexOf('.') + 1)) && name.includes('.');
}
