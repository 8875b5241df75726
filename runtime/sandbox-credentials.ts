import { ATI_DEMO_TOKEN } from '../sandbox/ati';
import { bitrix24DemoCredentials } from '../sandbox/bitrix24';
import { ERA_DEMO_CREDENTIALS } from '../sandbox/era';
import { OKTELL_DEMO_CREDENTIALS } from '../sandbox/oktell';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
} from '../sandbox/one-c-connect';
import { portOf } from '../sandbox/run-all';
import { simulators } from '../sandbox/simulators';

export interface SandboxCredential {
	/** Fixed, so that example workflows can name it. */
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	/** An OAuth2 app: it works once connected through n8n's OAuth flow ("Connect my account"). */
	oauth2?: boolean;
}

const host = process.env.SANDBOX_HOST ?? '127.0.0.1';

function sandboxUrl(id: string): string {
	const entry = simulators.find((candidate) => candidate.id === id);
	if (!entry) throw new Error(`No simulator with id ${id} is registered`);
	return `http://${host}:${portOf(entry)}`;
}

/** One credential per vendor, pointing at its simulator, as `npm start` imports them into n8n. */
export function sandboxCredentials(): SandboxCredential[] {
	const bitrix24 = bitrix24DemoCredentials(sandboxUrl('BITRIX24'));
	return [
		{
			id: 'sandboxAtiApi001',
			name: 'ATI.SU Sandbox',
			type: 'atiApi',
			data: { accessToken: ATI_DEMO_TOKEN, atiCode: '123456', baseUrl: sandboxUrl('ATI') },
		},
		{
			id: 'sandboxEraApi001',
			name: 'ERA Sandbox',
			type: 'eraApi',
			data: { serverUrl: sandboxUrl('ERA'), ...ERA_DEMO_CREDENTIALS },
		},
		{
			id: 'sandboxOneCApi01',
			name: '1C-Connect Sandbox',
			type: 'oneCConnectApi',
			data: {
				region: 'custom',
				customUrl: `${sandboxUrl('ONE_C')}${ONE_C_SERVICE_PATH}`,
				pushUrl: `${sandboxUrl('ONE_C')}/push`,
				login: ONE_C_DEMO_LOGIN,
				password: ONE_C_DEMO_PASSWORD,
			},
		},
		{
			id: 'sandboxB24Hook01',
			name: 'Bitrix24 Sandbox (Webhook)',
			type: 'bitrix24WebhookApi',
			data: bitrix24.bitrix24WebhookApi,
		},
		{
			id: 'sandboxB24OAuth1',
			name: 'Bitrix24 Sandbox (OAuth2 App)',
			type: 'bitrix24OAuth2Api',
			data: bitrix24.bitrix24OAuth2Api,
			oauth2: true,
		},
		{
			id: 'sandboxOktellApi',
			name: 'Oktell Sandbox',
			type: 'oktellApi',
			data: { ...OKTELL_DEMO_CREDENTIALS, serverUrl: sandboxUrl('OKTELL') },
		},
	];
}
