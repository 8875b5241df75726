import { startBitrix24 } from '../test/bitrix24/bitrix24-fixture';
import { startWebhookTrigger } from '../test/harness/webhook-trigger';
import type { Goal } from './report';

const EVENTS = 10_000;
/** Online deliveries are announced this many at a time, as a busy portal's queue sends them. */
const ONLINE_WAVE = 250;

interface Drain {
	path: string;
	executions: number;
	items: number;
	requests: number;
	ms: number;
}

type Fixture = Awaited<ReturnType<typeof startBitrix24>>;

/** 10,000 deal changes drained from the offline queue: one execution per poll. */
async function offlineDrain(b24: Fixture): Promise<Drain> {
	b24.simulator.reset();
	b24.connectOAuth2();
	const poller = b24.harness.createPoller({
		type: 'bitrix24OfflineEventTrigger',
		parameters: { events: ['ONCRMDEALUPDATE'] },
		credentials: { bitrix24OAuth2Api: b24.oauthId },
	});
	await poller.poll();
	for (let id = 1; id <= EVENTS; id++) {
		b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: String(id) });
	}
	const before = b24.restCalls().length;
	const started = Date.now();
	let executions = 0;
	let items = 0;
	for (;;) {
		const poll = await poller.poll();
		if (poll.error) throw poll.error;
		if (poll.items.length === 0) break;
		executions += poll.emits;
		items += poll.items.length;
	}
	return {
		path: 'Offline Event Trigger (Max Events per Execution 500)',
		executions,
		items,
		requests: b24.restCalls().length - before,
		ms: Date.now() - started,
	};
}

/** The same 10,000 changes as online calls: one execution per event. */
async function onlineDeliveries(b24: Fixture): Promise<Drain> {
	b24.simulator.reset();
	b24.connectOAuth2();
	const trigger = await startWebhookTrigger(b24.harness, {
		type: 'bitrix24EventTrigger',
		parameters: { authentication: 'oAuth2', events: ['ONCRMDEALUPDATE'] },
		credentials: { bitrix24OAuth2Api: b24.oauthId },
	});
	try {
		await trigger.activate();
		const started = Date.now();
		for (let first = 1; first <= EVENTS; first += ONLINE_WAVE) {
			for (let id = first; id < first + ONLINE_WAVE && id <= EVENTS; id++) {
				b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: String(id) });
			}
			await b24.simulator.events.settled();
		}
		await trigger.waitForExecutions(EVENTS, 120_000);
		return {
			path: 'Event Trigger (online calls)',
			executions: trigger.executions.length,
			items: trigger.executions.reduce((sum, execution) => sum + execution.length, 0),
			requests: b24.simulator.events.deliveries.length,
			ms: Date.now() - started,
		};
	} finally {
		await trigger.close();
	}
}

interface BodyCost {
	body: string;
	bytes: number;
	status: number;
	ms: number;
}

/**
 * An unauthenticated 14 MB body of 1,000 deep keys against a flat body of the same size, posted
 * to the trigger's handler URL: the round trip, which includes the form parse n8n itself does.
 */
async function bodyCosts(b24: Fixture): Promise<BodyCost[]> {
	b24.simulator.reset();
	b24.connectOAuth2();
	const trigger = await startWebhookTrigger(b24.harness, {
		type: 'bitrix24EventTrigger',
		parameters: { authentication: 'oAuth2', events: ['ONCRMDEALADD'] },
		credentials: { bitrix24OAuth2Api: b24.oauthId },
	});
	try {
		await trigger.activate();
		const url = b24.simulator.events.appHandlers()[0].handler;
		const deep = Array.from({ length: 1_000 }, (_, index) => `f${index}${'[k]'.repeat(4_700)}=1`);
		const size = deep.join('&').length;
		const flat = Array.from(
			{ length: 1_000 },
			(_, index) => `f${index}=${'v'.repeat(Math.floor(size / 1_000) - `f${index}=`.length - 1)}`,
		);
		const costs: BodyCost[] = [];
		for (const [name, fields] of [
			['deep keys, no token', deep],
			['flat fields, no token', flat],
		] as const) {
			const body = fields.join('&');
			// The second of two posts: the first also warms the parser up.
			let ms = 0;
			let status = 0;
			for (let attempt = 0; attempt < 2; attempt++) {
				const started = performance.now();
				const reply = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body,
				});
				await reply.arrayBuffer();
				[ms, status] = [performance.now() - started, reply.status];
			}
			costs.push({ body: name, bytes: body.length, status, ms });
		}
		return costs;
	} finally {
		await trigger.close();
	}
}

export async function bitrix24EventsPart(section: (title: string) => void): Promise<Goal[]> {
	section(
		`Bitrix24 events: ${EVENTS.toLocaleString('en')} deal changes, offline queue against online calls`,
	);
	process.stderr.write('… bitrix24 events\n');
	const b24 = await startBitrix24();
	let drains: Drain[];
	let costs: BodyCost[];
	try {
		drains = [await offlineDrain(b24), await onlineDeliveries(b24)];
		costs = await bodyCosts(b24);
	} finally {
		await b24.stop();
	}
	process.stdout.write(
		[
			'| Path | Executions | Items | Requests | Time |',
			'| --- | ---: | ---: | ---: | ---: |',
			...drains.map(
				(row) =>
					`| ${row.path} | ${row.executions} | ${row.items} | ${row.requests} | ${row.ms} ms |`,
			),
			'',
			'| Unauthenticated body | Bytes | Answer | Round trip |',
			'| --- | ---: | ---: | ---: |',
			...costs.map(
				(row) => `| ${row.body} | ${row.bytes} | ${row.status} | ${row.ms.toFixed(0)} ms |`,
			),
		].join('\n') + '\n',
	);
	const [offline] = drains;
	const [deep, flat] = costs;
	return [
		{
			goal: `Bitrix24 offline: ${EVENTS} events in at most ${EVENTS / 500} executions, none lost`,
			measured: `${offline.items} items, ${offline.executions} executions, ${offline.requests} requests, ${offline.ms} ms`,
			met: offline.items === EVENTS && offline.executions <= EVENTS / 500,
		},
		{
			goal: 'Bitrix24 online: a 14 MB deep-key body without token costs no more than twice a flat one',
			measured: `${deep.ms.toFixed(0)} ms against ${flat.ms.toFixed(0)} ms (${deep.status}, ${flat.status})`,
			met: deep.status === 401 && deep.ms <= 2 * flat.ms + 50,
		},
	];
}
