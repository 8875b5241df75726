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

export function safeToRepeat(request: Partial<Effectful>): boolean {
	return request.effect === 'read' || request.repeatable === true;
}
