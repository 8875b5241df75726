/** After failures: 100 ms, 15 s, 45 s, then 2 minutes, each ±25 % so clients do not stampede. */
const STEPS_MS = [100, 15_000, 45_000, 120_000];

export function reconnectDelayMs(failures: number, random = Math.random): number {
	const base = STEPS_MS[Math.min(Math.max(failures, 1), STEPS_MS.length) - 1];
	return Math.round(base * (0.75 + random() * 0.5));
}
