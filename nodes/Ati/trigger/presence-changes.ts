export type PresenceEvent = 'anyChange' | 'wentOnline' | 'wentOffline';

export interface PresenceChange {
	code_id: string;
	state: string;
	previous_state: string | null;
	changed_at: string;
}

/** The last state seen of each watched contact, as kept in the trigger's static data. */
export type RecordedStates = Record<string, string>;

const OFFLINE = 'offline';

/** ATI documents only "offline"; any other state counts as online. */
function matches(event: PresenceEvent, previous: string, current: string): boolean {
	if (event === 'wentOnline') return previous === OFFLINE && current !== OFFLINE;
	if (event === 'wentOffline') return previous !== OFFLINE && current === OFFLINE;
	return true;
}

/** A state recorded for the contact itself, never one inherited (`__proto__`, `constructor`). */
function recordedState(recorded: RecordedStates | undefined, codeId: string): string | undefined {
	if (!recorded || !Object.prototype.hasOwnProperty.call(recorded, codeId)) return undefined;
	const state = recorded[codeId];
	return typeof state === 'string' ? state : undefined;
}

/**
 * Compares the states of the watched contacts seen now with the last recorded ones. A contact
 * seen for the first time only joins the record; a watched contact missing from the reply keeps
 * its last state. Contacts nobody watches are neither reported nor recorded.
 */
export function diffPresence(
	watched: string[],
	recorded: RecordedStates,
	current: Map<string, string>,
	event: PresenceEvent,
	at: string,
): { changes: PresenceChange[]; next: RecordedStates } {
	const kept: Array<[string, string]> = [];
	const changes: PresenceChange[] = [];
	for (const codeId of watched) {
		const previous = recordedState(recorded, codeId);
		const state = current.get(codeId) ?? previous;
		if (state === undefined) continue;
		kept.push([codeId, state]);
		if (previous === undefined || previous === state) continue;
		if (matches(event, previous, state)) {
			changes.push({ code_id: codeId, state, previous_state: previous, changed_at: at });
		}
	}
	// fromEntries defines own properties, whatever the key.
	return { changes, next: Object.fromEntries(kept) };
}

/** The state of each watched contact ATI answered for, with the recorded one as previous. */
export function currentStates(
	watched: string[],
	recorded: RecordedStates | undefined,
	current: Map<string, string>,
	at: string,
): PresenceChange[] {
	return watched
		.filter((codeId) => current.has(codeId))
		.map((codeId) => ({
			code_id: codeId,
			state: current.get(codeId) as string,
			previous_state: recordedState(recorded, codeId) ?? null,
			changed_at: at,
		}));
}

/** The states to record after the first poll: the watched contacts ATI answered for. */
export function baseline(watched: string[], current: Map<string, string>): RecordedStates {
	return diffPresence(watched, {}, current, 'anyChange', '').next;
}

/** Whether two records hold the same states for the same contacts. */
export function sameStates(a: RecordedStates | undefined, b: RecordedStates): boolean {
	if (a === undefined) return false;
	const keys = Object.keys(b);
	return (
		Object.keys(a).length === keys.length &&
		keys.every((codeId) => recordedState(a, codeId) === b[codeId])
	);
}
