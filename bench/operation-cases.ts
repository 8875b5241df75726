import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ATI_REQUESTS_PER_SECOND } from '../sandbox/ati/demo-data';
import { ERA_DEMO_CREDENTIALS } from '../sandbox/era';
import type { LoggedRequest, SimulatorServer } from '../sandbox/framework';
import type { N8nHarness } from '../test/harness/n8n-harness';
import { loadPackModule } from '../test/harness/package-loader';
import { startAti } from '../test/ati/ati-fixture';
import { startBitrix24 } from '../test/bitrix24/bitrix24-fixture';
import { startEra } from '../test/era/era-fixture';
import { startOktell } from '../test/oktell/oktell-fixture';
import { startOneC } from '../test/one-c-connect/one-c-fixture';
import type { RatePace, RawCall } from './raw-http';
import { distinctCalls, rawCallOf } from './raw-http';

/** A vendor simulator with a harness and a stored credential pointing at it. */
export interface VendorRig {
	vendor: string;
	simulator: SimulatorServer;
	harness: N8nHarness;
	baseUrl: string;
	type: string;
	credentials: Record<string, string>;
	/** The vendor's limit on requests in flight, and where it comes from. */
	limit: { inFlight: number; source: string };
	pace?: RatePace;
	/** The requests that count (Bitrix24's token and pull endpoints do not). */
	counted: (request: LoggedRequest) => boolean;
	/** Restores what a simulator reset took away from the stored credential. */
	afterReset?: () => void;
	/** Forgets the requests a vendor's rate limit counted, so the raw client starts as fresh. */
	resetRate?: () => void;
	stop(): Promise<void>;
}

export interface OperationCase {
	name: string;
	kind: 'batched' | 'per-item';
	items: number;
	/** Run count: fewer where the vendor's rate limit makes one run long. */
	runs: number;
	/**
	 * One untimed run of each contender first (default), so the timed runs compare code V8 has
	 * already optimised, as in a long-running n8n, rather than who compiles faster.
	 */
	warmUp?: boolean;
	rig: () => VendorRig;
	parameters: INodeParameters;
	/** Builds the input after the simulator was reset (and seeds what the operation needs). */
	input: (rig: VendorRig) => IDataObject[];
	minimum: number;
	/** The limit in flight the case is held to, where it is not the rig's. */
	limit?: VendorRig['limit'];
	/** The goal applies to it; false: shown to compare, at the node's conservative default. */
	judged?: boolean;
	/** The fewest calls doing the same work; by default the distinct requests the node sent. */
	minimalCalls?: (rig: VendorRig, logged: readonly LoggedRequest[]) => RawCall[];
}

/** The ATI node's own limiter: that of the module the harness loaded the node from. */
function nodeAtiLimiter() {
	return loadPackModule<typeof import('../nodes/Ati/transport/index')>(
		'dist/nodes/Ati/transport/index.js',
	).atiRateLimiter;
}

/** The Bitrix24 node's own buckets: those of the module the harness loaded the node from. */
function nodeBuckets() {
	return loadPackModule<typeof import('../nodes/Bitrix24/transport/leaky-bucket')>(
		'dist/nodes/Bitrix24/transport/leaky-bucket.js',
	).buckets;
}

const DEFAULT_LIMIT = {
	inFlight: 10,
	source: 'no documented limit: a conservative 10 in flight',
};

