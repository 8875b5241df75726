import { after, before, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { AtiSimulatorOptions } from '../../sandbox/ati';
import { ATI_DEMO_TOKEN, createAtiSimulator } from '../../sandbox/ati';
import { N8nHarness } from '../harness/n8n-harness';

/** An ATI simulator on 127.0.0.1, a harness, and a stored `atiApi` credential pointing at it. */
export async function startAti(options: AtiSimulatorOptions = {}) {
	const harness = new N8nHarness();
	const simulator = createAtiSimulator(options);
	const baseUrl = await simulator.start();
	const credentialId = harness.addCredential('atiApi', {
		accessToken: options.tokens?.[0] ?? ATI_DEMO_TOKEN,
		baseUrl,
	});
	const atiNode = (parameters: INodeParameters, continueOnFail = false) => ({
		type: 'ati',
		parameters,
		credentials: { atiApi: credentialId },
		continueOnFail,
	});
	return {
		simulator,
		harness,
		baseUrl,
		credentialId,
		get: (input: IDataObject[], contactId = '={{ $json.id }}', continueOnFail = false) =>
			harness.runNode(
				atiNode({ resource: 'presence', operation: 'get', contactId }, continueOnFail),
				input,
			),
		getMany: (input: IDataObject[], contactIds = '={{ $json.ids }}', continueOnFail = false) =>
			harness.runNode(
				atiNode({ resource: 'presence', operation: 'getMany', contactIds }, continueOnFail),
				input,
			),
		/** Runs the ATI.SU node with any resource and operation on the input items. */
		run: (parameters: INodeParameters, input: IDataObject[] = [{}], continueOnFail = false) =>
			harness.runNode(atiNode(parameters, continueOnFail), input),
		trigger: (parameters: INodeParameters) => ({
			type: 'atiTrigger',
			parameters: { event: 'anyChange', ...parameters },
			credentials: { atiApi: credentialId },
		}),
		stop: async () => await simulator.stop(),
	};
}

export type AtiFixture = Awaited<ReturnType<typeof startAti>>;

/** Starts the fixture for a suite, resets the simulator before each test and stops it after all. */
export function useAti(options: AtiSimulatorOptions = {}): AtiFixture {
	const fixture = {} as AtiFixture;
	before(async () => {
		Object.defineProperties(fixture, Object.getOwnPropertyDescriptors(await startAti(options)));
	});
	beforeEach(() => fixture.simulator.reset());
	after(async () => await fixture.stop());
	return fixture;
}
