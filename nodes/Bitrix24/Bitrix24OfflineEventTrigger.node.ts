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
import { bindOffline } from './offline-event-trigger/offline-binding';
import { itemOf, processIdOf, sortRecords } from './offline-event-trigger/offline-items';
import type { OfflineRecord, QueueReader } from './offline-event-trigger/offline-queue';
import { clear, markErrors, peek, reserve } from './offline-event-trigger/offline-queue';

interface Stored extends IDataObject {
	/** The events this trigger bound, to unbind those taken off the list. */
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
		};
		stored.bound = await bindOffline(context, events, reader.connector, stored.bound ?? []);

		if (this.getMode() === 'manual') {
			// The editor's test run shows the newest queued event and takes nothing from the queue.
			const newest = sortRecords(await peek(context, reader, timeoutMs), events).wanted.pop();
			return newest ? [await itemsOf(this, [newest], timeoutMs)] : null;
		}

		if (stored.emitted?.length) {
			await clear(context, reader, stored.emitted, timeoutMs);
			delete stored.emitted;
		}
		const maxEvents = Number(this.getNodeParameter('options.maxEvents', DEFAULT_MAX_EVENTS));
		const records = await reserve(context, reader, Math.max(1, maxEvents), timeoutMs);
		const { wanted, unwanted, unusable } = sortRecords(records, events);
		await clear(
			context,
			reader,
			unwanted.map((record) => record.id),
			timeoutMs,
		);
		await markErrors(
			context,
			reader,
			unusable.map((record) => record.messageId),
			timeoutMs,
		);
		if (wanted.length === 0) return null;
		const items = await itemsOf(this, wanted, timeoutMs);
		stored.emitted = wanted.map((record) => record.id);
		return [items];
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
