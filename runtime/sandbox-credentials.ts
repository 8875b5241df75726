import { ATI_DEMO_TOKEN } from '../sandbox/ati';
import { ERA_DEMO_CREDENTIALS } from '../sandbox/era';
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
}

const host = process.env.SANDBOX_HOST ?? '127.0.0.1';

function sandboxUrl(id: string): string {
	const entry = simulators.find((candidate) => candidate.id === id);
	if (!entry) throw new Error(`No simulator with id ${id} is registered`);
	return `http://${host}:${portOf(entry)}`;
}

/** One credential per vendor, pointing at its simulator, as `npm start` imports them into n8n. */
export function sandboxCredentials(): SandboxCredential[] {
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
				login: ONE_C_DEMO_LOGIN,
				password: ONE_C_DEMO_PASSWORD,
			},
		},
	];
}
