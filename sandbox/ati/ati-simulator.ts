import { SimulatorServer, SlidingWindowRateLimiter } from '../framework';
import { createAtiGuard } from './ati-guard';
import { ATI_DEMO_CONTACTS, ATI_DEMO_TOKEN, ATI_REQUESTS_PER_SECOND } from './demo-data';
import { PresenceStore } from './presence-store';
import { listContacts, updateContacts } from './routes/contacts-control';
import { getBalance } from './routes/get-balance';
import { getPresenceState } from './routes/get-presence-state';
import { postPresenceState } from './routes/post-presence-state';

export interface AtiSimulatorOptions {
	tokens?: string[];
	/** Initial presence per code_id; reset() restores it. */
	contacts?: Record<string, string>;
	requestsPerSecond?: number;
}

export class AtiSimulator extends SimulatorServer {
	private readonly presence: PresenceStore;
	private readonly limiter: SlidingWindowRateLimiter;

	constructor(options: AtiSimulatorOptions = {}) {
		super({ name: 'ATI.SU' });
		this.presence = new PresenceStore(options.contacts ?? ATI_DEMO_CONTACTS);
		this.limiter = new SlidingWindowRateLimiter({
			limit: options.requestsPerSecond ?? ATI_REQUESTS_PER_SECOND,
		});
		const guard = createAtiGuard({
			tokens: new Set(options.tokens ?? [ATI_DEMO_TOKEN]),
			limiter: this.limiter,
		});

		this.route('GET', '/presence/state/:code_id/', guard(getPresenceState(this.presence)))
			.route('POST', '/presence/state', guard(postPresenceState(this.presence)))
			.route('GET', '/v1.0/balance', guard(getBalance()))
			.controlRoute('GET', '/ati/contacts', listContacts(this.presence))
			.controlRoute('POST', '/ati/contacts', updateContacts(this.presence));
	}

	get contacts(): Record<string, string> {
		return this.presence.list();
	}

	setStates(states: Record<string, string>): void {
		this.presence.set(states);
	}

	getState(codeId: string): string {
		return this.presence.get(codeId);
	}

	protected override resetState(): void {
		this.presence.reset();
		this.limiter.reset();
	}
}

export function createAtiSimulator(options?: AtiSimulatorOptions): AtiSimulator {
	return new AtiSimulator(options);
}
