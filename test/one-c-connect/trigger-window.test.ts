import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OneCConnectTrigger } from '../../nodes/OneCConnect/OneCConnectTrigger.node';
import { pollWindow } from '../../nodes/OneCConnect/trigger/poll-window';
import { WATCH_BY_VALUE } from '../../nodes/OneCConnect/trigger/watches';
import { useOneC } from './one-c-fixture';

const MINUTE = 60_000;

/** A UTC wall-clock time `minutes` ago, as 1C writes it. */
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString().slice(0, 19);

/**
 * The trigger's static data as if every time it holds were `minutes` earlier: the previous poll
 * (and all it remembers) moves into the past, which is the same as the clock moving on.
 */
function shifted(staticData: IDataObject, minutes: number): IDataObject {
	const copy = structuredClone(staticData);
	for (const key of Object.keys(copy).filter((name) => name.startsWith('node:'))) {
		const state = copy[key] as {
			watermark?: number;
			lastCallAt?: number;
			seen?: Record<string, number>;
		};
		if (state.watermark) state.watermark -= minutes * MINUTE;
		if (state.lastCallAt) state.lastCallAt -= minutes * MINUTE;
		for (const fingerprint of Object.keys(state.seen ?? {})) {
			state.seen![fingerprint] -= minutes * MINUTE;
		}
	}
	return copy;
}

function sentPeriodFrom(body: string): number {
	const sent = /name="PeriodFrom"><v8:Value xsi:type="xs:dateTime">([^<]+)</.exec(body)?.[1];
	assert.ok(sent, 'PeriodFrom is sent');
	return Date.parse(`${sent}Z`);
}

describe('1C-Connect Trigger: Service Call Finished does not miss long calls', () => {
	const oneC = useOneC({ empty: true });

	/** Polls every 7 minutes (the 10-an-hour limit allows one per 6), from a fresh baseline. */
	function pollsEverySevenMinutes(parameters: INodeParameters = {}) {
		const trigger = oneC.trigger({ event: 'serviceCall', ...parameters });
		let stored: IDataObject = {};
		return async () => {
			const poller = oneC.harness.createPoller(trigger, shifted(stored, 7));
			const result = await poller.poll();
			assert.equal(result.error, undefined);
			stored = poller.staticData;
			return result.items.map((item) => item.json.ServiceCallID);
		};
	}

	test('a 20-minute call is emitted once when it finishes, although it started three polls earlier', async () => {
		const poll = pollsEverySevenMinutes();
		assert.deepEqual(await poll(), [], 'the baseline');
		assert.deepEqual(await poll(), []);
		assert.deepEqual(await poll(), []);

		// 1C lists the call once it has finished: it started 20 minutes ago, before the last 3 polls.
		oneC.simulator.addListRows('GetHistoryOfServiceCalls', [
			{ ServiceCallID: 'long-call', Start: ago(20), End: ago(0.5) },
		]);
		assert.deepEqual(await poll(), ['long-call']);
		assert.deepEqual(await poll(), [], 'not again while it stays in the window');
		assert.deepEqual(await poll(), []);
		assert.deepEqual(oneC.operations().length, 6);
	});

	test('each poll asks for calls that started Longest Call plus the overlap before the previous poll', async () => {
		const poll = pollsEverySevenMinutes({ longestCallMinutes: 45 });
		await poll();
		const before = Date.now();
		await poll();

		const periodFrom = sentPeriodFrom(oneC.simulator.requests[1].body);
		const expected = before - 7 * MINUTE - 5 * MINUTE - 45 * MINUTE;
		assert.ok(
			Math.abs(periodFrom - expected) < 5_000,
			`PeriodFrom ${new Date(periodFrom).toISOString()}`,
		);
	});

	test('a call longer than Longest Call is not emitted: the option says so', async () => {
		const poll = pollsEverySevenMinutes({ longestCallMinutes: 10 });
		await poll();
		oneC.simulator.addListRows('GetHistoryOfServiceCalls', [
			{ ServiceCallID: 'too-long', Start: ago(30), End: ago(0.5) },
			{ ServiceCallID: 'short', Start: ago(8), End: ago(0.5) },
		]);
		assert.deepEqual(await poll(), ['short']);

		const option = new OneCConnectTrigger().description.properties.find(
			(each) => each.name === 'longestCallMinutes',
		);
		assert.equal(option?.default, 120);
		assert.deepEqual(option?.displayOptions, { show: { event: ['serviceCall'] } });
		assert.match(String(option?.description), /selects calls by when they started/);
		assert.match(String(option?.description), /A call longer than this is not emitted/);
	});

	test('watches that select by change (clients, users, requests) reach back only the overlap', () => {
		const now = Date.UTC(2024, 2, 1, 12);
		const settings = { overlapMs: 5 * MINUTE, longestCallMs: 120 * MINUTE };
		for (const value of ['client', 'clientUser', 'serviceRequest']) {
			const window = pollWindow(WATCH_BY_VALUE.get(value)!, now - 10 * MINUTE, now, settings);
			assert.equal(window.since, now - 15 * MINUTE, value);
		}
		const calls = pollWindow(WATCH_BY_VALUE.get('serviceCall')!, now - 10 * MINUTE, now, settings);
		assert.equal(calls.since, now - 135 * MINUTE);
		const capped = pollWindow(
			WATCH_BY_VALUE.get('serviceCall')!,
			now - 30 * 24 * 60 * MINUTE,
			now,
			settings,
		);
		assert.equal(capped.since, now - 7 * 24 * 60 * MINUTE + MINUTE, "the vendor's 7-day window");
	});
});

