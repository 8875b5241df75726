import { ATI_DEMO_TOKEN, createAtiSimulator } from './ati';
import { ERA_DEMO_CREDENTIALS, createEraSimulator } from './era';
import type { SimulatorServer } from './framework';

export interface SandboxEntry {
	/** Names the port override: SANDBOX_<ID>_PORT. */
	id: string;
	port: number;
	credentials: string;
	create: () => SimulatorServer;
}

/** Every simulator `npm run sandbox` starts; a new vendor is one more entry. */
export const simulators: SandboxEntry[] = [
	{
		id: 'ATI',
		port: 18101,
		credentials: `token: ${ATI_DEMO_TOKEN}`,
		create: () => createAtiSimulator(),
	},
	{
		id: 'ERA',
		port: 18102,
		credentials: `domain: ${ERA_DEMO_CREDENTIALS.domain}, login: ${ERA_DEMO_CREDENTIALS.login}, password: ${ERA_DEMO_CREDENTIALS.password}`,
		create: () => createEraSimulator(),
	},
];
