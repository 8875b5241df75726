import type { Watch } from './watches';

const MINUTE = 60_000;

export interface WindowSettings {
	/** How far before the previous poll each poll reaches, for clock skew and late writes. */
	overlapMs: number;
	/** For watches that select by start: the longest call the user expects. */
	longestCallMs: number;
}

export interface PollWindow {
	/** The instants sent as the "since" and "until" parameters. */
	since: number;
	until: number;
	/** The first poll: it records what exists and emits nothing. */
	baseline: boolean;
	/** How far back the next poll reaches from its previous one; rows seen older than that are forgotten. */
	lookbackMs: number;
}

/**
 * The period one poll asks for. A watch that selects by change reaches back the overlap; one that
 * selects by start (a call) also the longest call, so that a call which started before the
 * previous poll and has just finished is still inside the window.
 */
export function pollWindow(
	watch: Watch,
	watermark: number | undefined,
	now: number,
	settings: WindowSettings,
): PollWindow {
	const lookbackMs =
		settings.overlapMs + (watch.selectsBy === 'start' ? settings.longestCallMs : 0);
	let since = (watermark ?? now) - lookbackMs;
	if (watch.maxWindowMs) since = Math.max(since, now - watch.maxWindowMs + MINUTE);
	return { since, until: now, baseline: watermark === undefined, lookbackMs };
}
