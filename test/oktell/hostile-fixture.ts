import { afterEach } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import { respond, startHostileServer } from '../support/hostile-server';

export const LOGIN = 'operator';
/** Characters that URL-encoding changes, so each form of it can be looked for. */
export const PASSWORD = 'hostile p@ss/w+rd:7c2d';
export const USER_ID = 'DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8';

/** Every form of the credential that must never reach an error, an item or the run data. */
export const SECRET_FORMS = [
	PASSWORD,
	encodeURIComponent(PASSWORD),
	Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64'),
];

export const userStateXml = (state = '1', name = 'usReady') =>
	`<?xml version="1.0" encoding="utf-16"?><oktellxmlmapper><data><property_set name="user"><property_simple key="id" value="${USER_ID}"/><property_simple key="state" value="${state}" name="${name}"/></property_set></data></oktellxmlmapper>`;

export const xmlReply = (xml: string, headers: Record<string, string> = {}): Behaviour =>
	respond(200, xml, { 'Content-Type': 'text/xml; charset=utf-8', ...headers });

interface RunOptions {
	continueOnFail?: boolean;
	input?: IDataObject[];
	/** Timeout (Seconds) in the node's options. */
	timeout?: number;
}

/**
 * The Oktell node run through n8n against raw-TCP servers that misbehave. Each `serve` starts a
 * server and a credential pointing at it; all servers close after each test.
 */
export function useHostileOktell() {
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

	const serve = async (behaviour: Behaviour) => {
		const server = await start(behaviour);
		const credentialId = harness.addCredential('oktellApi', {
			serverUrl: server.url,
			login: LOGIN,
			password: PASSWORD,
		});
		const credentials = { oktellApi: credentialId };
		const run = async (parameters: INodeParameters, options: RunOptions = {}) => {
			const withTimeout =
				options.timeout === undefined
					? parameters
					: {
							...parameters,
							options: { ...(parameters.options as IDataObject), timeout: options.timeout },
						};
			return await harness.runNode(
				{
					type: 'oktell',
					parameters: withTimeout,
					credentials,
					continueOnFail: options.continueOnFail,
				},
				options.input ?? [{}],
			);
		};
		return {
			server,
			run,
			runOnItems: async (parameters: INodeParameters, items: INodeExecutionData[]) =>
				await harness.runNodeOnItems({ type: 'oktell', parameters, credentials }, items),
			/** User → Get State, the representative read. */
			getState: async (options?: RunOptions) =>
				await run({ resource: 'user', operation: 'getState', userId: USER_ID }, options),
			/** Call → Hang Up, the representative write: a second one could end the next call. */
			hangUp: async (options?: RunOptions) =>
				await run({ resource: 'call', operation: 'hangUp', user: 'Dima' }, options),
			poller: (parameters: INodeParameters) =>
				harness.createPoller({ type: 'oktellTrigger', parameters, credentials }),
		};
	};

	return { harness, serve, start };
}

/** The secret forms found in a text. */
export function leakedForms(text: string): string[] {
	return SECRET_FORMS.filter((form) => text.includes(form));
}

/** Elapsed milliseconds of `work`, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsed: number }> {
	const started = Date.now();
	const result = await work();
	return { result, elapsed: Date.now() - started };
}
