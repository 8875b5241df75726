import { portOf } from '../sandbox/run-all';
import type { SandboxCredential } from '../sandbox/simulators';
import { simulators } from '../sandbox/simulators';

export type { SandboxCredential } from '../sandbox/simulators';

const host = process.env.SANDBOX_HOST ?? '127.0.0.1';

/** The credentials of every vendor, pointing at its simulator, as `npm start` imports them into n8n. */
export function sandboxCredentials(): SandboxCredential[] {
	return simulators.flatMap((entry) => entry.n8nCredentials(`http://${host}:${portOf(entry)}`));
}
