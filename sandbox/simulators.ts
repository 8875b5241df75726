import { atiSandbox } from './ati/sandbox-entry';
import { bitrix24Sandbox } from './bitrix24/sandbox-entry';
import { eraSandbox } from './era/sandbox-entry';
import { oktellSandbox } from './oktell/sandbox-entry';
import { oneCConnectSandbox } from './one-c-connect/sandbox-entry';
import type { SandboxEntry } from './sandbox-entry';

export type { SandboxCredential, SandboxEntry } from './sandbox-entry';

/**
 * The one list of vendors in the sandbox: `npm run sandbox` starts their simulators, `npm start`
 * and the e2e run import their credentials, the e2e run tests their wrong secrets, and the harness
 * routes every operation with their credentials. A new vendor is one more entry.
 */
export const simulators: SandboxEntry[] = [
	atiSandbox,
	eraSandbox,
	oneCConnectSandbox,
	bitrix24Sandbox,
	oktellSandbox,
];
