import type { SandboxEntry } from '../sandbox-entry';
import { OKTELL_DEMO_CREDENTIALS, createOktellSimulator } from '.';

export const oktellSandbox: SandboxEntry = {
	id: 'OKTELL',
	port: 18105,
	credentials: `login: ${OKTELL_DEMO_CREDENTIALS.login}  password: ${OKTELL_DEMO_CREDENTIALS.password}`,
	create: () => createOktellSimulator(),
	n8nCredentials: (baseUrl) => [
		{
			id: 'sandboxOktellApi',
			name: 'Oktell Sandbox',
			type: 'oktellApi',
			data: { ...OKTELL_DEMO_CREDENTIALS, serverUrl: baseUrl },
		},
	],
	wrongSecrets: () => ({ oktellApi: { password: 'not-the-sandbox-password' } }),
};
