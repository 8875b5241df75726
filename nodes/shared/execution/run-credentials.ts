import type { IExecuteFunctions } from 'n8n-workflow';

import type { RequestContext } from '../http/vendor-request';
import { runScope } from './run-scope';
import { isExecuteContext } from './shared-reads';

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
	const memo = runScope(context).credentialReads;
	let read = memo.get(type);
	if (!read) {
		read = context.getCredentials(type, itemIndex);
		memo.set(type, read);
		// A failed read (no credential set) is not kept: the next item asks again.
		read.catch(() => memo.delete(type));
	}
	return (await read) as unknown as T;
}

/**
 * Credentials (by the ids a node uses) whose last run had no failed item. Their next run starts
 * every item at once; the others send one item first, so that a wrong password or a refused
 * login fails once rather than once per item. A run with any failure makes them unproven again.
 * Kept for the process (not the run): it is what one run learns for the next.
 */
const provenCredentials = new Set<string>();
const MAX_PROVEN = 1000;

function credentialsKey(context: IExecuteFunctions): string {
	const used = context.getNode().credentials ?? {};
	return JSON.stringify(
		Object.keys(used)
			.sort()
			.map((type) => [type, used[type].id]),
	);
}

export function credentialsProven(context: IExecuteFunctions): boolean {
	return provenCredentials.has(credentialsKey(context));
}

/** After a run: proven when no item failed, unproven again when any did. */
export function rememberCredentialsProven(context: IExecuteFunctions, proven: boolean): void {
	const key = credentialsKey(context);
	if (!proven) {
		provenCredentials.delete(key);
		return;
	}
	if (provenCredentials.size >= MAX_PROVEN) provenCredentials.clear();
	provenCredentials.add(key);
}
