import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { carriesToken } from '../../nodes/OneCConnect/line-trigger/back-auth';
import {
	eventOf,
	isFromSpecialistOrBot,
	itemOf,
	readHookCall,
} from '../../nodes/OneCConnect/line-trigger/hook-events';
import { PUSH_DEFAULT_URL, pushBaseOf } from '../../nodes/OneCConnect/transport/push/push-endpoint';

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
