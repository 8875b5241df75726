import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Everything the package keeps for one node run, in one place. n8n calls a node's `execute`
 * once per run with one context for all its items, so a scope keyed on that object lives
 * exactly as long as the run, is never shared between runs (or between the executions a queue
 * worker runs side by side), and goes when n8n drops the context. Nothing here outlives a run;
 * what must (a login, a rate limit) lives in the transport or in nodes/shared/state/.
 *
 * Two bounded memos stay process-wide on purpose, as they hold nothing of a run and would only
 * be worked out again in each: the XML tokenizer's element names (interned, a fixed number per
 * bucket) and the masked forms of a list of secrets (errors/redact.ts, at most 64 lists). So does
 * the set of credentials a run has proven (run-credentials.ts): it is what one run learns for
 * the next, so that a wrong credential fails once and a good one runs items side by side.
 */
export interface RunScope {
	/** Parameter readers by path (run-parameter.ts): a value without an expression is read once. */
	parameterReaders: Map<string, (itemIndex: number) => unknown>;
	/** Credential reads by type (run-credentials.ts): decrypted and resolved once per run. */
	credentialReads: Map<string, Promise<ICredentialDataDecryptedObject>>;
	/** Replies of reads by their identity (shared-reads.ts): identical reads are sent once. */
	sharedReplies: Map<string, Promise<unknown>>;
}

const scopes = new WeakMap<object, RunScope>();

export function runScope(context: object): RunScope {
	let scope = scopes.get(context);
	if (!scope) {
		scope = { parameterReaders: new Map(), credentialReads: new Map(), sharedReplies: new Map() };
		scopes.set(context, scope);
	}
	return scope;
}
