import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DateTime } from 'luxon';

import { toBitrixDate, toBitrixDateTime } from '../../nodes/Bitrix24/crm/date-values';

/** Luxon, the date library n8n itself uses, is the oracle of wall times in a time zone. */
describe('Bitrix24 dates and times against Luxon', () => {
	const B24_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZZ";
	const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York', 'UTC'];
	// Winter, summer, and the hours around Europe's and America's clock changes.
	const walls = [
		'2026-01-15T09:30:00',
		'2026-07-01T23:59:59',
		'2026-03-29T01:30:00',
		'2026-03-29T03:30:00',
		'2026-10-25T01:30:00',
		'2026-03-08T03:30:00',
		'2026-11-01T00:30:00',
	];

	test('a date and time without an offset is read in the workflow time zone, as Luxon reads it', () => {
		for (const zone of zones) {
			for (const wall of walls) {
				const expected = DateTime.fromISO(wall, { zone }).toFormat(B24_FORMAT);
				assert.equal(toBitrixDateTime(wall, zone), expected, `${wall} in ${zone}`);
				const russian = `${wall.slice(8, 10)}.${wall.slice(5, 7)}.${wall.slice(0, 4)} ${wall.slice(11)}`;
				assert.equal(toBitrixDateTime(russian, zone), expected, `${russian} in ${zone}`);
			}
		}
	});

	test('an instant keeps the offset it was given; n8n dates are written as the SDK writes them', () => {
		assert.equal(
			toBitrixDateTime('2026-12-31T18:00:00Z', 'Europe/Moscow'),
			'2026-12-31T18:00:00+00:00',
		);
		assert.equal(
			toBitrixDateTime('2026-12-31T18:00:00.250-03:30', 'UTC'),
			'2026-12-31T18:00:00-03:30',
		);
		const now = DateTime.fromISO('2026-06-01T12:00:00', { zone: 'Asia/Yekaterinburg' });
		assert.equal(toBitrixDateTime(now, 'UTC'), now.toFormat(B24_FORMAT));
		const instant = Date.UTC(2026, 5, 1, 9);
		assert.equal(
			toBitrixDateTime(new Date(instant), 'Europe/Moscow'),
			DateTime.fromMillis(instant, { zone: 'Europe/Moscow' }).toFormat(B24_FORMAT),
		);
	});

	test('a date is its own calendar day; what is not a date is refused with what to enter', () => {
		assert.equal(toBitrixDate('2026-12-31T23:30:00+10:00', 'UTC'), '2026-12-31');
		assert.equal(
			toBitrixDate(DateTime.fromISO('2026-12-31T23:30:00', { zone: 'Asia/Vladivostok' }), 'UTC'),
			'2026-12-31',
		);
		assert.equal(toBitrixDate('29.02.2028', 'UTC'), '2028-02-29');
		for (const bad of ['31.02.2026', '2026-13-01', 'завтра', '', '2026-12-31T25:00']) {
			assert.throws(() => toBitrixDate(bad, 'UTC'), /is not a date/, bad);
		}
		assert.throws(
			() => toBitrixDateTime(DateTime.invalid('test'), 'UTC'),
			/is not a valid date and time/,
		);
	});
});
