import { createHash } from 'node:crypto';

import type { PortalState } from '../portal-state';

/** A stored file's bytes as the control API shows them: their count and SHA-256, never the bytes. */
function digest(content: Buffer) {
	return { size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/**
 * What the portal holds beyond CRM fields (chats, Drive, task work, external calls, product rows,
 * timeline, activities, business processes) as JSON for `GET /__control/bitrix24/work`: the e2e
 * stage checks what a workflow wrote there.
 */
export function workSnapshot(portal: PortalState) {
	const { work, crmExtras } = portal;
	return {
		chats: work.chats,
		messages: work.messages,
		notifications: work.notifications,
		// The download token stays out: it is what a download link signs with.
		drive: work.drive.map(({ ID, NAME, TYPE, STORAGE_ID, PARENT_ID, content }) => ({
			ID,
			NAME,
			TYPE,
			STORAGE_ID,
			PARENT_ID,
			...(content ? { content: digest(content) } : {}),
		})),
		taskComments: work.comments,
		checklist: work.checklist,
		elapsed: work.elapsed,
		calls: work.calls.map(({ record, ...call }) => ({
			...call,
			...(record
				? { record: { name: record.name, fileId: record.fileId, content: digest(record.content) } }
				: {}),
		})),
		productRows: crmExtras.productRows,
		timelineComments: crmExtras.comments,
		activities: crmExtras.activities,
		businessProcesses: crmExtras.workflows,
	};
}

export type WorkSnapshot = ReturnType<typeof workSnapshot>;