export async function startRigs(): Promise<Record<string, VendorRig>> {
	const all = () => true;
	const ati = await startAti();
	const era = await startEra();
	const bitrix = await startBitrix24();
	const oneC = await startOneC({
		hourlyLimits: { ClientAdd: 1e6, ClientEdit: 1e6, ClientDelete: 1e6, ClientITSStatus: 1e6 },
	});
	const oktell = await startOktell();
	return {
		ati: {
			vendor: 'ATI.SU',
			...ati,
			type: 'ati',
			credentials: { atiApi: ati.credentialId },
			limit: {
				inFlight: ATI_REQUESTS_PER_SECOND,
				source: `ATI: ${ATI_REQUESTS_PER_SECOND} requests/s`,
			},
			pace: { perWindow: ATI_REQUESTS_PER_SECOND, windowMs: 1010 },
			// The node keeps ATI's rate client-side too: each run starts with both counts empty, as
			// the raw client's does.
			afterReset: () => fieldOf<Map<string, unknown>>(nodeAtiLimiter(), 'slots').clear(),
			resetRate: () => fieldOf<{ reset(): void }>(ati.simulator, 'limiter').reset(),
			counted: all,
		},
		era: {
			vendor: 'ERA',
			...era,
			type: 'era',
			credentials: { eraApi: era.credentialId },
			limit: DEFAULT_LIMIT,
			counted: (request) => !request.path.startsWith('/rest/v1/iam/'),
			afterReset: () => {
				const stored = era.harness.credentialsHelper.storedData(era.credentialId);
				era.harness.credentialsHelper.store({
					id: era.credentialId,
					name: 'eraApi',
					type: 'eraApi',
					data: { ...stored, sessionToken: era.openSession() },
				});
			},
		},
		bitrix24: {
			vendor: 'Bitrix24',
			...bitrix,
			type: 'bitrix24',
			credentials: { bitrix24WebhookApi: bitrix.webhookId },
			limit: { inFlight: 50, source: 'Bitrix24: 2 requests/s, burst 50' },
			counted: (request) => request.path.startsWith('/rest/'),
			// The node keeps Bitrix24's bucket client-side too: each run starts with both empty, as
			// the raw client's does.
			afterReset: () => fieldOf<Map<string, unknown>>(nodeBuckets().standard, 'levels').clear(),
			resetRate: () => fieldOf<{ reset(): void }>(bitrix.simulator, 'bucket').reset(),
		},
		oneC: {
			vendor: '1C-Connect',
			...oneC,
			type: 'oneCConnect',
			credentials: { oneCConnectApi: oneC.credentialId },
			limit: DEFAULT_LIMIT,
			counted: (request) => request.method === 'POST',
		},
		oktell: {
			vendor: 'Oktell',
			...oktell,
			baseUrl: oktell.serverUrl,
			type: 'oktell',
			credentials: { oktellApi: oktell.credentialId },
			limit: DEFAULT_LIMIT,
			counted: all,
		},
	};
}

/** A field its class keeps private, which the bench empties between runs. */
function fieldOf<T>(owner: object, name: string): T {
	return (owner as unknown as Record<string, T>)[name];
}

const contactIds = (from: number, count: number) =>
	Array.from({ length: count }, (_, index) => `${from + index}.0`);

/** ATI Get's fewest calls: the batched POST, 100 contacts each, with the node's own headers. */
function atiBatchedPost(rig: VendorRig, logged: readonly LoggedRequest[]): RawCall[] {
	const ids = [...new Set(logged.map((request) => request.path.split('/')[3]))];
	const template = rawCallOf(rig.baseUrl, logged[0]);
	const calls: RawCall[] = [];
	for (let at = 0; at < ids.length; at += 100) {
		calls.push({
			method: 'POST',
			url: `${rig.baseUrl}/presence/state`,
			headers: { ...template.headers, 'content-type': 'application/json' },
			body: JSON.stringify(ids.slice(at, at + 100)),
		});
	}
	return calls;
}

function seedClients(rig: VendorRig, count: number): string[] {
	const simulator = rig.simulator as unknown as {
		addObject(kind: string, fields: Record<string, unknown>): Record<string, unknown>;
	};
	return Array.from({ length: count }, (_, index) =>
		String(simulator.addObject('Client', { Name: `Bench ${index}` }).ClientID),
	);
}

function seedEraPoints(rig: VendorRig, count: number): string[] {
	const points = (
		rig.simulator as unknown as { points: { create(d: string, p: unknown): { id: string } } }
	).points;
	return Array.from(
		{ length: count },
		(_, index) =>
			points.create(ERA_DEMO_CREDENTIALS.domain, { code: `bench-${index}`, type: 'public' }).id,
	);
}

function seedOktellUsers(rig: VendorRig, count: number): string[] {
	const users = (
		rig.simulator as unknown as { world: { pbx: { users: Map<string, Record<string, unknown>> } } }
	).world.pbx.users;
	const [template] = users.values();
	return Array.from({ length: count }, (_, index) => {
		const id = `be0c0000-0000-4000-8000-${String(index).padStart(12, '0')}`;
		users.set(id, { ...template, id, login: `bench${index}`, name: `Bench ${index}` });
		return id;
	});
}

