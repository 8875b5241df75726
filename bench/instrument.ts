import type { SimulatorServer } from '../sandbox/framework';

export const INJECTED_LATENCY_MS = 20;

/** In-flight requests a simulator answered, counted in the bench (the request log has no end times). */
export interface Instrumented {
	readonly maxInFlight: number;
	/** Clears the simulator's state, log and faults, re-injects the latency and zeroes the count. */
	reset(): void;
}

/**
 * Adds 20 ms to every vendor request (a framework latency fault hitting all of them) and counts
 * concurrent requests by wrapping the server's one vendor-reply step.
 */
export function instrument(
	simulator: SimulatorServer,
	latencyMs = INJECTED_LATENCY_MS,
): Instrumented {
	const server = simulator as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
	const answer = server.vendorResponse.bind(simulator);
	let inFlight = 0;
	let maxInFlight = 0;
	server.vendorResponse = async (...args: unknown[]) => {
		maxInFlight = Math.max(maxInFlight, ++inFlight);
		try {
			return await answer(...args);
		} finally {
			inFlight--;
		}
	};
	const reset = () => {
		simulator.reset();
		if (latencyMs > 0) simulator.injectFault({ latencyMs, ratio: 1 });
		maxInFlight = 0;
	};
	reset();
	return {
		get maxInFlight() {
			return maxInFlight;
		},
		reset,
	};
}
