import { after, afterEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import { respondJson, startHostileServer } from '../support/hostile-server';

export const WEBHOOK_CODE = 'secretcode123';
export const ACCESS_TOKEN = 'hostile access/token+7a2e=';
export const REFRESH_TOKEN = ['hostile', 'refresh', 'token', '51d0'].join('-');
export const CLIENT_SECRET = ['hostile', 'client', 'secret', 'c9f4'].join('-');

/** Allowance for a busy machine twice as slow as this one. */
export const SLACK_MS = 5_000;

export type Auth = 'webhook' | 'oAuth2';

/** Three deals to add: the write, sent together through one `batch`. */
export const THREE_DEALS = [{ t: 'A' }, { t: 'B' }, { t: 'C' }];
const ADD_DEAL = {
	method: 'crm.deal.add',
	parameters: '={{ JSON.stringify({ fields: { TITLE: $json.t ?? "Deal" } }) }}',
};
const LIST_DEALS = { method: 'crm.deal.list', parameters: '{}' };

/** A Bitrix24 reply: `{result, time}`. */
export const reply = (result: unknown, extra: IDataObject = {}) => ({
	result,
	time: { start: 1, finish: 1.01, duration: 0.01 },
	...extra,
});

/** A `batch` reply holding these results by command key. */
export const batchReply = (results: IDataObject, errors: IDataObject | unknown[] = []) =>
	reply({ result: results, result_error: errors, result_total: [], result_next: [] });

export const DEALS = [
	{ ID: '1', TITLE: 'One' },
	{ ID: '2', TITLE: 'Two' },
];

/**
 * One harness for a suite; raw-TCP servers standing in for a Bitrix24 portal, reached through a
 * webhook credential (`<server>/rest/1/secretcode123/`) or an OAuth2 credential holding tokens;
 * the servers closed after each test.
 */
export function useHostileBitrix24() {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	afterEach(async () => await Promise.all(servers.splice(0).map(async (s) => await s.close())));
	after(async () => await Promise.all(servers.map(async (s) => await s.close())));

	const serve = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};

	const credentialsFor = (server: HostileServer, auth: Auth): Record<string, string> =>
		auth === 'webhook'
			? {
					bitrix24WebhookApi: harness.addCredential('bitrix24WebhookApi', {
						secretWebhookUrl: `${server.url}/rest/1/${WEBHOOK_CODE}/`,
					}),
				}
			: {
					bitrix24OAuth2Api: harness.addCredential('bitrix24OAuth2Api', {
						domain: server.url,
						clientId: 'local.hostile',
						clientSecret: CLIENT_SECRET,
						accessTokenUrl: `${server.url}/oauth/token/`,
						oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN },
					}),
				};

	/** Method → Call over the input items, timed. */
	const call = async (
		server: HostileServer,
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		{ auth = 'webhook', continueOnFail = false }: { auth?: Auth; continueOnFail?: boolean } = {},
	) => {
		const started = Date.now();
		const result = await harness.runNode(
			{
				type: 'bitrix24',
				parameters: { authentication: auth, resource: 'method', operation: 'call', ...parameters },
				credentials: credentialsFor(server, auth),
				continueOnFail,
			},
			input,
		);
		return { ...result, elapsedMs: Date.now() - started };
	};

	return {
		harness,
		serve,
		call,
		credentialsFor,
		/** `crm.deal.add`, a write: one call for one item, one `batch` for several. */
		addDeal: async (
			server: HostileServer,
			input: IDataObject[] = [{}],
			options: INodeParameters = {},
			settings: { auth?: Auth; continueOnFail?: boolean } = {},
		) => await call(server, { ...ADD_DEAL, options }, input, settings),
		/** `crm.deal.list` declared Read Only. */
		listDeals: async (
			server: HostileServer,
			input: IDataObject[] = [{}],
			options: INodeParameters = {},
			settings: { auth?: Auth; continueOnFail?: boolean; returnAll?: boolean } = {},
		) =>
			await call(
				server,
				{
					...LIST_DEALS,
					returnAll: settings.returnAll ?? false,
					options: { readOnly: true, ...options },
				},
				input,
				settings,
			),
	};
}

/** Answers every request with a Bitrix24 reply holding `result`. */
export const answer = (result: unknown, extra: IDataObject = {}): Behaviour =>
	respondJson(200, reply(result, extra));
