import type { DecoderResult } from './decoder';
import type { NodeVsFloor } from './node-vs-floor';
import type { PackLoad } from './pack-load';
import type { TriggerSize } from './triggers';

export interface Goal {
	goal: string;
	measured: string;
	met: boolean | 'n/a';
}

const ms = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(0)} ms`);
const mb = (bytes: number | undefined) =>
	bytes === undefined ? '-' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (met: Goal['met']) => (met === 'n/a' ? 'n/a' : met ? 'met' : 'MISSED');

export function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((header, column) =>
		Math.max(header.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	return [
		line(headers),
		`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
		...rows.map(line),
	].join('\n');
}

export function operationGoals(results: NodeVsFloor[]): Goal[] {
	return results.flatMap((result) => {
		const goals: Goal[] = [
			{
				goal: `${result.name}: requests at the minimum (${result.minimum})`,
				measured: String(result.requests),
				met: result.requests <= result.minimum,
			},
		];
		if (result.judged) {
			goals.push({
				goal: `${result.name}: ≤ ${result.goalRatio}× floor at ${result.items} items`,
				measured: `${result.ratio.toFixed(2)}×${result.error ? ' (the node failed)' : ''}`,
				met: result.error === undefined && result.ratio <= result.goalRatio,
			});
		}
		if (result.kind === 'per-item') {
			goals.push({
				goal: `${result.name}: ≤ ${result.limitInFlight} in flight, no 429/503 (${result.limitSource})`,
				measured: `${result.maxInFlight} in flight, ${result.refused} refused`,
				met: result.maxInFlight <= result.limitInFlight && result.refused === 0,
			});
		}
		return goals;
	});
}

export function operationTable(results: NodeVsFloor[]): string {
	return table(
		[
			'operation',
			'items',
			'requests/min',
			'in flight',
			'node',
			'no-op',
			'raw HTTP',
			'floor',
			'ratio',
			'goal',
			'n8n helper',
		],
		results.map((result) => [
			result.name + (result.error ? ` (error: ${result.error.slice(0, 40)})` : ''),
			String(result.items),
			`${result.requests}/${result.minimum}`,
			`${result.maxInFlight} (≤${result.limitInFlight})`,
			ms(result.nodeMs),
			ms(result.noopMs),
			`${ms(result.rawMs)} @${Number.isFinite(result.floorConcurrency) ? result.floorConcurrency : 'all'}`,
			ms(result.floorMs),
			`${result.ratio.toFixed(2)}×`,
			result.judged
				? `≤${result.goalRatio}× ${verdict(result.error === undefined && result.ratio <= result.goalRatio)}`
				: 'default, not judged',
			result.helperMs === undefined
				? ''
				: `${ms(result.helperMs)} (node ${(result.nodeMs / result.helperMs).toFixed(2)}×)`,
		]),
	);
}

export function decoderTable(results: DecoderResult[]): string {
	return table(
		['rows × 10 cols', 'reply', 'decoder', 'time', 'CPU time', 'peak RSS', 'peak added'],
		results.map((result) => [
			String(result.rows),
			mb(result.replyBytes),
			result.decoder === 'ours' ? '1C-Connect decoder' : 'soap package',
			result.refused ? `refused: ${result.refused}` : ms(result.ms),
			ms(result.cpuMs),
			mb(result.peakRssBytes),
			mb(result.peakAddedBytes),
		]),
	);
}

export function packLoadGoal(load: PackLoad): Goal {
	return {
		goal: 'Pack load ≤ 50 ms median (n8n-workflow preloaded)',
		measured: load.medianMs === undefined ? (load.note ?? 'n/a') : ms(load.medianMs),
		met: load.medianMs === undefined ? 'n/a' : load.medianMs <= 50,
	};
}

export function packLoadText(load: PackLoad): string {
	if (load.medianMs === undefined) return `Pack load: ${load.note}`;
	const packages = load.eagerPackages
		.map((entry) => `${entry.name} (${entry.files} files, ${(entry.bytes / 1024).toFixed(0)} KB)`)
		.join(', ');
	const own = load.largestOwnFiles
		.map((entry) => `${entry.file} (${(entry.bytes / 1024).toFixed(0)} KB)`)
		.join(', ');
	return [
		`Pack load: median ${ms(load.medianMs)} of ${load.samples} fresh processes (min ${ms(load.minMs)}, max ${ms(load.maxMs)}); ${load.note}`,
		`  loaded eagerly from node_modules: ${packages || 'nothing'}`,
		`  own files loaded: ${load.ownFiles}; largest: ${own}`,
	].join('\n');
}

export function triggerTable(results: TriggerSize[]): string {
	return table(
		[
			'trigger',
			'size',
			'baseline poll',
			'unchanged poll',
			'changed poll',
			'static data',
			'per entry',
			'write when unchanged',
		],
		results.map((result) => [
			result.trigger + (result.error ? ` (error: ${result.error.slice(0, 50)})` : ''),
			`${result.size} ${result.unit}`,
			ms(result.baselineMs),
			ms(result.unchangedMs),
			`${ms(result.changedMs)} (${result.emittedOnChange} out)`,
			`${(result.staticBytes / 1024).toFixed(1)} KB`,
			`${result.bytesPerEntry.toFixed(0)} B`,
			result.writtenWhenUnchanged ? 'yes' : 'no',
		]),
	);
}

export function triggerGoals(results: TriggerSize[]): Goal[] {
	return results
		.filter((result) => result.trigger === 'Oktell Trigger')
		.flatMap((result) => [
			{
				goal: `Oktell Trigger, ${result.size} callers: ≤ 64 B static data per caller`,
				measured: result.error
					? `error: ${result.error.slice(0, 60)}`
					: `${result.bytesPerEntry.toFixed(0)} B`,
				met: result.error === undefined && result.bytesPerEntry <= 64,
			},
			{
				goal: `Oktell Trigger, ${result.size} callers: no write when nothing changed`,
				measured: result.error
					? 'error (see above)'
					: result.writtenWhenUnchanged
						? 'written'
						: 'not written',
				met: result.error === undefined && !result.writtenWhenUnchanged,
			},
		]);
}

export function goalTable(goals: Goal[]): string {
	return table(
		['goal', 'measured', 'verdict'],
		goals.map((goal) => [goal.goal, goal.measured, verdict(goal.met)]),
	);
}
