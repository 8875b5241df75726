import { after, before, beforeEach } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { OktellSimulatorOptions } from '../../sandbox/oktell';
import { OKTELL_DEMO_CREDENTIALS, createOktellSimulator } from '../../sandbox/oktell';
import { N8nHarness } from '../harness/n8n-harness';

/** An Oktell simulator on 127.0.0.1, a harness, and an `oktellApi` credential pointing at it. */
export async function startOktell(options: OktellSimulatorOptions = {}) {
	const harness = new N8nHarness();
	const simulator = createOktellSimulator(options);
	const serverUrl = await simulator.start();
	const [login, password] = Object.entries(options.accounts ?? {})[0] ?? [
		OKTELL_DEMO_CREDENTIALS.login,
		OKTELL_DEMO_CREDENTIALS.password,
	];
	const credentialId = harness.addCredential('oktellApi', { serverUrl, login, password });
	const node = (parameters: INodeParameters, continueOnFail = false) => ({
		type: 'oktell',
		parameters,
		credentials: { oktellApi: credentialId },
		continueOnFail,
	});
	return {
		simulator,
		harness,
		serverUrl,
		credentialId,
		run: (parameters: INodeParameters, input: IDataObject[] = [{}], continueOnFail = false) =>
			harness.runNode(node(parameters, continueOnFail), input),
		runOnItems: (parameters: INodeParameters, items: INodeExecutionData[]) =>
			harness.runNodeOnItems(node(parameters), items),
		trigger: (parameters: INodeParameters) => ({
			type: 'oktellTrigger',
			parameters,
			credentials: { oktellApi: credentialId },
		}),
		/** Each request the simulator received, as `path?query`. */
		sent: () =>
			simulator.requests.map((request) =>
				request.query === '' ? request.path : `${request.path}?${request.query}`,
			),
		stop: async () => await simulator.stop(),
	};
}

export type OktellFixture = Awaited<ReturnType<typeof startOktell>>;

export function useOktell(options: OktellSimulatorOptions = {}): OktellFixture {
	const fixture = {} as OktellFixture;
	before(async () => {
		Object.defineProperties(fixture, Object.getOwnPropertyDescriptors(await startOktell(options)));
	});
	beforeEach(() => fixture.simulator.reset());
	after(async () => await fixture.stop());
	return fixture;
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
