import type { INodePropertyOptions } from 'n8n-workflow';

/** How the changed record is read back: its REST method, and where its ID sits in `data`. */
export interface RecordKind {
	method: string;
	/** The call's parameters for one record. */
	params: (id: string, data: EventData) => Record<string, string | number>;
	/** Where the record sits in the method's result. */
	unwrap?: string;
}

export type EventData = Record<string, unknown>;

const crm = (entity: string): RecordKind => ({
	method: `crm.${entity}.get`,
	params: (id) => ({ id }),
});

const KINDS: Record<string, RecordKind> = {
	DEAL: crm('deal'),
	LEAD: crm('lead'),
	CONTACT: crm('contact'),
	COMPANY: crm('company'),
	ACTIVITY: crm('activity'),
	DYNAMICITEM: {
		method: 'crm.item.get',
		params: (id, data) => ({ entityTypeId: String(fieldsOf(data).ENTITY_TYPE_ID ?? ''), id }),
		unwrap: 'item',
	},
	TASK: { method: 'tasks.task.get', params: (id) => ({ taskId: id }), unwrap: 'task' },
};

const RECORDS: Array<[string, string, string, string[]]> = [
	['Deal', 'ONCRMDEAL', 'DEAL', ['ADD', 'UPDATE', 'DELETE']],
	['Lead', 'ONCRMLEAD', 'LEAD', ['ADD', 'UPDATE', 'DELETE']],
	['Contact', 'ONCRMCONTACT', 'CONTACT', ['ADD', 'UPDATE', 'DELETE']],
	['Company', 'ONCRMCOMPANY', 'COMPANY', ['ADD', 'UPDATE', 'DELETE']],
	['Smart Process Item', 'ONCRMDYNAMICITEM', 'DYNAMICITEM', ['ADD', 'UPDATE', 'DELETE']],
	['Task', 'ONTASK', 'TASK', ['ADD', 'UPDATE', 'DELETE']],
	['Activity', 'ONCRMACTIVITY', 'ACTIVITY', ['ADD']],
];

const VERB: Record<string, string> = { ADD: 'Created', UPDATE: 'Updated', DELETE: 'Deleted' };

export const OTHER_EVENT = 'other';

/** The events offered in the list, under their Bitrix24 names. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	...RECORDS.flatMap(([label, prefix, , verbs]) =>
		verbs.map((verb) => ({
			name: `${label} ${VERB[verb]} (${prefix}${verb})`,
			value: `${prefix}${verb}`,
		})),
	),
	{ name: 'Other (Type the Event Name)', value: OTHER_EVENT },
];

/** The record kind an event is about, if the trigger knows how to read it. */
export function recordKindOf(event: string): RecordKind | undefined {
	const match =
		/^ON(?:CRM)?(DEAL|LEAD|CONTACT|COMPANY|ACTIVITY|DYNAMICITEM|TASK)(ADD|UPDATE)$/.exec(event);
	return match ? KINDS[match[1]] : undefined;
}

export const isDeleteEvent = (event: string) => event.endsWith('DELETE');

/** Event names as Bitrix24 writes them: letters, digits and underscores, upper case. */
export function eventNameOf(text: string): string | undefined {
	const name = text.trim().toUpperCase();
	return /^[A-Z][A-Z0-9_]*$/.test(name) ? name : undefined;
}

/** `data[FIELDS]`, or for tasks `data[FIELDS_AFTER]` (`FIELDS_BEFORE` on delete). */
export function fieldsOf(data: EventData): Record<string, unknown> {
	for (const key of ['FIELDS', 'FIELDS_AFTER', 'FIELDS_BEFORE']) {
		const fields = data[key];
		if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
			return fields as Record<string, unknown>;
		}
	}
	return {};
}

export function recordIdOf(data: EventData): string | undefined {
	const id = fieldsOf(data).ID;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
