import type { Effect } from './effect';

/**
 * What a request does, as its operation declares it. A read is sent again after a dropped
 * connection or a gateway error, and identical reads of one run may share one reply; a write is
 * sent once, and an unknown outcome says it may have been applied. `repeatable` marks a write
 * that leaves the same state however often it is sent (a full replacement, a delete, setting a
 * state): it is retried like a read but never shared.
 */
export interface Effectful {
	effect: Effect;
	repeatable?: boolean;
}

/**
 * The word before `effect`, still passed by folders other work is moving (the 1C-Connect
 * transport, the Bitrix24 triggers and offline events); convert them, then remove this.
 * @deprecated use `effect`.
 */
export interface LegacyIdempotent {
	idempotent?: boolean;
}

export function safeToRepeat(request: Partial<Effectful> & LegacyIdempotent): boolean {
	if (request.effect === undefined) return request.idempotent === true;
	return request.effect === 'read' || request.repeatable === true;
}
