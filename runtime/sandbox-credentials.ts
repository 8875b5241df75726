import { portOf } from '../sandbox/run-all';
import type { SandboxCredential } from '../sandbox/simulators';
import { simulators } from '../sandbox/simulators';

export type { SandboxCredential } from '../sandbox/simulators';

const host = process.env.SANDBOX_HOST ?? '127.0.0.1';

/** The credentials of every vendor, pointing at its simulator, as `npm start` imports them into n8n. */
export function sandboxCredentials(): SandboxCredential[] {
	return simulators.flatMap((entry) => entry.n8nCredentials(`http://${host}:${portOf(entry)}`));
}

/**
 * n8n's own credentials that example workflows use beside the vendors': the Header Auth an
 * example's Webhook checks (what the caller, an Oktell service script, sends). Imported with the
 * sandbox credentials; no vendor's, so not in the vendor credential tests.
 */
export const EXAMPLE_CREDENTIALS: SandboxCredential[] = [
	{
		id: 'exOktellHookKey1',
		name: 'Oktell Script Secret (Example)',
		type: 'httpHeaderAuth',
		data: { name: 'X-Oktell-Secret', value: 'sandbox-oktell-script-secret-29' },
	},
];

/** What `npm start` and the e2e run import: the sandbox credentials and the examples' own. */
export function importedCredentials(): SandboxCredential[] {
	return [...sandboxCredentials(), ...EXAMPLE_CREDENTIALS];
}
