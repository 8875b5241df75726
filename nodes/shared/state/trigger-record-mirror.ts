import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { StoreSource } from './shared-store';
import { processSharedStore, usableStore } from './shared-store';

/** A trigger's record with the revision that orders its copies. */
export interface MirroredRecord extends IDataObject {
	revision?: number;
}

/** Long enough for any restart; a record unused this long is taken anew. */
const MIRROR_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * n8n saves a poll's static data only when the poll starts an execution, so a change a trigger
 * saw but did not report is lost when main restarts. In queue mode the record is also kept in
 * n8n's Redis, which outlives main: after a restart the newer copy wins. Outside queue mode this
 * does nothing (and n8n's durable poll cursors, where enabled, save every poll).
 */
export class TriggerRecordMirror {
	constructor(
		private readonly name: string,
		private readonly storeSource: StoreSource = processSharedStore,
	) {}

	/** Replaces `record`'s content by the mirrored copy when that one is newer. */
	async adoptNewer(context: IPollFunctions, record: MirroredRecord): Promise<void> {
		const store = usableStore(this.storeSource);
		if (!store) return;
		const text = await store.redis.get(this.keyOf(context, store.prefix)).catch(() => null);
		if (text === null) return;
		let mirrored: MirroredRecord;
		try {
			mirrored = JSON.parse(text) as MirroredRecord;
		} catch {
			return;
		}
		if ((mirrored.revision ?? 0) <= (record.revision ?? 0)) return;
		for (const key of Object.keys(record)) delete record[key];
		Object.assign(record, mirrored);
	}

	/** In queue mode, counts a new revision of `record` and keeps a copy every restart finds. */
	async keep(context: IPollFunctions, record: MirroredRecord): Promise<void> {
		const store = usableStore(this.storeSource);
		if (!store) return;
		record.revision = (record.revision ?? 0) + 1;
		await store.redis
			.set(this.keyOf(context, store.prefix), JSON.stringify(record), 'PX', MIRROR_TTL_MS)
			.catch(() => undefined);
	}

	private keyOf(context: IPollFunctions, prefix: string): string {
		return `${prefix}trigger-record:${this.name}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	}
}
