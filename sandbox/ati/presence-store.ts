import { isCodeId } from './code-id';

/** ATI answers 'offline' for a contact it has no presence for. */
const STATE_OF_UNKNOWN_CONTACT = 'offline';

/** Presence state per AtiCode.ContactID. States are free strings: ATI's full set is not documented. */
export class PresenceStore {
	private states: Map<string, string>;

	constructor(private readonly initial: Readonly<Record<string, string>>) {
		this.states = new Map(Object.entries(initial));
	}

	get(codeId: string): string {
		return this.states.get(codeId) ?? STATE_OF_UNKNOWN_CONTACT;
	}

	/** Throws an Error naming the first invalid code_id or state; changes nothing then. */
	set(states: Readonly<Record<string, unknown>>): void {
		for (const [codeId, state] of Object.entries(states)) {
			if (!isCodeId(codeId)) throw new Error(`'${codeId}' is not a code_id like '123456.0'`);
			if (typeof state !== 'string' || state === '') {
				throw new Error(`The state of '${codeId}' must be a non-empty string`);
			}
		}
		for (const [codeId, state] of Object.entries(states)) this.states.set(codeId, state as string);
	}

	list(): Record<string, string> {
		return Object.fromEntries(this.states);
	}

	reset(): void {
		this.states = new Map(Object.entries(this.initial));
	}
}
