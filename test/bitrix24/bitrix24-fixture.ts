import { after, before, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Bitrix24SimulatorOptions } from '../../sandbox/bitrix24';
import { bitrix24DemoCredentials, createBitrix24Simulator } from '../../sandbox/bitrix24';
import type { NodeUnderTest } from '../harness/n8n-harness';
import { N8nHarness } from '../harness/n8n-harness';

export type Auth = 'webhook' | 'oAuth2';

/**
 * A Bitrix24 simulator on 127.0.0.1, a harness, a webhook credential and an OAuth2 credential
 * holding tokens the simulator issued (as after n8n's OAuth flow).
 */
export async function startBitrix24(options: Bitrix24SimulatorOptions = {}) {
	const harness = new N8nHarness();
	const simulator = createBitrix24Simulator(options);
	const baseUrl = await simulator.start();
	const demo = bitrix24DemoCredentials(baseUrl);
	const secretWebhookUrl = options.webhookCode
		? demo.bitrix24WebhookApi.secretWebhookUrl.replace(/[^/]+\/$/, `${options.webhookCode}/`)
		: demo.bitrix24WebhookApi.secretWebhookUrl;
	const webhookId = harness.addCredential('bitrix24WebhookApi', { secretWebhookUrl });
	let oauthId = '';

	/** A fresh OAuth2 credential connected with a new token pair. */
	const connectOAuth2 = () => {
		const tokens = simulator.issueTokens();
		oauthId = harness.addCredential('bitrix24OAuth2Api', {
			...demo.bitrix24OAuth2Api,
			clientSecret: options.clientSecret ?? demo.bitrix24OAuth2Api.clientSecret,
			oauthTokenData: { ...tokens, token_type: undefined },
		});
		return oauthId;
	};

	const node = (
		parameters: INodeParameters,
		auth: Auth = 'webhook',
		continueOnFail = false,
	): NodeUnderTest => ({
		type: 'bitrix24',
		parameters: { authentication: auth, ...parameters },
		credentials: (auth === 'webhook'
			? { bitrix24WebhookApi: webhookId }
			: { bitrix24OAuth2Api: oauthId }) as Record<string, string>,
		continueOnFail,
	});

	return {
		simulator,
		harness,
		baseUrl,
		webhookId,
		get oauthId() {
			return oauthId;
		},
		connectOAuth2,
		node,
		/** Method → Call over the input items. */
		call: (
			input: IDataObject[],
			parameters: INodeParameters,
			auth: Auth = 'webhook',
			continueOnFail = false,
		) =>
			harness.runNode(
				node({ resource: 'method', operation: 'call', ...parameters }, auth, continueOnFail),
				input,
			),
		realtime: (
			operation: string,
			parameters: INodeParameters,
			auth: Auth = 'oAuth2',
			input: IDataObject[] = [{}],
			continueOnFail = false,
		) =>
			harness.runNode(
				node({ resource: 'realtime', operation, ...parameters }, auth, continueOnFail),
				input,
			),
		/** The REST calls the simulator received (the pull server and token endpoint left out). */
		restCalls: () => simulator.requests.filter((request) => request.path.startsWith('/rest/')),
		stop: async () => await simulator.stop(),
	};
}

export type Bitrix24Fixture = Awaited<ReturnType<typeof startBitrix24>>;

/** Starts the fixture for a suite, resets the simulator and reconnects OAuth2 before each test. */
export function useBitrix24(options: Bitrix24SimulatorOptions = {}): Bitrix24Fixture {
	const fixture = {} as Bitrix24Fixture;
	before(async () => {
		Object.defineProperties(
			fixture,
			Object.getOwnPropertyDescriptors(await startBitrix24(options)),
		);
	});
	beforeEach(() => {
		fixture.simulator.reset();
		fixture.connectOAuth2();
	});
	after(async () => await fixture.stop());
	return fixture;
}
