import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useBitrix24 } from './bitrix24-fixture';
import { batchedCommands, byId, methodsCalled, workRunner } from './work-fixture';

describe('Bitrix24 Task Comment, Task Checklist Item and Task Time Spent', () => {
	const b24 = useBitrix24();
	const run = workRunner(b24);
	const taskId = () => b24.simulator.portal.tasks.rows[0].id as string;

	test('comments on 60 items go in ⌈60/50⌉ = 2 batch requests; Get Many reads them oldest first', async () => {
		const input = Array.from({ length: 60 }, (_, index) => ({ n: index }));
		const created = await run(
			'taskComment',
			'create',
			{ taskId: byId(taskId()), text: '={{ "Комментарий " + $json.n }}' },
			input,
		);
		assert.equal(created.error, undefined);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch']);
		b24.simulator.clearRequests();

		const limited = await run('taskComment', 'getAll', { taskId: byId(taskId()), limit: 3 });
		const all = await run('taskComment', 'getAll', { taskId: byId(taskId()), returnAll: true });

		assert.deepEqual(
			limited.items.map((item) => item.json.POST_MESSAGE),
			['Комментарий 0', 'Комментарий 1', 'Комментарий 2'],
		);
		assert.equal(all.items.length, 60);
		assert.equal(all.items[59].json.POST_MESSAGE, 'Комментарий 59');
		// Limit 3: one page; Return All: the first page, then the second, each in a batch.
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch', 'batch']);
	});

	test("Get Many over 60 items reads every item's first page in ⌈60/50⌉ = 2 batch requests, the second pages in 2 more", async () => {
		const id = taskId();
		const created = await run(
			'taskComment',
			'create',
			{ taskId: byId(id), text: '={{ "Комментарий " + $json.n }}' },
			Array.from({ length: 55 }, (_, n) => ({ n })),
		);
		assert.equal(created.error, undefined);
		b24.simulator.clearRequests();
		const input = Array.from({ length: 60 }, () => ({ task: id }));

		const limited = await run(
			'taskComment',
			'getAll',
			{ taskId: byId('={{ $json.task }}'), limit: 2 },
			input,
		);
		assert.equal(limited.error, undefined);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch']);
		assert.equal(limited.items.length, 120);
		assert.deepEqual(limited.items[119].pairedItem, { item: 59 });
		b24.simulator.clearRequests();

		const all = await run(
			'taskComment',
			'getAll',
			{ taskId: byId('={{ $json.task }}'), returnAll: true },
			input,
		);
		assert.equal(all.error, undefined);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch', 'batch', 'batch']);
		assert.equal(all.items.length, 60 * 55);
		assert.equal(all.items.at(-1)?.json.POST_MESSAGE, 'Комментарий 54');
		assert.equal(all.items.at(-1)?.json.TASK_ID, Number(id));
	});

	test('a comment on a task that does not exist fails with the tasks module error', async () => {
		const result = await run('taskComment', 'create', { taskId: byId(9999), text: 'x' });

		assert.match(String(result.error?.message), /ACTION_FAILED|Action failed|ERROR_CORE/);
	});

	test('checklist: create items, Get Many for two tasks in one batch request, complete one', async () => {
		const id = taskId();
		const created = await run(
			'taskChecklistItem',
			'create',
			{ taskId: byId(id), title: '={{ $json.title }}', itemOptions: { important: true } },
			[{ title: 'Подписать договор' }, { title: 'Выставить счёт' }],
		);
		assert.equal(created.error, undefined);
		const first = Number(created.items[0].json.itemId);
		b24.simulator.clearRequests();

		const completed = await run('taskChecklistItem', 'complete', {
			taskId: byId(id),
			itemId: first,
		});
		const listed = await run(
			'taskChecklistItem',
			'getAll',
			{ taskId: '={{ { __rl: true, mode: "id", value: $json.task } }}', returnAll: true },
			[{ task: id }, { task: id }],
		);

		assert.deepEqual(completed.items[0].json, {
			taskId: Number(id),
			itemId: first,
			completed: true,
		});
		const titles = listed.items.map((item) => [item.json.TITLE, item.json.IS_COMPLETE]);
		// The checklist itself (made for the first item), then its two items; for each input item.
		assert.equal(titles.length, 6);
		assert.ok(titles.some(([title, done]) => title === 'Подписать договор' && done === 'Y'));
		assert.deepEqual(
			listed.items.map((item) => item.pairedItem),
			[0, 0, 0, 1, 1, 1].map((item) => ({ item })),
		);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch']);
		assert.deepEqual(batchedCommands(b24), [
			'task.checklistitem.complete',
			'task.checklistitem.getlist',
			'task.checklistitem.getlist',
		]);
	});

	test('time spent: minutes are sent in seconds with the comment; 0 minutes fails before sending', async () => {
		const result = await run('taskTimeSpent', 'create', {
			taskId: byId(taskId()),
			minutes: 1.5,
			comment: 'Созвон с клиентом',
			userId: 15,
		});
		const zero = await run('taskTimeSpent', 'create', {
			taskId: byId(taskId()),
			minutes: 0,
			comment: 'x',
		});

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.seconds, 90);
		assert.deepEqual(
			b24.simulator.portal.work.elapsed.map((entry) => [
				entry.SECONDS,
				entry.USER_ID,
				entry.COMMENT_TEXT,
			]),
			[['90', '15', 'Созвон с клиентом']],
		);
		assert.match(String(zero.error?.message), /"Minutes" in item 0 must be more than 0/);
		assert.equal(methodsCalled(b24).length, 1);
	});

	test('the task picker searches task titles', async () => {
		const { results } = await b24.harness.listSearch(
			b24.node({ resource: 'taskComment', operation: 'create' }),
			'searchTasks',
		);

		assert.ok(results.length > 0);
		assert.ok(
			results.every((entry) => /\(\d+\)$/.test(entry.name)),
			JSON.stringify(results),
		);
	});
});
