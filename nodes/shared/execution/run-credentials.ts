import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestContext } from '../http/vendor-request';
import { isExecuteContext } from './shared-reads';

/** Keyed on the execute context, so a credential read lives exactly as long as one node run. */
const reads = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/**
 * A credential's data, read once per node run however many items send requests. n8n decrypts
 * the credential and resolves each field as an expression on every read (about a millisecond,
 * more than the rest of a request costs us), and its `httpRequestWithAuthentication` reads it
 * without an item anyway. Pickers and triggers, whose context may outlive a change of the
 * credential, read it each time.
 */
export async function runCredentials<T extends object>(
	context: RequestContext,
	type: string,
	itemIndex?: number,
): Promise<T> {
	if (!isExecuteContext(context)) {
		return (await context.getCredentials(type, itemIndex)) as unknown as T;
	}
	let memo = reads.get(context);
	if (!memo) reads.set(context, (memo = new Map()));
	let read = memo.get(type);
	if (!read) {
		read = context.getCredentials(type, itemIndex);
		memo.set(type, read);
		// A failed read (no credential set) is not kept: the next item asks again.
		read.catch(() => memo.delete(type));
	}
	return (await read) as unknown as T;
}
