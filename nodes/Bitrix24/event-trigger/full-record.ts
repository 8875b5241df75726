import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';
import { runBatch } from '../transport/batch';
import type { EventData, RecordKind } from './event-names';

/** Events of one trigger arriving within this window are read in one `batch` call. */
const GATHER_MS = 30;
const BATCH_LIMIT = 50;

interface Wanted {
	kind: RecordKind;
	id: string;
	data: EventData;
	resolve: (record: IDataObject) => void;
	reject: (error: unknown) => void;
}

interface Gathering {
	context: RequestContext;
	target: BitrixTarget;
	limits: ReadLimits;
	wanted: Wanted[];
}

/** A read is bounded: a portal that holds the call fails the read, not the event. */
export interface ReadLimits {
	timeoutMs: number;
}

const READ_LIMITS_HINT = "Raise Timeout (Seconds) in the trigger's options.";

const gatherings = new Map<string, Gathering>();

/**
 * Reads a changed record. Bitrix24 posts each event on its own; calls of one trigger that arrive
 * together are read with one `batch` (up to 50 commands) instead of one call each.
 */
export async function readRecord(
	context: RequestContext,
	target: BitrixTarget,
	triggerKey: string,
	kind: RecordKind,
	id: string,
	data: EventData,
	limits: ReadLimits,
): Promise<IDataObject> {
	return await new Promise<IDataObject>((resolve, reject) => {
		let gathering = gatherings.get(triggerKey);
		if (!gathering) {
			gathering = { context, target, limits, wanted: [] };
			gatherings.set(triggerKey, gathering);
			setTimeout(() => void flush(triggerKey), GATHER_MS);
		}
		gathering.wanted.push({ kind, id, data, resolve, reject });
		if (gathering.wanted.length >= BATCH_LIMIT) void flush(triggerKey);
	});
}

async function flush(triggerKey: string): Promise<void> {
	const gathering = gatherings.get(triggerKey);
	if (!gathering) return;
	gatherings.delete(triggerKey);
	const { context, target, limits, wanted } = gathering;
	try {
		if (wanted.length === 1) {
			const [one] = wanted;
			const reply = await bitrixApiRequest(context, target, {
				method: one.kind.method,
				params: one.kind.params(one.id, one.data),
				effect: 'read',
				timeoutMs: limits.timeoutMs,
				limitsHint: READ_LIMITS_HINT,
			});
			one.resolve(recordIn(reply.result, one.kind));
			return;
		}
		const outcomes = await runBatch(
			context,
			target,
			wanted.map((one, index) => ({
				key: `r${index}`,
				method: one.kind.method,
				params: one.kind.params(one.id, one.data),
			})),
			{ effect: 'read', timeoutMs: limits.timeoutMs, limitsHint: READ_LIMITS_HINT },
		);
		wanted.forEach((one, index) => {
			const outcome = outcomes.get(`r${index}`);
			if (outcome?.ok) one.resolve(recordIn(outcome.result, one.kind));
			else one.reject(outcome?.error ?? new Error('Bitrix24 sent no result for this record'));
		});
	} catch (error) {
		for (const one of wanted) one.reject(error);
	}
}

function recordIn(result: unknown, kind: RecordKind): IDataObject {
	const inner =
		kind.unwrap && result && typeof result === 'object'
			? (result as IDataObject)[kind.unwrap]
			: result;
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : {};
}
