import { after, afterEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer, ReceivedRequest } from '../support/hostile-server';
import { respondJson, startHostileServer } from '../support/hostile-server';

export const HOSTILE_TOKEN = 'ati/hostile token+5f1c=';

/** Allowance for a busy machine twice as slow as this one. */
export const SLACK_MS = 5_000;

/**
 * One harness for a suite, an `atiApi` credential per raw-TCP server standing in for ATI.SU, and
 * the servers closed after each test.
 */
export function useHostileAti() {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	afterEach(async () => await Promise.all(servers.splice(0).map(async (s) => await s.close())));
	after(async () => await Promise.all(servers.map(async (s) => await s.close())));

	const serve = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};
	const credentialFor = (server: HostileServer) =>
		harness.addCredential('atiApi', { accessToken: HOSTILE_TOKEN, baseUrl: server.url });

	const run = async (
		server: HostileServer,
		parameters: INodeParameters,
		input: IDataObject[],
		continueOnFail = false,
	) => {
		const started = Date.now();
		const result = await harness.runNode(
			{
				type: 'ati',
				parameters: { resource: 'presence', ...parameters },
				credentials: { atiApi: credentialFor(server) },
				continueOnFail,
			},
			input,
		);
		return { ...result, elapsedMs: Date.now() - started };
	};

	return {
		harness,
		serve,
		/** The ATI.SU node with any resource and operation against `server`. */
		run,
		/** Presence Get of `$json.id` for each input item. */
		get: async (
			server: HostileServer,
			input: IDataObject[],
			options: INodeParameters = {},
			continueOnFail = false,
		) =>
			await run(
				server,
				{ operation: 'get', contactId: '={{ $json.id }}', options },
				input,
				continueOnFail,
			),
		/** Presence Get Many of `$json.ids` for each input item. */
		getMany: async (
			server: HostileServer,
			input: IDataObject[],
			options: INodeParameters = {},
			continueOnFail = false,
		) =>
			await run(
				server,
				{ operation: 'getMany', contactIds: '={{ $json.ids }}', options },
				input,
				continueOnFail,
			),
		/** An active ATI.SU Trigger polling `server`. */
		poller: (server: HostileServer, parameters: INodeParameters) =>
			harness.createPoller({
				type: 'atiTrigger',
				parameters: { event: 'anyChange', ...parameters },
				credentials: { atiApi: credentialFor(server) },
			}),
	};
}

/** The contact IDs a presence request asked for: from its path (Get) or its JSON body (Get Many). */
export function askedIds(request: ReceivedRequest): string[] {
	const single = /^\/presence\/state\/([^/]+)\/$/.exec(request.path);
	if (single) return [decodeURIComponent(single[1])];
	return JSON.parse(request.body.toString()) as string[];
}

/** Answers like ATI.SU from `states`, plus `extra` entries in every batch reply. */
export function presenceServer(
	states: () => Record<string, string>,
	extra: IDataObject[] = [],
): Behaviour {
	return (socket, request, index) => {
		const known = states();
		const entries = askedIds(request)
			.filter((id) => id in known)
			.map((id) => ({ code_id: id, state: known[id] }));
		const reply = request.method === 'GET' ? entries[0] : [...entries, ...extra];
		return respondJson(200, reply)(socket, request, index);
	};
}
