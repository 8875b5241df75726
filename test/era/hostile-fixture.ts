import { afterEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bindSession } from '../../nodes/Era/transport/login';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import { startHostileServer } from '../support/hostile-server';
import { N8nHarness } from '../harness/n8n-harness';

export const POINTS_PATH = '/rest/v1/service/integration_points';
export const LOGIN_PATH = '/rest/v1/iam/sessions';
export const LOGIN = 'admin';
/** Characters that URL- and JSON-encoding change, so each form of it can be looked for. */
export const PASSWORD = ['hostile p@ss', 'w/rd+"7c2d'].join('/');
export const TOKEN = ['era', 'hostile', 'session', '5f1e'].join('-');
export const POINT = { id: 'b4680fbe-016c-d86f-1d6b-50e54938780c', code: 'ABCDE', type: 'public' };

/** Every form of a secret that must never reach an error, an item or the run data. */
export const SECRET_FORMS = [
	PASSWORD,
	encodeURIComponent(PASSWORD),
	JSON.stringify(PASSWORD).slice(1, -1),
	Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64'),
	TOKEN,
];

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const byInputId = '={{ { __rl: true, mode: "id", value: $json.id } }}';

interface RunOptions {
	continueOnFail?: boolean;
	input?: IDataObject[];
}

/**
 * The ERA node run through n8n against raw-TCP servers that misbehave. Each `serve` starts a
 * server and a credential pointing at it, with a session already taken (so only the node's own
 * requests arrive) unless `loggedIn` is false; all servers close after each test.
 */
export function useHostileEra() {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});

	const start = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};

	const serve = async (behaviour: Behaviour, { loggedIn = true } = {}) => {
		const server = await start(behaviour);
		const identity = {
			serverUrl: server.url,
			domain: 'sandbox.era',
			login: LOGIN,
			password: PASSWORD,
		};
		const credentialId = harness.addCredential('eraApi', {
			...identity,
			sessionToken: loggedIn ? bindSession(identity, TOKEN) : '',
		});
		const run = async (parameters: INodeParameters, options: RunOptions = {}) =>
			await harness.runNode(
				{
					type: 'era',
					parameters,
					credentials: { eraApi: credentialId },
					continueOnFail: options.continueOnFail,
				},
				options.input ?? [{}],
			);
		const point = async (operation: string, parameters: INodeParameters, options?: RunOptions) =>
			await run({ resource: 'integrationPoint', operation, ...parameters }, options);
		return {
			server,
			run,
			/** Get as the representative read. */
			get: async (options?: RunOptions & { timeout?: number }) =>
				await point(
					'get',
					{ pointId: byId(POINT.id), options: timeoutOf(options?.timeout) },
					options,
				),
			/** Create as the representative write. */
			create: async (options?: RunOptions & { timeout?: number }) =>
				await point(
					'create',
					{ code: 'ONCE', type: 'public', options: timeoutOf(options?.timeout) },
					options,
				),
			point,
		};
	};

	return { harness, serve, start };
}

function timeoutOf(seconds: number | undefined): INodeParameters {
	return seconds === undefined ? {} : { timeout: seconds };
}

/** The secret forms found in a text. */
export function leaks(text: string): string[] {
	return SECRET_FORMS.filter((secret) => text.includes(secret));
}
