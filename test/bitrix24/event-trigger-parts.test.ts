import assert from 'node:assert/strict';
import { parse as parseForm } from 'node:querystring';
import { describe, test } from 'node:test';

import { sameSecret } from '../../nodes/Bitrix24/event-trigger/application-token';
import { eventBodyOf, flatField, overLimits } from '../../nodes/Bitrix24/event-trigger/form-body';
import {
	EVENT_OPTIONS,
	recordIdOf,
	recordKindOf,
} from '../../nodes/Bitrix24/event-trigger/event-names';
import { deliveryKey, RepeatFilter } from '../../nodes/Bitrix24/event-trigger/repeat-filter';
import { phpForm } from '../../sandbox/bitrix24/events/php-form';

describe('Bitrix24 Event Trigger parts', () => {
	test('the PHP-style form body, as n8n reads it flat, becomes nested JSON', () => {
		const body =
			'event=ONTASKUPDATE&event_handler_id=7&data%5BFIELDS_BEFORE%5D%5BID%5D=12' +
			'&data%5BFIELDS_AFTER%5D%5BID%5D=12&data%5BIDS%5D%5B%5D=1&data%5BIDS%5D%5B%5D=2' +
			'&ts=1700000000&auth%5Bdomain%5D=portal.bitrix24.ru&auth%5Bmember_id%5D=m1' +
			'&auth%5Bapplication_token%5D=PLACEHOLDER&__proto__%5Bpolluted%5D=1&a%5B__proto__%5D%5Bx%5D=1';

		assert.deepEqual(eventBodyOf(parseForm(body)), {
			event: 'ONTASKUPDATE',
			event_handler_id: '7',
			data: { FIELDS_BEFORE: { ID: '12' }, FIELDS_AFTER: { ID: '12' }, IDS: { 0: '1', 1: '2' } },
			ts: '1700000000',
			auth: { domain: 'portal.bitrix24.ru', member_id: 'm1', application_token: 'PLACEHOLDER' },
		});
		assert.equal(({} as { polluted?: string }).polluted, undefined);
	});

	test('the simulator writes the form the way the trigger reads it back', () => {
		const sent = { event: 'ONCRMDEALADD', data: { FIELDS: { ID: '5' } }, auth: { domain: 'x' } };
		assert.deepEqual(eventBodyOf(parseForm(phpForm(sent))), sent);
	});

	test('the token is read from the flat body, or from a JSON body, without building anything', () => {
		const flat = parseForm('event=ONCRMDEALADD&auth%5Bapplication_token%5D=PLACEHOLDER');
		assert.equal(flatField(flat, ['auth', 'application_token']), 'PLACEHOLDER');
		assert.equal(
			flatField({ auth: { application_token: 'J' } }, ['auth', 'application_token']),
			'J',
		);
		assert.equal(flatField({ auth: 'x' }, ['auth', 'application_token']), undefined);
	});

	test('64 levels of nesting and 1,000 fields pass; one more of either does not', () => {
		const nested = (depth: number) => ({ [`a${'[b]'.repeat(depth)}`]: '1' });
		assert.equal(overLimits(nested(64)), undefined);
		assert.match(String(overLimits(nested(65))), /deeper than 64/);
		const fields = (count: number) =>
			Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}`, '1']));
		assert.equal(overLimits(fields(1_000)), undefined);
		assert.match(String(overLimits(fields(1_001))), /more than 1000 fields/);
		assert.match(String(overLimits({ a: Array.from({ length: 1_001 }, () => '1') })), /fields/);
	});

	test('malformed field names are left out, never half-read', () => {
		assert.deepEqual(eventBodyOf({ 'a]b': '1', '[x]': '2', 'c[d': '3', 'e[f]g': '4', ok: '5' }), {
			ok: '5',
		});
	});

	test('one delivery is one key: another ts, handler, record or workflow is another delivery', () => {
		const delivery = {
			trigger: 'w1|n1',
			portal: 'm',
			event: 'ONCRMDEALUPDATE',
			handlerId: '7',
			ts: '100',
			subject: '|1',
		};
		const key = deliveryKey(delivery);
		assert.equal(deliveryKey({ ...delivery }), key);
		for (const change of [
			{ ts: '102' },
			{ handlerId: '8' },
			{ subject: '|2' },
			{ trigger: 'w2|n1' },
		]) {
			assert.notEqual(deliveryKey({ ...delivery, ...change }), key, JSON.stringify(change));
		}
	});

	test('a JSON body is kept as it is', () => {
		const sent = { event: 'ONCRMDEALADD', data: { FIELDS: { ID: '5' } } };
		assert.deepEqual(eventBodyOf(sent), sent);
	});

	test('each record event knows how to read its record; deletes and other events do not', () => {
		assert.equal(recordKindOf('ONCRMDEALUPDATE')?.method, 'crm.deal.get');
		assert.equal(recordKindOf('ONCRMACTIVITYADD')?.method, 'crm.activity.get');
		assert.deepEqual(
			recordKindOf('ONCRMDYNAMICITEMADD')?.params('4', {
				FIELDS: { ID: '4', ENTITY_TYPE_ID: '1032' },
			}),
			{ entityTypeId: '1032', id: '4' },
		);
		assert.deepEqual(recordKindOf('ONTASKADD')?.params('9', {}), { taskId: '9' });
		assert.equal(recordKindOf('ONCRMDEALDELETE'), undefined);
		assert.equal(recordKindOf('ONUSERADD'), undefined);
		assert.equal(recordIdOf({ FIELDS_AFTER: { ID: 12 } }), '12');
		assert.equal(recordIdOf({ FIELDS_BEFORE: { ID: '3' } }), '3');
	});

	test('the list offers add, update and delete of deals, leads, contacts, companies, smart process items and tasks, activity add and Other', () => {
		const values = EVENT_OPTIONS.map((option) => option.value);
		for (const record of ['DEAL', 'LEAD', 'CONTACT', 'COMPANY', 'DYNAMICITEM']) {
			for (const verb of ['ADD', 'UPDATE', 'DELETE'])
				assert.ok(values.includes(`ONCRM${record}${verb}`));
		}
		for (const verb of ['ADD', 'UPDATE', 'DELETE']) assert.ok(values.includes(`ONTASK${verb}`));
		assert.ok(values.includes('ONCRMACTIVITYADD'));
		assert.ok(values.includes('other'));
	});

	test('tokens compare equal only when they are', () => {
		assert.equal(sameSecret('PLACEHOLDER_A', 'PLACEHOLDER_A'), true);
		assert.equal(sameSecret('PLACEHOLDER_A', 'PLACEHOLDER_B'), false);
		assert.equal(sameSecret('', ''), false);
		assert.equal(sameSecret(undefined, 'PLACEHOLDER_A'), false);
	});

	test('repeats are dropped within the window, in this process without Redis', async () => {
		const filter = new RepeatFilter(() => undefined);
		assert.equal(await filter.firstTime('m|ONCRMDEALUPDATE||1', 60_000), true);
		assert.equal(await filter.firstTime('m|ONCRMDEALUPDATE||1', 60_000), false);
		assert.equal(await filter.firstTime('m|ONCRMDEALUPDATE||2', 60_000), true);
		assert.equal(await filter.firstTime('m|ONCRMDEALUPDATE||3', 0), true);
		assert.equal(await filter.firstTime('m|ONCRMDEALUPDATE||3', 0), true);
	});

	test('in queue mode the window lives in n8n\u2019s Redis (SET NX PX), shared by every process', async () => {
		const keys = new Map<string, string>();
		const redis = {
			set: async (key: string, value: string, px: string, ms: number, nx: string) => {
				assert.deepEqual([px, nx, ms], ['PX', 'NX', 10_000]);
				if (keys.has(key)) return null;
				keys.set(key, value);
				return 'OK';
			},
		};
		const store = {
			redis,
			prefix: 'bull:',
			rateLimiter: () => undefined,
			reachable: () => true,
		} as never;
		const [main, worker] = [new RepeatFilter(() => store), new RepeatFilter(() => store)];
		assert.equal(await main.firstTime('k', 10_000), true);
		assert.equal(await worker.firstTime('k', 10_000), false);
		assert.deepEqual([...keys.keys()], ['bull:b24event:k']);
	});
});