describe('1C-Connect Trigger: API Time Zone', () => {
	const oneC = useOneC();

	test('left unset, the zone is UTC (never ahead of a 1C-Connect cabinet), not the workflow zone', async () => {
		const poller = oneC.harness.createPoller({
			...oneC.trigger({ event: 'client' }),
			parameters: { event: 'client' },
		});
		const started = Date.now();
		await poller.poll();

		const sent = /name="ChangedFrom"><v8:Value xsi:type="xs:dateTime">([^<]+)</.exec(
			oneC.simulator.requests[0].body,
		)?.[1];
		assert.ok(Math.abs(Date.parse(`${sent}Z`) - (started - 5 * MINUTE)) < 5_000, sent);
		const field = (
			new OneCConnectTrigger().description.properties.find((each) => each.name === 'options')
				?.options as Array<{ name: string; default: unknown; description: string }>
		).find((each) => each.name === 'timeZone');
		assert.equal(field?.default, 'UTC');
		assert.match(
			String(field?.description),
			/ahead of the cabinet's would put the period in the future/,
		);
	});

	test('a zone behind the cabinet only re-reads: a change is still emitted exactly once', async () => {
		// The cabinet writes Moscow time; the trigger sends UTC (3 hours behind).
		const trigger = oneC.trigger({ event: 'client', options: { timeZone: 'UTC' } });
		let stored: IDataObject = {};
		const poll = async () => {
			const poller = oneC.harness.createPoller(trigger, shifted(stored, 7));
			const result = await poller.poll();
			stored = poller.staticData;
			return result.items.map((item) => item.json.Name);
		};
		await poll();
		oneC.simulator.addObject('Client', { Name: 'Новый' });
		assert.deepEqual(await poll(), ['Новый']);
		for (let each = 0; each < 4; each++) assert.deepEqual(await poll(), []);
	});

	test('a zone that is not one is a clear error naming the field', async () => {
		const poller = oneC.harness.createPoller(
			oneC.trigger({ event: 'client', options: { timeZone: 'Moscow' } }),
		);
		const result = await poller.poll();
		assert.match(String(result.error?.message), /"Moscow" is not a time zone/);
		assert.match(String((result.error as { description?: string }).description), /API Time Zone/);
	});
});

describe('1C-Connect Trigger: a restart when n8n saved static data only on emitting polls', () => {
	const oneC = useOneC({ empty: true });

	/**
	 * n8n keeps a poll's static data in memory and saves it only when the poll emits, and once at
	 * activation (the activation poll runs before ActiveWorkflowManager saves the workflow's static
	 * data). `restart()` goes back to the saved copy.
	 */
	function n8nLikePolling(parameters: INodeParameters) {
		const trigger = oneC.trigger(parameters);
		let inMemory: IDataObject = {};
		let saved: IDataObject | undefined;
		return {
			async poll() {
				const poller = oneC.harness.createPoller(trigger, shifted(inMemory, 7));
				const result = await poller.poll();
				assert.equal(result.error, undefined);
				inMemory = poller.staticData;
				if (saved === undefined || result.items.length > 0) saved = inMemory;
				return result.items.map((item) => item.json.ServiceCallID ?? item.json.Name);
			},
			restart() {
				inMemory = saved ?? {};
			},
		};
	}

	test('calls seen by polls that emitted nothing are neither lost nor repeated after a restart', async () => {
		const n8n = n8nLikePolling({ event: 'serviceCall' });
		await n8n.poll();
		oneC.simulator.addListRows('GetHistoryOfServiceCalls', [
			{ ServiceCallID: 'first', Start: ago(9), End: ago(1) },
		]);
		assert.deepEqual(await n8n.poll(), ['first']);
		assert.deepEqual(await n8n.poll(), []);
		assert.deepEqual(await n8n.poll(), []);

		n8n.restart();
		oneC.simulator.addListRows('GetHistoryOfServiceCalls', [
			{ ServiceCallID: 'after-restart', Start: ago(25), End: ago(1) },
		]);
		assert.deepEqual(await n8n.poll(), ['after-restart'], '"first" is remembered as emitted');
		assert.deepEqual(await n8n.poll(), []);
	});

	test('a client change made between the activation poll and a restart is emitted after it', async () => {
		const n8n = n8nLikePolling({ event: 'client' });
		await n8n.poll();
		await n8n.poll();
		n8n.restart();
		oneC.simulator.addObject('Client', { Name: 'Пока n8n перезапускался' });
		assert.deepEqual(await n8n.poll(), ['Пока n8n перезапускался']);
		assert.deepEqual(await n8n.poll(), []);
	});
});
