/** The wall-clock time (no zone) of an instant in an IANA time zone: `YYYY-MM-DDThh:mm:ss`. */
export function wallClock(epochMs: number, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(new Date(epochMs));
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Minutes east of UTC of a time zone at an instant. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
	const wall = Date.parse(`${wallClock(epochMs, timeZone)}Z`);
	return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
}
