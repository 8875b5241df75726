import type { SimulatorServer } from './framework';

/** An n8n credential pointing at a simulator, as `npm start` and the e2e run import it. */
export interface SandboxCredential {
	/** Fixed, so that example workflows can name it. */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	/** An OAuth2 app: it works once connected through n8n's OAuth flow ("Connect my account"). */
	oauth2?: boolean;
}

/**
 * One vendor in the sandbox: its simulator and the credentials that reach it. The sandbox, the
 * runtime (`npm start`), the e2e run and the harness read these; a new vendor adds its entry
 * (`sandbox/<vendor>/sandbox-entry.ts`) to the list in `simulators.ts`.
 */
export interface SandboxEntry {
	/** Names the port override (SANDBOX_<ID>_PORT) and the simulator in tests' `urlOf`. */
	id: string;
	port: number;
	/** The demo credentials, as `npm run sandbox` prints them. */
	credentials: string;
	create: () => SimulatorServer;
	/** The n8n credentials for the simulator at `baseUrl` (one per credential type of the vendor). */
	n8nCredentials: (baseUrl: string) => SandboxCredential[];
	/** Per credential type, the fields that make the simulator refuse it (the e2e credential test). */
	wrongSecrets: (baseUrl: () => string) => Record<string, Record<string, unknown>>;
}
