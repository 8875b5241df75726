/**
 * A read without parameters (the queues, the version, the licence) gives every input item the same
 * answer within one run: it is sent once, and its result or error is shared.
 */
export function readOnce<T>(read: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return async () => await (pending ??= read());
}
