import { ATI_DEMO_TOKEN, createAtiSimulator } from './ati';
import type { SimulatorServer } from './framework';
import { OKTELL_DEMO_CREDENTIALS, createOktellSimulator } from './oktell';

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
		id: 'OKTELL',
		port: 18105,
		credentials: `login: ${OKTELL_DEMO_CREDENTIALS.login}  password: ${OKTELL_DEMO_CREDENTIALS.password}`,
		create: () => createOktellSimulator(),
	},
];
