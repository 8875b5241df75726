import type { LoggedRequest } from '../sandbox/framework';
import { PACKAGE_NAME } from '../test/harness/package-loader';
import type { Instrumented } from './instrument';
import { instrument } from './instrument';
import { HELPER_NODE, helperNodeFor } from './helper-node';
import { NOOP_NODE, noopNodeFor } from './noop-node';
import type { OperationCase, VendorRig } from './operation-cases';
import { defaultMinimalCalls } from './operation-cases';
import type { RawCall } from './raw-http';
import { sendRaw } from './raw-http';
import { median } from './stats';

export interface NodeVsFloor {
	name: string;
	kind: OperationCase['kind'];
	items: number;
	runs: number;
	requests: number;
	minimum: number;
	refused: number;
	nodeMs: number;
	noopMs: number;
	rawMs: number;
	floorMs: number;
	/**
	 * Per-item reads: the same items and fewest calls sent all at once through n8n's own
	 * `httpRequestWithAuthentication` (what any node that follows n8n's conventions pays).
	 */
	helperMs?: number;
	/**
	 * The median of each run's node time over that run's floor: a run measures the node and its
	 * floor side by side, so a slow spell of the machine moves both and cancels out.
	 */
	ratio: number;
	goalRatio: number;
	maxInFlight: number;
	floorConcurrency: number;
	limitInFlight: number;
	limitSource: string;
	/** False: the speed goal does not apply (the node's conservative default, shown to compare). */
	judged: boolean;
	itemsOut: number;
	error?: string;
}

const REFUSALS = new Set([429, 503]);
const instrumented = new Map<VendorRig, Instrumented>();

function reset(rig: VendorRig): Instrumented {
	let handle = instrumented.get(rig);
	if (!handle) {
		handle = instrument(rig.simulator);
		instrumented.set(rig, handle);
	} else handle.reset();
	rig.afterReset?.();
	return handle;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const begin = performance.now();
	const value = await work();
	return [value, performance.now() - begin];
}

/** One operation: the node, the no-op node on the same items, and raw HTTP of the fewest calls. */
export async function measureOperation(operation: OperationCase): Promise<NodeVsFloor> {
	const rig = operation.rig();
	const nodeTimes: number[] = [];
	const noopTimes: number[] = [];
	const rawTimes: number[] = [];
	const helperTimes: number[] = [];
	let logged: LoggedRequest[] = [];
	let maxInFlight = 0;
	let floorConcurrency = 1;
	let refused = 0;
	let itemsOut = 0;
	let error: string | undefined;
	rig.harness.nodeTypes.add(`${PACKAGE_NAME}.${NOOP_NODE}`, noopNodeFor(operation.parameters));
	let helperCalls: RawCall[] = [];
	const [credentialType] = Object.keys(rig.credentials);
	// Reads sent one per item: how much of their cost is n8n's own helper.
	const perItem = operation.kind === 'per-item' && operation.minimum === operation.items;
	if (perItem) {
		rig.harness.nodeTypes.add(
			`${PACKAGE_NAME}.${HELPER_NODE}`,
			helperNodeFor(operation.parameters, credentialType, () => helperCalls),
		);
	}

	// Run -1 warms every contender up and is not timed.
	for (let run = operation.warmUp === false ? 0 : -1; run < operation.runs; run++) {
		const timedRun = run >= 0;
		const handle = reset(rig);
		const input = operation.input(rig);
		const [result, nodeMs] = await timed(() =>
			rig.harness.runNode(
				{ type: rig.type, parameters: operation.parameters, credentials: rig.credentials },
				input,
			),
		);
		if (timedRun) nodeTimes.push(nodeMs);
		error ??= result.error?.message;
		itemsOut = result.items.length;
		logged = rig.simulator.requests.filter(rig.counted);
		refused = logged.filter((request) => REFUSALS.has(request.status)).length;
		maxInFlight = Math.max(maxInFlight, handle.maxInFlight);
		floorConcurrency = operation.kind === 'per-item' ? Infinity : Math.max(1, handle.maxInFlight);

		const [, noopMs] = await timed(() =>
			rig.harness.runNode({ type: NOOP_NODE, parameters: operation.parameters }, input),
		);
		if (timedRun) noopTimes.push(noopMs);

		const calls = (operation.minimalCalls ?? defaultMinimalCalls)(rig, logged.filter(succeeded));
		rig.resetRate?.();
		const rawRunMs = await sendRaw(calls, floorConcurrency, rig.pace);
		if (timedRun) rawTimes.push(rawRunMs);

		if (perItem) {
			helperCalls = calls;
			rig.resetRate?.();
			const [helped, helperMs] = await timed(() =>
				rig.harness.runNode(
					{ type: HELPER_NODE, parameters: operation.parameters, credentials: rig.credentials },
					input,
				),
			);
			if (helped.error) throw helped.error;
			if (timedRun) helperTimes.push(helperMs);
		}
	}

	const nodeMs = median(nodeTimes);
	const noopMs = median(noopTimes);
	const rawMs = median(rawTimes);
	const floorMs = noopMs + rawMs;
	return {
		name: operation.name,
		kind: operation.kind,
		items: operation.items,
		runs: operation.runs,
		requests: logged.length,
		minimum: operation.minimum,
		refused,
		nodeMs,
		noopMs,
		rawMs,
		floorMs,
		helperMs: perItem ? median(helperTimes) : undefined,
		ratio: median(nodeTimes.map((ms, run) => ms / (noopTimes[run] + rawTimes[run]))),
		goalRatio: operation.kind === 'batched' ? 1.2 : 1.5,
		maxInFlight,
		floorConcurrency,
		limitInFlight: (operation.limit ?? rig.limit).inFlight,
		limitSource: (operation.limit ?? rig.limit).source,
		judged: operation.judged ?? true,
		itemsOut,
		error,
	};
}

function succeeded(request: LoggedRequest): boolean {
	return request.status > 0 && !REFUSALS.has(request.status);
}
