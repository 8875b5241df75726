import { ATI_DEMO_TOKEN, createAtiSimulator } from './ati';
import { ERA_DEMO_CREDENTIALS, createEraSimulator } from './era';
import { BITRIX24_DEMO_CREDENTIALS, createBitrix24Simulator } from './bitrix24';
import type { SimulatorServer } from './framework';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
	createOneCConnectSimulator,
} from './one-c-connect';
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
		id: 'ERA',
		port: 18102,
		credentials: `domain: ${ERA_DEMO_CREDENTIALS.domain}, login: ${ERA_DEMO_CREDENTIALS.login}, password: ${ERA_DEMO_CREDENTIALS.password}`,
		create: () => createEraSimulator(),
	},
	{
		id: 'ONE_C',
		port: 18104,
		credentials: `region: Custom URL, URL: <base>${ONE_C_SERVICE_PATH}, Push API URL: <base>/push, login: ${ONE_C_DEMO_LOGIN}, password: ${ONE_C_DEMO_PASSWORD}`,
		create: () => createOneCConnectSimulator(),
	},
	{
		id: 'BITRIX24',
		port: 18103,
		credentials:
			`webhook URL: ${BITRIX24_DEMO_CREDENTIALS.bitrix24WebhookApi.secretWebhookUrl}; ` +
			`OAuth2: domain ${BITRIX24_DEMO_CREDENTIALS.bitrix24OAuth2Api.domain}, ` +
			`client id ${BITRIX24_DEMO_CREDENTIALS.bitrix24OAuth2Api.clientId}, ` +
			`client secret ${BITRIX24_DEMO_CREDENTIALS.bitrix24OAuth2Api.clientSecret}, ` +
			`token URL ${BITRIX24_DEMO_CREDENTIALS.bitrix24OAuth2Api.accessTokenUrl}`,
		create: () => createBitrix24Simulator(),
	},
	{
		id: 'OKTELL',
		port: 18105,
		credentials: `login: ${OKTELL_DEMO_CREDENTIALS.login}  password: ${OKTELL_DEMO_CREDENTIALS.password}`,
		create: () => createOktellSimulator(),
	},
];
