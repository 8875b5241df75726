import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parsePhpQuery } from '../../sandbox/bitrix24/php-params';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner, plain } from './crm-fixture';

const deal = (id: number | string) => ({ ownerType: 'deal', ownerId: byId(id) });

describe('Bitrix24 Business Process: start, get many, terminate', () => {
	const b24 = useBitrix24({ limit: { perSecond: 100, burst: 1000 } });
	const run = crmRunner(b24);
	/** Every REST request so far, each of them a `batch`. */
	const batches = () => {
		const calls = b24.restCalls();
		assert.ok(calls.every((call) => call.path.endsWith('/batch.json')));
		return calls;
	};

	test('a business process started for 3 deals in one request, listed per deal, then terminated', async () => {
		const started = await run(
			'businessProcess',
			'start',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				templateId: byId(1),
				parameters: '{"comment": "Срочно"}',
			},
			[{ deal: 10 }, { deal: 11 }, { deal: 12 }],
		);
		const body = JSON.parse(batches()[0].body) as { cmd: Record<string, string> };
		const [method, query] = Object.values(body.cmd)[0].split('?');
		const sent = plain(parsePhpQuery(query)) as Record<string, unknown>;
		const listed = await run('businessProcess', 'getAll', { ...deal(11), returnAll: true });
		const id = String(started.items[1].json.workflowId);
		const stopped = await run('businessProcess', 'terminate', {
			workflowId: id,
			statusText: 'Отменено',
		});
		const after = await run('businessProcess', 'getAll', { ...deal(11), returnAll: true });

		assert.equal(started.error, undefined);
		assert.equal(method, 'bizproc.workflow.start');
		assert.deepEqual(sent, {
			TEMPLATE_ID: '1',
			DOCUMENT_ID: ['crm', 'CCrmDocumentDeal', 'DEAL_10'],
			PARAMETERS: { comment: 'Срочно' },
		});
		assert.deepEqual(started.items[1].json, {
			workflowId: id,
			templateId: 1,
			documentId: ['crm', 'CCrmDocumentDeal', 'DEAL_11'],
		});
		assert.deepEqual(
			listed.items.map((item) => [item.json.ID, item.json.DOCUMENT_ID, item.json.TEMPLATE_ID]),
			[[id, 'DEAL_11', '1']],
		);
		assert.deepEqual(stopped.items[0].json, { workflowId: id, terminated: true });
		assert.equal(after.items.length, 0);
		assert.equal(batches().length, 4);
	});

	test("a smart process item's document is DYNAMIC_<process>_<item>, under the Dynamic class", async () => {
		const started = await run('businessProcess', 'start', {
			ownerType: 'smartProcessItem',
			entityTypeId: 1032,
			ownerId: byId(2),
			templateId: byId(3),
		});

		assert.equal(started.error, undefined);
		assert.deepEqual(started.items[0].json.documentId, [
			'crm',
			'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic',
			'DYNAMIC_1032_2',
		]);
	});

	test("a template of another record type is the portal's error; bad IDs fail before sending", async () => {
		const mismatch = await run('businessProcess', 'start', { ...deal(1), templateId: byId(2) });
		const calls = b24.restCalls().length;
		const badTemplate = await run('businessProcess', 'start', {
			...deal(1),
			templateId: byId('x'),
		});
		const badParameters = await run('businessProcess', 'start', {
			...deal(1),
			templateId: byId(1),
			parameters: '[1]',
		});
		const badId = await run('businessProcess', 'terminate', { workflowId: '../1' });

		assert.match(String(mismatch.error?.message), /Template type and DOCUMENT_ID mismatch/);
		assert.equal(b24.restCalls().length, calls);
		assert.match(String(badTemplate.error?.message), /"Template" in item 0 is not a template ID/);
		assert.match(String(badParameters.error?.message), /Template Parameters \(JSON\)/);
		assert.match(String(badId.error?.message), /"Business Process ID" in item 0/);
	});

	test("the template picker lists only the chosen record type's templates and filters by typed text", async () => {
		const node = b24.node({ resource: 'businessProcess', operation: 'start', ownerType: 'deal' });
		const all = await b24.harness.listSearch(node, 'searchTemplates');
		const typed = await b24.harness.listSearch(node, 'searchTemplates', 'скидка');

		assert.deepEqual(
			all.results.map((result) => result.name),
			['Скидка по сделке (4)', 'Согласование сделки (1)'],
		);
		assert.deepEqual(
			typed.results.map((result) => result.value),
			['4'],
		);
	});
});
