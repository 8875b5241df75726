import type { SandboxEntry } from '../sandbox-entry';
import { ERA_DEMO_CREDENTIALS, createEraSimulator } from '.';

export const eraSandbox: SandboxEntry = {
	id: 'ERA',
	port: 18102,
	credentials: `domain: ${ERA_DEMO_CREDENTIALS.domain}, login: ${ERA_DEMO_CREDENTIALS.login}, password: ${ERA_DEMO_CREDENTIALS.password}`,
	create: () => createEraSimulator(),
	n8nCredentials: (baseUrl) => [
		{
			id: 'sandboxEraApi001',
			name: 'ERA Sandbox',
			type: 'eraApi',
			data: { serverUrl: baseUrl, ...ERA_DEMO_CREDENTIALS },
		},
	],
	wrongSecrets: () => ({ eraApi: { password: 'not-the-sandbox-password' } }),
};
