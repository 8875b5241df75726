import type { SandboxEntry } from '../sandbox-entry';
import { ATI_DEMO_TOKEN, createAtiSimulator } from '.';

export const atiSandbox: SandboxEntry = {
	id: 'ATI',
	port: 18101,
	credentials: `token: ${ATI_DEMO_TOKEN}`,
	create: () => createAtiSimulator(),
	n8nCredentials: (baseUrl) => [
		{
			id: 'sandboxAtiApi001',
			name: 'ATI.SU Sandbox',
			type: 'atiApi',
			data: { accessToken: ATI_DEMO_TOKEN, atiCode: '123456', baseUrl },
		},
	],
	wrongSecrets: () => ({ atiApi: { accessToken: 'not-the-sandbox-token' } }),
};
