import { after, before, beforeEach } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { EraSimulatorOptions } from '../../sandbox/era';
import { ERA_DEMO_CREDENTIALS, createEraSimulator } from '../../sandbox/era';
import { bindSession } from '../../nodes/Era/transport/login';
import { N8nHarness } from '../harness/n8n-harness';

export const POINTS_PATH = '/rest/v1/service/integration_points';
export const LOGIN_PATH = '/rest/v1/iam/sessions';

/** An ERA simulator on 127.0.0.1, a harness, and a stored `eraApi` credential pointing at it. */
export async function startEra(options: EraSimulatorOptions = {}) {
	const harness = new N8nHarness();
	const simulator = createEraSimulator(options);
	const baseUrl = await simulator.start();
	const addCredential = (overrides: ICredentialDataDecryptedObject = {}) =>
		harness.addCredential('eraApi', {
			serverUrl: baseUrl,
			domain: ERA_DEMO_CREDENTIALS.domain,
			login: ERA_DEMO_CREDENTIALS.login,
			password: ERA_DEMO_CREDENTIALS.password,
			sessionToken: '',
			...overrides,
		});
	/** A session opened beforehand, so tests see only their own requests unless they log in. */
	const openSession = () =>
		bindSession(
			{ serverUrl: baseUrl, ...ERA_DEMO_CREDENTIALS },
			simulator.sessions.open(ERA_DEMO_CREDENTIALS.domain, ERA_DEMO_CREDENTIALS.login, 'token')
				.token,
		);
	const credentialId = addCredential({ sessionToken: openSession() });
	const run = (
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		options: { continueOnFail?: boolean; credentialId?: string } = {},
	) =>
		harness.runNode(
			{
				type: 'era',
				parameters,
				credentials: { eraApi: options.credentialId ?? credentialId },
				continueOnFail: options.continueOnFail,
			},
			input,
		);
	return {
		simulator,
		harness,
		baseUrl,
		credentialId,
		addCredential,
		openSession,
		run,
		point: (
			operation: string,
			parameters: INodeParameters,
			input: IDataObject[] = [{}],
			options: { continueOnFail?: boolean; credentialId?: string } = {},
		) => run({ resource: 'integrationPoint', operation, ...parameters }, input, options),
		/** The vendor requests sent, as "METHOD path status", logins included. */
		calls: () =>
			simulator.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		stop: async () => await simulator.stop(),
	};
}

export type EraFixture = Awaited<ReturnType<typeof startEra>>;

/**
 * Starts the fixture for a suite and stops it after all. Before each test the simulator's points,
 * bans, faults and log are reset, and the main credential gets a live session if its own ended.
 */
export function useEra(options: EraSimulatorOptions = {}): EraFixture {
	const fixture = {} as EraFixture;
	before(async () => {
		Object.defineProperties(fixture, Object.getOwnPropertyDescriptors(await startEra(options)));
	});
	beforeEach(() => {
		const stored = fixture.harness.credentialsHelper.storedData(fixture.credentialId);
		if (!fixture.simulator.sessions.isLive(String(stored?.sessionToken))) {
			fixture.harness.credentialsHelper.store({
				id: fixture.credentialId,
				name: 'eraApi',
				type: 'eraApi',
				data: { ...stored, sessionToken: fixture.openSession() },
			});
		}
		fixture.simulator.points.reset();
		fixture.simulator.bans.reset();
		fixture.simulator.clearFaults();
		fixture.simulator.clearRequests();
	});
	after(async () => await fixture.stop());
	return fixture;
}

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
