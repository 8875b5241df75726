import { ATI_DEMO_TOKEN } from '../sandbox/ati';
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
	];
}
