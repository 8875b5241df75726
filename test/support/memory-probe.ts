// Measures the peak memory of one node run against a misbehaving server, in a process of its own:
//   node --import tsx test/support/memory-probe.ts <scenario>
// prints {"peakRssMb", "baselineRssMb", "error"} as its last line. Scenarios: see SCENARIOS.
// RSS is sampled every 20 ms from just before the node runs until it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { Behaviour } from './hostile-server';
import { bigBody, endlessBody, respond, respondJson, startHostileServer } from './hostile-server';

interface Scenario {
	behaviour: () => Behaviour;
	/** The node to run and the credential it needs, pointed at `url`. */
	node: (url: string) => {
		type: string;
		credentialType: string;
		credential: Record<string, string>;
		parameters: INodeParameters;
	};
}

const MB = 1024 * 1024;
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const XML_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8' };
const OKTELL_VERSION = `<?xml version="1.0" encoding="utf-8"?>
<oktellxmlmapper version="80710"><data name="version" count="1"><property_set name="version">
<property_cdata key="text"><![CDATA[Oktell 2.x]]></property_cdata></property_set></data></oktellxmlmapper>`;

const atiPresenceGet = (url: string) => ({
	type: 'ati',
	credentialType: 'atiApi',
	credential: { accessToken: 'memory-probe-token', baseUrl: url },
	parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
});

const oktellGetVersion = (url: string) => ({
	type: 'oktell',
	credentialType: 'oktellApi',
	credential: { serverUrl: url, login: 'probe', password: 'memory-probe-password' },
	parameters: { resource: 'server', operation: 'getVersion' },
});

const SCENARIOS: Record<string, Scenario> = {
	'ati-small': {
		behaviour: () => respondJson(200, { code_id: '123456.0', state: 'online' }),
		node: atiPresenceGet,
	},
	'ati-endless': {
		behaviour: () => endlessBody(200, JSON_HEADERS, '[{"code_id":"1.0","state":"online"},'),
		node: atiPresenceGet,
	},
	'ati-200mb': {
		behaviour: () =>
			bigBody(200, 200 * MB, {
				prefix: '{"code_id":"123456.0","state":"',
				suffix: '"}',
				headers: JSON_HEADERS,
			}),
		node: atiPresenceGet,
	},
	'oktell-small': {
		behaviour: () => respond(200, OKTELL_VERSION, XML_HEADERS),
		node: oktellGetVersion,
	},
	'oktell-endless': {
		behaviour: () =>
			endlessBody(200, XML_HEADERS, '<property_cdata key="text">version</property_cdata>'),
		node: oktellGetVersion,
	},
};

function rssMb(): number {
	return Math.round((process.memoryUsage().rss / MB) * 10) / 10;
}

async function main(name: string): Promise<void> {
	const scenario = SCENARIOS[name];
	if (!scenario) {
		throw new Error(`Unknown scenario "${name}"; one of: ${Object.keys(SCENARIOS).join(', ')}`);
	}
	const server = await startHostileServer(scenario.behaviour());
	// Imported here, once the environment below is set: n8n-core reads it as it loads.
	const { N8nHarness } = await import('../harness/n8n-harness');
	const harness = new N8nHarness();
	const node = scenario.node(server.url);
	const credentialId = harness.addCredential(node.credentialType, node.credential);

	const baselineRssMb = rssMb();
	let peakRssMb = baselineRssMb;
	const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), 20);
	let error: string | null = null;
	try {
		const result = await harness.runNode(
			{
				type: node.type,
				parameters: node.parameters,
				credentials: { [node.credentialType]: credentialId },
			},
			[{}],
		);
		error = result.error?.message ?? null;
	} catch (thrown) {
		error = `the run threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
	} finally {
		peakRssMb = Math.max(peakRssMb, rssMb());
		clearInterval(sampler);
		await server.close();
	}
	process.stdout.write(`${JSON.stringify({ peakRssMb, baselineRssMb, error })}\n`);
}

/** Run outside scripts/run-tests.mjs, n8n would keep its settings in the home folder. */
function ownUserFolder(): string | undefined {
	if (process.env.N8N_USER_FOLDER) return undefined;
	const folder = mkdtempSync(join(tmpdir(), 'memory-probe-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_ENCRYPTION_KEY ??= 'memory-probe-only-key';
	process.env.N8N_LOG_LEVEL ??= 'silent';
	return folder;
}

const userFolder = ownUserFolder();
const cleanUp = () => {
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
};
main(process.argv[2] ?? '').then(
	() => {
		cleanUp();
		process.exit(0);
	},
	(error: unknown) => {
		cleanUp();
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(2);
	},
);
