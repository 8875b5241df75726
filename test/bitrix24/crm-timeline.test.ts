import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePhpQuery } from '../../sandbox/bitrix24/php-params';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, plain } from './crm-fixture';

const deal = (id: number | string) => ({ ownerType: 'deal', ownerId: byId(id) });

describe('Bitrix24 Timeline Comment and Activity', () => {
	const b24 = useBitrix24({ limit: { perSecond: 100, burst: 1000 } });
	const run = crmRunner(b24);
	/** Every REST request so far, each of them a `batch`. */
	const batches = () => {
		const calls = b24.restCalls();
		assert.ok(calls.every((call) => call.path.endsWith('/batch.json')));
		return calls;
	};
	/** The commands of the last batch, read back with the simulator's PHP query parser. */
	const lastCommands = () => {
		const body = JSON.parse(batches().at(-1)?.body ?? '{}') as { cmd: Record<string, string> };
		return Object.values(body.cmd).map((cmd) => {
			const [method, query] = cmd.split('?');
			return { method, params: plain(parsePhpQuery(query)) as Record<string, unknown> };
		});
	};

	test("comments on 60 deals go in 2 requests; Get Many reads each deal's comments, oldest first", async () => {
		const input = Array.from({ length: 60 }, (_, index) => ({ deal: index + 1 }));
		const created = await run(
			'timelineComment',
			'create',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				comment: '=Звонок по сделке {{ $json.deal }}',
			},
			input,
		);
		await run('timelineComment', 'create', { ...deal(2), comment: 'Второй комментарий' });
		const before = batches().length;
		const listed = await run('timelineComment', 'getAll', { ...deal(2), returnAll: true });

		assert.equal(before, 2 + 1);
		assert.equal(batches().length - before, 1);
		assert.equal(created.items.length, 60);
		assert.deepEqual(created.items[1].json, {
			ID: created.items[1].json.ID,
			ENTITY_TYPE: 'deal',
			ENTITY_ID: 2,
			COMMENT: 'Звонок по сделке 2',
		});
		assert.deepEqual(
			listed.items.map((item) => item.json.COMMENT),
			['Звонок по сделке 2', 'Второй комментарий'],
		);
		assert.equal(listed.items[0].json.AUTHOR_ID, '1');
	});

	test("a smart process item's timeline is named dynamic_<process>", async () => {
		const created = await run('timelineComment', 'create', {
			ownerType: 'smartProcessItem',
			entityTypeId: 1032,
			ownerId: byId(1),
			comment: 'Груз принят',
		});

		assert.equal(created.error, undefined);
		const fields = lastCommands()[0].params.fields as Record<string, unknown>;
		assert.equal(fields.ENTITY_TYPE, 'dynamic_1032');
	});

	test('a to-do with deadline and responsible user; Get Many of open ones; Complete; Get Many of completed ones', async () => {
		const todo = await run('activity', 'createTodo', {
			...deal(4),
			deadline: '2026-12-10T15:00:00',
			title: 'Позвонить клиенту',
			responsibleId: { __rl: true, mode: 'url', value: `${b24.baseUrl}/company/personal/user/15/` },
		});
		const [sent] = lastCommands();
		const id = String(todo.items[0].json.id);
		const open = await run('activity', 'getAll', { ...deal(4), status: 'open', returnAll: true });
		const completed = await run('activity', 'complete', { activityId: id }, [{}]);
		const done = await run('activity', 'getAll', {
			...deal(4),
			status: 'completed',
			returnAll: true,
		});
		const stillOpen = await run('activity', 'getAll', {
			...deal(4),
			status: 'open',
			returnAll: true,
		});

		assert.equal(todo.error, undefined);
		assert.equal(sent.method, 'crm.activity.todo.add');
		assert.equal(sent.params.ownerTypeId, '2');
		assert.equal(sent.params.responsibleId, '15');
		// The workflow's time zone (Europe/Berlin in the harness, +01:00 in December) is named.
		assert.match(String(sent.params.deadline), /^2026-12-10T15:00:00[+-]\d\d:\d\d$/);
		assert.deepEqual(
			open.items.map((item) => [item.json.ID, item.json.SUBJECT, item.json.RESPONSIBLE_ID]),
			[[id, 'Позвонить клиенту', '15']],
		);
		assert.deepEqual(completed.items[0].json, { id: Number(id), completed: true });
		assert.deepEqual(
			done.items.map((item) => item.json.COMPLETED),
			['Y'],
		);
		assert.equal(stillOpen.items.length, 0);
	});

	test('to-dos for 3 deals go in one request; completing 3 activities in one more', async () => {
		const todos = await run(
			'activity',
			'createTodo',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				deadline: '2026-12-11T10:00:00+03:00',
			},
			[{ deal: 1 }, { deal: 2 }, { deal: 3 }],
		);
		const ids = todos.items.map((item) => ({ id: String(item.json.id) }));
		await run('activity', 'complete', { activityId: '={{ $json.id }}' }, ids);

		assert.equal(batches().length, 2);
		assert.deepEqual(
			b24.simulator.portal.crmExtras.activities.map((row) => [
				row.OWNER_ID,
				row.COMPLETED,
				row.RESPONSIBLE_ID,
			]),
			[
				['1', 'Y', '1'],
				['2', 'Y', '1'],
				['3', 'Y', '1'],
			],
		);
	});

	test('bad input is refused before anything is sent: empty comment, no deadline, a bad activity ID', async () => {
		const comment = await run('timelineComment', 'create', { ...deal(1), comment: '  ' });
		const deadline = await run('activity', 'createTodo', { ...deal(1), deadline: 'завтра' });
		const activityId = await run('activity', 'complete', { activityId: 'abc' });

		assert.equal(b24.restCalls().length, 0);
		assert.match(String(comment.error?.message), /"Comment" in item 0 is empty/);
		assert.match(String(deadline.error?.message), /"Deadline" in item 0 is not a date and time/);
		assert.match(
			String(activityId.error?.message),
			/"Activity ID" in item 0 is not an activity ID/,
		);
	});

	test("a record that does not exist is the portal's error, for that item only with Continue On Fail", async () => {
		const result = await run(
			'timelineComment',
			'create',
			{ ownerType: 'lead', ownerId: byId('={{ $json.lead }}'), comment: 'Проверка' },
			[{ lead: 1 }, { lead: 999 }],
			true,
		);

		assert.equal(batches().length, 1);
		assert.equal(result.items[0].json.ENTITY_TYPE, 'lead');
		assert.match(String(result.items[1].json.error), /Owner of the item not found/);
	});

	test('the Responsible User picker lists users on the Activity resource', async () => {
		const users = await b24.harness.listSearch(
			b24.node({ resource: 'activity', operation: 'createTodo' }),
			'searchUsers',
		);

		assert.deepEqual(
			users.results.map((user) => user.value),
			['1', '15', '27'],
		);
	});
});
