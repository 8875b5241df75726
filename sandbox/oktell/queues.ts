import { randomUUID } from 'node:crypto';

import { QUEUE_EXAMPLE } from './fixtures';
import { stamp } from './pbx';

type Json = Record<string, unknown>;

export interface SimQueue {
	numid: string;
	numprefix: string;
	ruleid: string;
	rulename: string;
	calls: Array<{ call: Json; enteredAt: number }>;
}

/** Queues with waiting callers; `lenqueue` grows with the simulator's clock. */
export class QueueBoard {
	queues: SimQueue[] = [];

	constructor(private readonly now: () => number) {
		this.reset();
	}

	reset(): void {
		const { queue, ...rest } = QUEUE_EXAMPLE;
		this.queues = [
			{
				...rest,
				calls: queue.map((call) => ({ call, enteredAt: this.now() - call.lenqueue * 1000 })),
			},
		];
	}

	/** Adds a caller; unspecified fields get the example's values and fresh ids. */
	addCall(numprefix: string, fields: Json & { waitedSeconds?: number }): Json {
		const queue = this.queueFor(numprefix);
		const { waitedSeconds, ...given } = fields;
		const enteredAt = this.now() - (typeof waitedSeconds === 'number' ? waitedSeconds : 0) * 1000;
		const call: Json = {
			...QUEUE_EXAMPLE.queue[0],
			chainid: randomUUID(),
			objectid: randomUUID(),
			calledid: numprefix,
			startqueuetime: stamp(new Date(enteredAt)),
			...given,
		};
		delete call.lenqueue;
		queue.calls.push({ call, enteredAt });
		return this.render(call, enteredAt);
	}

	removeCall(chainId: string): boolean {
		for (const queue of this.queues) {
			const before = queue.calls.length;
			queue.calls = queue.calls.filter((entry) => entry.call.chainid !== chainId);
			if (queue.calls.length !== before) return true;
		}
		return false;
	}

	/** Replaces every queue; `calls` entries may carry `lenqueue` (seconds waited so far). */
	replace(queues: Array<Json & { queue?: Json[] }>): void {
		this.queues = queues.map((queue) => ({
			numid: String(queue.numid ?? randomUUID()),
			numprefix: String(queue.numprefix ?? ''),
			ruleid: String(queue.ruleid ?? randomUUID()),
			rulename: String(queue.rulename ?? ''),
			calls: (queue.queue ?? []).map((call) => ({
				call,
				enteredAt: this.now() - Number(call.lenqueue ?? 0) * 1000,
			})),
		}));
	}

	/** What gettotalqueueinfo answers. */
	snapshot(): Json[] {
		return this.queues.map((queue) => ({
			numid: queue.numid,
			numprefix: queue.numprefix,
			ruleid: queue.ruleid,
			rulename: queue.rulename,
			queue: queue.calls.map(({ call, enteredAt }) => this.render(call, enteredAt)),
		}));
	}

	private render(call: Json, enteredAt: number): Json {
		return { ...call, lenqueue: Math.max(0, (this.now() - enteredAt) / 1000) };
	}

	private queueFor(numprefix: string): SimQueue {
		let queue = this.queues.find((candidate) => candidate.numprefix === numprefix);
		if (!queue) {
			queue = { numid: randomUUID(), numprefix, ruleid: randomUUID(), rulename: '', calls: [] };
			this.queues.push(queue);
		}
		return queue;
	}
}
