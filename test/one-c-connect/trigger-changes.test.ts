import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fingerprint, newRows, wallClock } from '../../nodes/OneCConnect/trigger/changes';

describe('1C-Connect Trigger: de-duplication and times', () => {
	test('a row seen in the overlap is not new; the same object changed is new', () => {
		const first = newRows([{ ID: '1', Name: 'a' }], {}, 1000, 0);
		assert.deepEqual(first.fresh, [{ ID: '1', Name: 'a' }]);

		const again = newRows(
			[
				{ Name: 'a', ID: '1' },
				{ ID: '1', Name: 'b' },
			],
			first.seen,
			2000,
			500,
		);
		assert.deepEqual(again.fresh, [{ ID: '1', Name: 'b' }]);
	});

	test('rows last returned before the next window starts are forgotten', () => {
		const seen = { [fingerprint({ ID: '1' })]: 1000, [fingerprint({ ID: '2' })]: 3000 };
		const next = newRows([], seen, 4000, 2000);
		assert.deepEqual(Object.values(next.seen), [3000]);
	});

	test('wallClock writes the instant as 1C reads it, in the given time zone, without a zone', () => {
		const instant = Date.parse('2024-03-01T21:30:05Z');
		assert.equal(wallClock(instant, 'UTC'), '2024-03-01T21:30:05');
		assert.equal(wallClock(instant, 'Europe/Moscow'), '2024-03-02T00:30:05');
		assert.equal(wallClock(instant, 'Asia/Yekaterinburg'), '2024-03-02T02:30:05');
	});
});
