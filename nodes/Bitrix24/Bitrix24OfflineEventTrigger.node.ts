import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { RequestContext } from '../shared/http/vendor-request';
import { chosenEvents } from './event-trigger/chosen-events';
import { isDeleteEvent, recordKindOf } from './event-trigger/event-names';
import { readRecord } from './event-trigger/full-record';
import {
	DEFAULT_MAX_EVENTS,
	DEFAULT_TIMEOUT_SECONDS,
	offlineTriggerProperties,
} from './offline-event-trigger/description';
import type { OfflineBindings } from './offline-event-trigger/offline-binding';
import { bindOffline } from './offline-event-trigger/offline-binding';
import { itemOf, processIdOf, sortRecords } from './offline-event-trigger/offline-items';
import type { OfflineRecord, QueueReader } from './offline-event-trigger/offline-queue';
import { clear, markErrors, newest, reserve } from './offline-event-trigger/offline-queue';

interface Stored extends IDataObject {
	/** The events this trigger bound and their source key, to unbind what it no longer wants. */
	bindings?: OfflineBindings & IDataObject;
	/** Versions before the source key was kept: the events bound, under today's key. */
	bound?: string[];
	/** Records emitted by the last poll that emitted: cleared by the next poll. */
	emitted?: string[];
}

export class Bitrix24OfflineEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Offline Event Trigger',
		name: 'bitrix24OfflineEventTrigger',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			"Starts the workflow when a deal, lead, task or other record changes in Bitrix24, from Bitrix24's event queue: no public URL, nothing lost while n8n is down",
		defaults: { name: 'Bitrix24 Offline Event Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bitrix24OAuth2Api', required: true }],
		properties: offlineTriggerProperties,
	};

	/**
	 * Clear after emit: the records a poll emits are cleared by the next poll, once n8n has saved
	 * this poll's static data (n8n saves it when the poll emits, as it starts the execution). Until
	 * then they stay reserved under the trigger's own process ID, so a restart in between emits them
	 * again, once, and loses none.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const context = this as unknown as RequestContext;
		const events = chosenEvents(this);
		const stored = this.getWorkflowStaticData('node') as Stored;
		const timeoutMs =
			Number(this.getNodeParameter('options.timeout', DEFAULT_TIMEOUT_SECONDS)) * 1000;
		const reader: QueueReader = {
			processId: processIdOf(String(this.getWorkflow().id ?? ''), this.getNode().id),
			connector: String(this.getNodeParameter('sourceKey', '') ?? '').trim(),
			events,
		};
		const before =
			stored.bindings ??
			(stored.bound ? { events: stored.bound, connector: reader.connector } : undefined);
		stored.bindings = (await bindOffline(
			context,
			events,
			reader.connector,
			before,
		)) as Stored['bindings'];
		delete stored.bound;

		if (this.getMode() === 'manual') {
			// The editor's test run shows the newest queued event and takes nothing from the queue.
			const latest = await newest(context, reader, timeoutMs);
			return latest ? [await itemsOf(this, [latest], timeoutMs)] : null;
		}

		if (stored.emitted?.length) {
			await clear(context, reader, stored.emitted, timeoutMs);
			delete stored.emitted;
		}
		const maxEvents = Number(this.getNodeParameter('options.maxEvents', DEFAULT_MAX_EVENTS));
		const records = await reserve(context, reader, Math.max(1, maxEvents), timeoutMs);
		const { wanted, unusable } = sortRecords(records, events);
		await markErrors(
			context,
			reader,
			unusable.map((record) => record.messageId),
			timeoutMs,
		);
		if (wanted.length === 0) return null;
		const items = await itemsOf(this, wanted, timeoutMs);
		stored.emitted = wanted.map((record) => record.id);
		if (!this.getNodeParameter('options.executionPerEvent', false)) return [items];
		// One execution per event: n8n starts one for each emit, and saves the static data (with
		// every record of this poll in `emitted`) on each, so all are cleared by the next poll.
		for (const item of items.slice(0, -1)) this.__emit([[item]]);
		return [items.slice(-1)];
	}
}

/** One item per record; with Fetch Full Record, the records read together in `batch` calls. */
async function itemsOf(
	context: IPollFunctions,
	records: OfflineRecord[],
	timeoutMs: number,
): Promise<INodeExecutionData[]> {
	const fetch = context.getNodeParameter('fetchFullRecord', false) as boolean;
	const triggerKey = `${context.getWorkflow().id}|${context.getNode().id}`;
	return await Promise.all(
		records.map(async (record) => {
			const item = itemOf(record);
			const kind = recordKindOf(record.event);
			if (fetch && kind && typeof item.id === 'string' && !isDeleteEvent(record.event)) {
				try {
					item.record = await readRecord(
						context as unknown as RequestContext,
						{ mode: 'oAuth2', plan: 'standard' },
						triggerKey,
						kind,
						item.id,
						record.data,
						{ timeoutMs },
					);
				} catch (error) {
					item.error = error instanceof Error ? error.message : String(error);
				}
			}
			return { json: item };
		}),
	);
}
