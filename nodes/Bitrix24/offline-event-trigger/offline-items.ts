import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { eventNameOf, fieldsOf, recordIdOf } from '../event-trigger/event-names';
import type { OfflineRecord } from './offline-queue';

/**
 * The trigger's own process ID, the same after a restart or with its static data lost: records it
 * reserved and did not clear come back to it rather than stay hidden for the queue's 30 days.
 */
export function processIdOf(workflowId: string, nodeId: string): string {
	return `n8n${createHash('sha256').update(`${workflowId}|${nodeId}`).digest('hex').slice(0, 29)}`;
}

/** The item of one record, shaped as the online trigger's item is. */
export function itemOf(record: OfflineRecord): IDataObject {
	const id = recordIdOf(record.data);
	const entityType = String(fieldsOf(record.data).ENTITY_TYPE_ID ?? '');
	return {
		event: record.event,
		...(id === undefined ? {} : { id }),
		...(entityType ? { entityTypeId: entityType } : {}),
		data: record.data,
		changedAt: record.timestamp,
		messageId: record.messageId,
		...(record.additional ? { additional: record.additional } : {}),
	};
}

/**
 * Records this trigger passes on, and those it cannot (no event name or ID: marked as errors, so
 * they stay in the portal's queue for a person to see). A record of an event it did not ask for
 * (a portal that ignored the filter) is neither: it is left for the trigger that wants it.
 */
export function sortRecords(records: OfflineRecord[], events: string[]) {
	const unusable = records.filter((record) => !eventNameOf(record.event) || record.id === '');
	return {
		wanted: records.filter((record) => !unusable.includes(record) && events.includes(record.event)),
		unusable,
	};
}
