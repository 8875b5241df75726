import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { carriesToken } from '../../nodes/OneCConnect/line-trigger/back-auth';
import {
	eventOf,
	isFromSpecialistOrBot,
	itemOf,
	readHookCall,
} from '../../nodes/OneCConnect/line-trigger/hook-events';
import { PUSH_DEFAULT_URL, pushBaseOf } from '../../nodes/OneCConnect/transport/push/push-endpoint';

const SHAPES = JSON.parse(
	readFileSync(
		join(__dirname, '../../sandbox/one-c-connect/push/fixtures/example-bot-shapes.json'),
		'utf8',
	),
) as { messageTypes: Record<string, number>; hookCall: Record<string, unknown> };

const CLIENT = 'df4cca69-ce40-472e-9083-af9b279c72cc';
const SPECIALIST = '46e24c9e-762f-4be1-af57-ac3e910652fc';
const call = (fields: Record<string, unknown>) => ({
	line_id: '5f0ddfd1-6d9c-4e25-9bca-c7ff0fd83c44',
	user_id: CLIENT,
	message_type: 1,
	...fields,
});

describe('1C-Connect Line Trigger: hook calls to items', () => {
	test("message types are named as the vendor's example bot names them; unknown ones are 'other'", () => {
		const events = [1, 70, 20, 80, 81, 82, 90, 200, 999].map((type) =>
			eventOf(call({ message_type: type })),
		);
		assert.deepEqual(events, [
			'message',
			'message',
			'call',
			'treatmentStarted',
			'specialistAssigned',
			'treatmentClosed',
			'treatmentClosed',
			'transferredToBot',
			'other',
		]);
	});

	test("every message type the vendor's bots name becomes a named event, never 'other'", () => {
		for (const [name, type] of Object.entries(SHAPES.messageTypes)) {
			assert.notEqual(eventOf(call({ message_type: type })), 'other', name);
		}
		assert.equal(eventOf(call({ message_type: 83 })), 'noFreeSpecialists');
		assert.equal(eventOf(call({ message_type: 89 })), 'transferredToLine');
		const item = itemOf({ ...SHAPES.hookCall, message_type: 1 });
		assert.equal(item.messageId, SHAPES.hookCall.message_id);
		assert.equal(item.messageTime, SHAPES.hookCall.message_time);
		assert.equal(item.text, SHAPES.hookCall.text);
	});

	test('a move to another line carries its direction and the other line, as the wiki describes the data', () => {
		const item = itemOf(
			call({
				message_type: 89,
				data: {
					direction: 'to',
					line_id: '7bd06004-2341-11e7-80e4-0025904f970f',
					treatment_id: 'cfed9646-f0db-46e5-8c64-951f50218991',
				},
			}),
		);
		assert.equal(item.event, 'transferredToLine');
		assert.deepEqual(item.transfer, {
			direction: 'to',
			lineId: '7bd06004-2341-11e7-80e4-0025904f970f',
			treatmentId: 'cfed9646-f0db-46e5-8c64-951f50218991',
			companyId: null,
		});
		assert.equal(itemOf(call({ message_type: 1 })).transfer, undefined);
	});

	test('a message is the client’s when its author is absent or the client, as the example bot decides', () => {
		assert.equal(isFromSpecialistOrBot(call({ author_id: CLIENT })), false);
		assert.equal(isFromSpecialistOrBot(call({ author_id: null })), false);
		assert.equal(isFromSpecialistOrBot(call({ author_id: SPECIALIST })), true);
		assert.equal(isFromSpecialistOrBot(call({ message_type: 82, author_id: SPECIALIST })), false);
	});

	test('a hand-over to the bot carries its redirect; a body that is no hook call says why', () => {
		const item = itemOf(call({ message_type: 200, data: { redirect: 'level:10;answer:34' } }));
		assert.equal(item.event, 'transferredToBot');
		assert.equal(item.redirect, 'level:10;answer:34');
		assert.equal(readHookCall([]), 'the body is not a JSON object');
		assert.equal(readHookCall({ line_id: 'x', user_id: 'y' }), 'message_type is missing');
	});

	test('only the exact bearer token passes; no token stored lets nothing pass', () => {
		assert.equal(carriesToken('Bearer abc', 'abc'), true);
		assert.equal(carriesToken('Bearer abd', 'abc'), false);
		assert.equal(carriesToken('abc', 'abc'), false);
		assert.equal(carriesToken(undefined, 'abc'), false);
		assert.equal(carriesToken('Bearer ', undefined), false);
	});

	test('a credential saved before the Push API URL existed uses the vendor’s host', () => {
		assert.equal(pushBaseOf({}), PUSH_DEFAULT_URL);
		assert.equal(pushBaseOf({ pushUrl: '  ' }), PUSH_DEFAULT_URL);
		assert.equal(
			pushBaseOf({ pushUrl: ' http://127.0.0.1:18104/push ' }),
			'http://127.0.0.1:18104/push',
		);
	});
});
