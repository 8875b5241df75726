import type { SandboxEntry } from '../sandbox-entry';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
	createOneCConnectSimulator,
} from '.';

export const oneCConnectSandbox: SandboxEntry = {
	id: 'ONE_C',
	port: 18104,
	credentials: `region: Custom URL, URL: <base>${ONE_C_SERVICE_PATH}, Push API URL: <base>/push, login: ${ONE_C_DEMO_LOGIN}, password: ${ONE_C_DEMO_PASSWORD}`,
	create: () => createOneCConnectSimulator(),
	n8nCredentials: (baseUrl) => [
		{
			id: 'sandboxOneCApi01',
			name: '1C-Connect Sandbox',
			type: 'oneCConnectApi',
			data: {
				region: 'custom',
				customUrl: `${baseUrl}${ONE_C_SERVICE_PATH}`,
				pushUrl: `${baseUrl}/push`,
				login: ONE_C_DEMO_LOGIN,
				password: ONE_C_DEMO_PASSWORD,
			},
		},
	],
	wrongSecrets: () => ({ oneCConnectApi: { password: 'not-the-sandbox-password' } }),
};
