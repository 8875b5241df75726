import { bitrix24DemoCredentials } from './demo-data';

export {
	Bitrix24Simulator,
	createBitrix24Simulator,
	type Bitrix24SimulatorOptions,
} from './bitrix24-simulator';
export {
	BITRIX24_DEMO_CLIENT_ID,
	BITRIX24_DEMO_APP_SIGNATURE,
	BITRIX24_DEMO_WEBHOOK_CODE,
	BITRIX24_DEMO_WEBHOOK_USER,
	BITRIX24_ENTERPRISE_LIMIT,
	BITRIX24_STANDARD_LIMIT,
	bitrix24DemoCredentials,
} from './demo-data';

export const BITRIX24_SANDBOX_PORT = 18103;

/** The credential values that reach the sandbox on its default port. */
export const BITRIX24_DEMO_CREDENTIALS = bitrix24DemoCredentials(
	`http://127.0.0.1:${BITRIX24_SANDBOX_PORT}`,
);
