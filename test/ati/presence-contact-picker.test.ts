import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, loadPackageNodes } from '../harness/package-loader';
import { useAti } from './ati-fixture';

const requestLines = (requests: ReadonlyArray<{ method: string; path: string }>) =>
	requests.map((request) => `${request.method} ${request.path}`);

const locator = (mode: 'list' | 'id', value: string) => ({ __rl: true, mode, value });

describe("ATI.SU Presence → Get: Contact ID picked from a firm's contacts (node version 2)", () => {
	const ati = useAti();
	const nodeOf = (parameters: INodeParameters, typeVersion: number, continueOnFail = false) => ({
		type: 'ati',
		typeVersion,
		parameters: { resource: 'presence', operation: 'get', ...parameters },
		credentials: { atiApi: ati.credentialId },
		continueOnFail,
	});
	const search = async (filter?: string) =>
		await ati.harness.listSearch(nodeOf({}, 2), 'searchFirmContacts', filter);

	test("From List shows the firm's contacts as name (code_id), read once over HTTP per search", async () => {
		const byCode = await search('123456');
		const byContact = await search(' 123456.1 ');

		const expected = [
			{ name: 'Отдел логистики (123456.0)', value: '123456.0' },
			{ name: 'Иван Петров (123456.1)', value: '123456.1' },
		];
		assert.deepEqual(byCode.results, expected);
		assert.deepEqual(byContact.results, expected);
		assert.deepEqual(requestLines(ati.simulator.requests), [
			'GET /v1.0/firms/123456/contacts/summary',
			'GET /v1.0/firms/123456/contacts/summary',
		]);
	});

	test('From List shows nothing and asks nothing until an ATI code is typed; a name is refused with what to type', async () => {
		assert.deepEqual(await search(), { results: [] });
		assert.deepEqual(await search('  '), { results: [] });
		await assert.rejects(search('Иван'), (error: Error & { description?: string }) => {
			assert.match(error.message, /"Иван" is not an ATI code/);
			assert.match(String(error.description), /Type the firm's ATI code/);
			return true;
		});
		assert.equal(ati.simulator.requests.length, 0);
	});

	test('From List with a code no firm has names the fix', async () => {
		await assert.rejects(search('999999'), /No firm has this ATI code|not found/i);
	});

	test('a contact picked from the list and one given By ID both run Presence → Get', async () => {
		const picked = await ati.harness.runNode(nodeOf({ contactId: locator('list', '123456.1') }, 2));
		const typed = await ati.harness.runNode(nodeOf({ contactId: locator('id', '234567.0') }, 2));

		assert.equal(picked.error, undefined);
		assert.equal(typed.error, undefined);
		assert.deepEqual(picked.items[0].json, { code_id: '123456.1', state: 'offline' });
		assert.deepEqual(typed.items[0].json, { code_id: '234567.0', state: 'online' });
		assert.deepEqual(requestLines(ati.simulator.requests), [
			'GET /presence/state/123456.1/',
			'GET /presence/state/234567.0/',
		]);
	});

	test('a bad ID By ID fails its own item with the fix, and nothing is sent for it', async () => {
		const input: IDataObject[] = [{ id: '123456.0' }, { id: '123456' }];
		const stopped = await ati.harness.runNode(
			nodeOf({ contactId: locator('id', '={{ $json.id }}') }, 2),
			input,
		);
		assert.match(String(stopped.error?.message), /"123456" is not an ATI contact ID/);
		assert.match(String(stopped.error?.description), /"123456\.0"/);
		assert.equal(stopped.error?.context.itemIndex, 1);

		const each = await ati.harness.runNode(
			nodeOf({ contactId: locator('id', '={{ $json.id }}') }, 2, true),
			[...input, { id: '' }],
		);
		assert.match(String(each.items[1].json.error), /"123456" is not an ATI contact ID/);
		assert.match(String(each.items[2].json.error), /No contact ID given/);
		assert.equal(each.items[0].json.state, 'online');
		// Each run asks only for the good item's contact.
		assert.deepEqual(requestLines(ati.simulator.requests), [
			'GET /presence/state/123456.0/',
			'GET /presence/state/123456.0/',
		]);
	});

	test('a version 1 node keeps its text Contact ID: saved parameters unchanged, same results', async () => {
		const ati1 = loadPackageNodes().get(`${PACKAGE_NAME}.ati`) as INodeType;
		const saved = { resource: 'presence', operation: 'get', contactId: '={{ $json.id }}' };
		const resolved = NodeHelpers.getNodeParameters(
			ati1.description.properties,
			saved,
			false,
			false,
			{ typeVersion: 1 },
			ati1.description,
		);
		assert.equal(resolved?.contactId, '={{ $json.id }}');
		const shownType = (typeVersion: number) =>
			(
				NodeHelpers.findDisplayedProperty(
					'contactId',
					ati1.description.properties,
					saved,
					{ typeVersion },
					ati1.description,
				) as { type?: string } | undefined
			)?.type;
		assert.equal(shownType(1), 'string');
		assert.equal(shownType(2), 'resourceLocator');
		const fresh = NodeHelpers.getNodeParameters(
			ati1.description.properties,
			{ resource: 'presence', operation: 'get' },
			true,
			false,
			{ typeVersion: 2 },
			ati1.description,
		);
		assert.deepEqual(fresh?.contactId, { __rl: true, mode: 'list', value: '' });

		const result = await ati.harness.runNode(nodeOf(saved, 1), [
			{ id: '123456.0' },
			{ id: '123456.1' },
		]);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json),
			[
				{ code_id: '123456.0', state: 'online' },
				{ code_id: '123456.1', state: 'offline' },
			],
		);
	});

	test('the example "Which Carriers Are Online Now" (version 1) still runs its Presence → Get', async () => {
		const example = JSON.parse(
			readFileSync(join(__dirname, '../../examples/ati-carriers-online.json'), 'utf8'),
		) as { nodes: Array<{ name: string; typeVersion: number; parameters: INodeParameters }> };
		const node = example.nodes.find((entry) => entry.name === 'Presence Of Each Contact');
		assert.ok(node);
		assert.equal(node.typeVersion, 1);

		const result = await ati.harness.runNode(nodeOf(node.parameters, node.typeVersion), [
			{ carrier: 'Volga Freight', contact: '123456.0' },
			{ carrier: 'Volga Freight (dispatcher)', contact: '123456.1' },
			{ carrier: 'Ural Trans', contact: '234567.0' },
		]);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.state),
			['online', 'offline', 'online'],
		);
	});
});
