export type PresenceEvent = 'anyChange' | 'wentOnline' | 'wentOffline';

export interface PresenceChange {
	code_id: string;
	state: string;
	previous_state: string | null;
	changed_at: string;
}

const OFFLINE = 'offline';

/** ATI documents only "offline"; any other state counts as online. */
function matches(event: PresenceEvent, previous: string, current: string): boolean {
	if (event === 'wentOnline') return previous === OFFLINE && current !== OFFLINE;
	if (event === 'wentOffline') return previous !== OFFLINE && current === OFFLINE;
	return true;
}

/**
 * Compares the states seen now with the last recorded ones. A contact seen for the first time
 * only joins the record; contacts missing from the reply keep their last state.
 */
export function diffPresence(
	recorded: Record<string, string>,
	current: Map<string, string>,
	event: PresenceEvent,
	at: string,
): { changes: PresenceChange[]; next: Record<string, string> } {
	const next: Record<string, string> = {};
	const changes: PresenceChange[] = [];
	for (const [codeId, previous] of Object.entries(recorded)) {
		if (!current.has(codeId)) next[codeId] = previous;
	}
	for (const [codeId, state] of current) {
		next[codeId] = state;
		const previous = recorded[codeId];
		if (previous === undefined || previous === state) continue;
		if (matches(event, previous, state)) {
			changes.push({ code_id: codeId, state, previous_state: previous, changed_at: at });
		}
	}
	return { changes, next };
}

export function currentStates(
	recorded: Record<string, string> | undefined,
	current: Map<string, string>,
	at: string,
): PresenceChange[] {
	return [...current].map(([codeId, state]) => ({
		code_id: codeId,
		state,
		previous_state: recorded?.[codeId] ?? null,
		changed_at: at,
	}));
}