export function operationCases(rigs: Record<string, VendorRig>): OperationCase[] {
	const BATCH = 1000;
	const PER_ITEM = 100;
	/**
	 * Judged per-item reads take a tenth of a second or less, where one garbage collection moves a
	 * run by a tenth: more runs steady the median.
	 */
	const SHORT_RUNS = 21;
	const cases: OperationCase[] = [
		{
			name: 'ATI Get Many (1,000 items × 10 contacts)',
			kind: 'batched',
			items: BATCH,
			runs: 1,
			// Paced by ATI's 10 requests/s: a run is ten seconds of waiting, which warming up does not change.
			warmUp: false,
			rig: () => rigs.ati,
			parameters: { resource: 'presence', operation: 'getMany', contactIds: '={{ $json.ids }}' },
			input: () =>
				Array.from({ length: BATCH }, (_, index) => ({ ids: contactIds(100000 + index * 10, 10) })),
			minimum: 100,
		},
		{
			name: 'Bitrix24 Method Call, batched (crm.deal.get)',
			kind: 'batched',
			items: BATCH,
			runs: 7,
			rig: () => rigs.bitrix24,
			parameters: {
				authentication: 'webhook',
				resource: 'method',
				operation: 'call',
				method: 'crm.deal.get',
				parameters: '={{ JSON.stringify({ id: $json.id }) }}',
			},
			input: () => Array.from({ length: BATCH }, (_, index) => ({ id: (index % 120) + 1 })),
			minimum: 20,
		},
		{
			name: '1C-Connect Client Add',
			kind: 'batched',
			items: BATCH,
			runs: 5,
			rig: () => rigs.oneC,
			parameters: { resource: 'client', operation: 'create', name: '={{ $json.name }}' },
			input: () => Array.from({ length: BATCH }, (_, index) => ({ name: `Клиент ${index}` })),
			minimum: 10,
		},
		{
			name: '1C-Connect Client Edit',
			kind: 'batched',
			items: BATCH,
			runs: 5,
			rig: () => rigs.oneC,
			parameters: {
				resource: 'client',
				operation: 'update',
				clientID: '={{ $json.id }}',
				additionalFields: { comment: '={{ "edited " + $json.id }}' },
			},
			input: (rig) => seedClients(rig, BATCH).map((id) => ({ id })),
			minimum: 10,
		},
		{
			name: '1C-Connect Client Delete',
			kind: 'batched',
			items: BATCH,
			runs: 5,
			rig: () => rigs.oneC,
			parameters: { resource: 'client', operation: 'delete', clientID: '={{ $json.id }}' },
			input: (rig) => seedClients(rig, BATCH).map((id) => ({ id })),
			minimum: 10,
		},
		{
			name: 'ATI Get (100 contacts)',
			kind: 'per-item',
			items: PER_ITEM,
			runs: SHORT_RUNS,
			rig: () => rigs.ati,
			parameters: { resource: 'presence', operation: 'get', contactId: '={{ $json.id }}' },
			input: () => contactIds(300000, PER_ITEM).map((id) => ({ id })),
			minimum: 1,
			minimalCalls: atiBatchedPost,
		},
		{
			name: '1C-Connect Client Get ITS Status',
			kind: 'per-item',
			items: PER_ITEM,
			runs: 3,
			rig: () => rigs.oneC,
			parameters: { resource: 'client', operation: 'getItsStatus', clientID: '={{ $json.id }}' },
			input: (rig) => seedClients(rig, PER_ITEM).map((id) => ({ id })),
			minimum: PER_ITEM,
		},
		{
			name: 'ERA integration point Get',
			kind: 'per-item',
			items: PER_ITEM,
			runs: 3,
			rig: () => rigs.era,
			parameters: {
				resource: 'integrationPoint',
				operation: 'get',
				pointId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			input: (rig) => seedEraPoints(rig, PER_ITEM).map((id) => ({ id })),
			minimum: PER_ITEM,
		},
		{
			name: 'Oktell User Get State, one user',
			kind: 'per-item',
			items: PER_ITEM,
			runs: SHORT_RUNS,
			rig: () => rigs.oktell,
			parameters: { resource: 'user', operation: 'getState', userId: '={{ $json.id }}' },
			input: (rig) => Array(PER_ITEM).fill({ id: seedOktellUsers(rig, 1)[0] }),
			minimum: 1,
		},
		{
			name: 'Oktell User Get State, 100 users',
			kind: 'per-item',
			items: PER_ITEM,
			runs: 3,
			rig: () => rigs.oktell,
			parameters: { resource: 'user', operation: 'getState', userId: '={{ $json.id }}' },
			input: (rig) => seedOktellUsers(rig, PER_ITEM).map((id) => ({ id })),
			minimum: PER_ITEM,
		},
	];
	return [
		...cases.map((operation) =>
			sendsOnePerItem(operation) ? { ...operation, judged: false } : operation,
		),
		...cases.filter(sendsOnePerItem).map(atMaxParallel(PER_ITEM, SHORT_RUNS)),
	];
}

/** Per-item reads of distinct records: the node's default is conservative where no limit is known. */
function sendsOnePerItem(operation: OperationCase): boolean {
	return operation.kind === 'per-item' && operation.minimum === operation.items;
}

/** The same case with Max Parallel Requests raised, as a user whose server takes it sets it. */
function atMaxParallel(count: number, runs: number) {
	return (operation: OperationCase): OperationCase => ({
		...operation,
		name: `${operation.name}, Max Parallel Requests ${count}`,
		runs,
		parameters: { ...operation.parameters, options: { maxParallelRequests: count } },
		limit: { inFlight: count, source: "the user's Max Parallel Requests" },
	});
}

export const defaultMinimalCalls = (rig: VendorRig, logged: readonly LoggedRequest[]) =>
	distinctCalls(rig.baseUrl, logged);
