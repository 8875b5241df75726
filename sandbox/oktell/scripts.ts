export interface ServiceScript {
	name: string;
	/** "Возвращаемое значение 1"; `{startparam1}` … `{startparam5}` are replaced by the start values. */
	returnValue: string;
	/** How long the script runs. */
	durationMs?: number;
	/** How execsvcscript writes the return value: as `property_simple name=` or as CDATA. */
	style?: 'simple' | 'cdata';
	/** "Возвращаемое значение 2" (HTTP status, or "file") and 3 (headers) for execsvcscriptplain. */
	plainStatus?: number | 'file';
	plainHeaders?: Record<string, string>;
}

export const DEMO_SCRIPTS: ServiceScript[] = [
	{ name: 'SvcScript1', returnValue: 'abcdef' },
	{
		name: 'Echo',
		returnValue: '{startparam1}|{startparam2}|{startparam3}|{startparam4}|{startparam5}',
	},
	{ name: 'Markup', returnValue: '<b>Привет</b> & "мир"', style: 'cdata' },
	{ name: 'Slow', returnValue: 'late', durationMs: 3_000 },
	{
		name: 'JsonReport',
		returnValue: '{"calls": 12, "missed": 1, "operator": "Иван"}',
		plainHeaders: { 'Content-Type': 'application/json; charset=utf-8' },
	},
	{ name: 'RecordFile', returnValue: 'rec-2024-001.wav', plainStatus: 'file' },
	{ name: 'Размещение', returnValue: 'placed: {startparam5}' },
];

export class ScriptRegistry {
	private scripts = new Map<string, ServiceScript>();

	constructor(private readonly defaults: ServiceScript[]) {
		this.reset();
	}

	reset(): void {
		this.scripts = new Map(this.defaults.map((script) => [script.name.toLowerCase(), script]));
	}

	register(script: ServiceScript): void {
		this.scripts.set(script.name.toLowerCase(), script);
	}

	find(name: string): ServiceScript | undefined {
		return this.scripts.get(name.toLowerCase());
	}
}

export interface ScriptRun {
	script?: ServiceScript;
	started: boolean;
	/** Undefined when the run was asynchronous or outlived the timeout. */
	returnValue?: string;
}

/** Runs a script as execsvcscript does: async returns at once, sync waits up to `timeout` s. */
export async function runScript(
	registry: ScriptRegistry,
	query: URLSearchParams,
	extraParameter5?: string,
): Promise<ScriptRun> {
	const script = registry.find(query.get('name') ?? '');
	if (!script) return { started: false };
	if (query.get('async') === '1') return { script, started: true };
	const timeoutMs = Number(query.get('timeout') ?? '30') * 1000;
	const duration = script.durationMs ?? 0;
	await new Promise((resolve) => setTimeout(resolve, Math.min(duration, timeoutMs)).unref());
	if (duration > timeoutMs) return { script, started: true };
	const value = script.returnValue.replace(/\{startparam([1-5])\}/g, (_, index: string) =>
		index === '5' && extraParameter5 !== undefined
			? extraParameter5
			: (query.get(`startparam${index}`) ?? ''),
	);
	return { script, started: true, returnValue: value };
}
