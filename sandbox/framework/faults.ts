import type { SimResponse } from './types';
import { JSON_CONTENT_TYPE } from './write-response';

export interface FaultMatch {
	method?: string;
	/** An exact path, or a prefix when it ends with '*' ('/presence/*'). */
	path?: string;
}

export interface Fault {
	status?: number;
	retryAfter?: string;
	body?: string | object;
	latencyMs?: number;
	/** Destroy the socket without a reply. */
	reset?: boolean;
	/** Reply 200 (or `status`) with this raw text under the JSON content type. */
	malformedBody?: string;
	/** How many matching requests the fault hits; default 1. With `ratio` it caps the hits. */
	times?: number;
	/**
	 * Share of matching requests hit, from 0 to 1. Deterministic, not random: of the first n
	 * matching requests exactly floor(n * ratio) are hit, spread evenly (0.5 hits the 2nd, 4th...).
	 * Without `times` a ratio fault stays until the faults are cleared.
	 */
	ratio?: number;
	match?: FaultMatch;
}

interface ActiveFault {
	fault: Fault;
	matched: number;
	hits: number;
}

export class FaultInjector {
	private active: ActiveFault[] = [];

	/** The faults still waiting, `times` counting the hits left. */
	get pending(): readonly Fault[] {
		return this.active.map(({ fault, hits }) =>
			isEndless(fault) ? fault : { ...fault, times: (fault.times ?? 1) - hits },
		);
	}

	inject(fault: Fault): void {
		this.active.push({ fault, matched: 0, hits: 0 });
	}

	clear(): void {
		this.active = [];
	}

	/** The first pending fault that hits this request, counted as used. */
	take(method: string, path: string): Fault | undefined {
		for (const entry of this.active) {
			if (!matches(entry.fault.match, method, path)) continue;
			entry.matched++;
			if (!hitsThisRequest(entry)) continue;
			entry.hits++;
			this.active = this.active.filter((candidate) => !isSpent(candidate));
			return entry.fault;
		}
		return undefined;
	}
}

/** The reply a fault stands for, or undefined when it only adds latency. */
export function faultResponse(fault: Fault): SimResponse | undefined {
	if (fault.malformedBody !== undefined) {
		return {
			status: fault.status ?? 200,
			headers: { 'content-type': JSON_CONTENT_TYPE },
			body: fault.malformedBody,
		};
	}
	if (fault.status === undefined) return undefined;

	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
	const body = fault.body ?? { error: 'injected_fault', reason: `Injected HTTP ${fault.status}` };
	return { status: fault.status, headers, body };
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
	if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
	if (match?.path === undefined) return true;
	if (match.path.endsWith('*')) return path.startsWith(match.path.slice(0, -1));
	return path === match.path;
}

function hitsThisRequest({ fault, matched }: ActiveFault): boolean {
	const { ratio } = fault;
	if (ratio === undefined) return true;
	// The epsilon keeps products like 0.29 * 100 = 28.999... from losing a hit.
	const due = (count: number) => Math.floor(count * ratio + 1e-9);
	return due(matched) > due(matched - 1);
}

function isSpent({ fault, hits }: ActiveFault): boolean {
	return !isEndless(fault) && hits >= (fault.times ?? 1);
}

function isEndless(fault: Fault): boolean {
	return fault.ratio !== undefined && fault.times === undefined;
}
