import { after, before, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { OneCConnectSimulatorOptions } from '../../sandbox/one-c-connect';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
	createOneCConnectSimulator,
} from '../../sandbox/one-c-connect';
import { N8nHarness } from '../harness/n8n-harness';

/** A 1C-Connect simulator, a harness, and a stored `oneCConnectApi` credential pointing at it. */
export async function startOneC(options: OneCConnectSimulatorOptions = {}) {
	const harness = new N8nHarness();
	const simulator = createOneCConnectSimulator(options);
	const baseUrl = await simulator.start();
	const [login, password] = Object.entries(options.accounts ?? {})[0] ?? [
		ONE_C_DEMO_LOGIN,
		ONE_C_DEMO_PASSWORD,
	];
	const serviceUrl = `${baseUrl}${ONE_C_SERVICE_PATH}`;
	const credentialId = harness.addCredential('oneCConnectApi', {
		region: 'custom',
		customUrl: serviceUrl,
		pushUrl: `${baseUrl}/push`,
		login,
		password,
	});
	const node = (parameters: INodeParameters, continueOnFail = false) => ({
		type: 'oneCConnect',
		parameters,
		credentials: { oneCConnectApi: credentialId },
		continueOnFail,
	});
	return {
		simulator,
		harness,
		baseUrl,
		serviceUrl,
		credentialId,
		/** Runs one operation of the node over the given input items. */
		run: (
			resource: string,
			operation: string,
			parameters: INodeParameters = {},
			input: IDataObject[] = [{}],
			continueOnFail = false,
		) => harness.runNode(node({ resource, operation, ...parameters }, continueOnFail), input),
		/** SOAP operations the simulator received, in order. */
		operations: () =>
			simulator.requests
				.filter((request) => request.method === 'POST')
				.map((request) => /<m:(\w+) xmlns:m=/.exec(request.body)?.[1] ?? '?'),
		trigger: (parameters: INodeParameters) => ({
			type: 'oneCConnectTrigger',
			parameters: { options: { timeZone: 'UTC' }, ...parameters },
			credentials: { oneCConnectApi: credentialId },
		}),
		stop: async () => await simulator.stop(),
	};
}

export type OneCFixture = Awaited<ReturnType<typeof startOneC>>;

/** Starts the fixture for a suite, resets the simulator before each test and stops it after all. */
export function useOneC(options: OneCConnectSimulatorOptions = {}): OneCFixture {
	const fixture = {} as OneCFixture;
	before(async () => {
		Object.defineProperties(fixture, Object.getOwnPropertyDescriptors(await startOneC(options)));
	});
	beforeEach(() => fixture.simulator.reset());
	after(async () => await fixture.stop());
	return fixture;
}
