import { startAti } from '../test/ati/ati-fixture';
import { startOktell } from '../test/oktell/oktell-fixture';
import type { BenchPoll } from './trigger-poll';
import { benchPoller } from './trigger-poll';

export interface TriggerSize {
	trigger: string;
	size: number;
	unit: string;
	/** The first poll records the baseline; the second finds nothing changed; the third one change. */
	baselineMs: number;
	unchangedMs: number;
	changedMs: number;
	staticBytes: number;
	bytesPerEntry: number;
	writtenWhenUnchanged: boolean;
	emittedOnChange: number;
	error?: string;
}

function sizeOf(
	trigger: string,
	size: number,
	unit: string,
	[baseline, unchanged, changed]: BenchPoll[],
): TriggerSize {
	const error = [baseline, unchanged, changed].find((poll) => poll.error)?.error?.message;
	return {
		trigger,
		size,
		unit,
		baselineMs: baseline.ms,
		unchangedMs: unchanged.ms,
		changedMs: changed.ms,
		staticBytes: unchanged.staticBytes,
		bytesPerEntry: unchanged.staticBytes / size,
		writtenWhenUnchanged: unchanged.written,
		emittedOnChange: changed.items.length,
		error,
	};
}

/**
 * ATI Trigger over 100/1,000/5,000 watched contacts. The simulator's 10 requests/s is lifted
 * here so the poll shows the node's own cost: at ATI's rate a poll needs N/1,000 s more.
 */
export async function measureAtiTrigger(sizes = [100, 1000, 5000]): Promise<TriggerSize[]> {
	const ati = await startAti({ requestsPerSecond: 1_000_000 });
	const results: TriggerSize[] = [];
	try {
		for (const size of sizes) {
			ati.simulator.reset();
			const ids = Array.from({ length: size }, (_, index) => `${400000 + index}.0`);
			ati.simulator.setStates(Object.fromEntries(ids.map((id) => [id, 'online'])));
			const poll = benchPoller(ati.harness, ati.trigger({ contactIds: ids.join(', ') }));
			const polls = [await poll(), await poll()];
			ati.simulator.setStates({ [ids[0]]: 'offline' });
			polls.push(await poll());
			results.push(sizeOf('ATI Trigger', size, 'contacts', polls));
		}
	} finally {
		await ati.stop();
	}
	return results;
}

/** Oktell Trigger (Call Entered Queue) with 1,000/10,000/40,000 callers queued. */
export async function measureOktellTrigger(sizes = [1000, 10000, 40000]): Promise<TriggerSize[]> {
	const oktell = await startOktell();
	const results: TriggerSize[] = [];
	try {
		for (const size of sizes) {
			oktell.simulator.reset();
			const queues = oktell.simulator.world.queues;
			for (let index = 0; index < size; index++) {
				queues.addCall(String(14 + (index % 2)), {
					callerid: `+7495${String(index).padStart(7, '0')}`,
				});
			}
			const poll = benchPoller(oktell.harness, oktell.trigger({ event: 'callEntered' }));
			const polls = [await poll(), await poll()];
			queues.addCall('14', { callerid: '+74959999999' });
			polls.push(await poll());
			results.push(sizeOf('Oktell Trigger', size, 'callers', polls));
		}
	} finally {
		await oktell.stop();
	}
	return results;
}
