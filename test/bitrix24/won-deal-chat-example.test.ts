import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { useBitrix24 } from './bitrix24-fixture';
import { methodsCalled } from './work-fixture';

const example = JSON.parse(
	readFileSync(join(__dirname, '../../examples/bitrix24-won-deal-to-team-chat.json'), 'utf8'),
) as { nodes: Array<{ name: string; parameters: INodeParameters }> };
const parametersOf = (name: string) =>
	example.nodes.find((node) => node.name === name)?.parameters as INodeParameters;

describe('example: won deals announced in the team chat', () => {
	const b24 = useBitrix24();

	test('the three latest won deals become three messages in the sales chat, with a button each', async () => {
		const deals = await b24.harness.runNode(b24.node(parametersOf('Latest Won Deals')));
		const sent = await b24.harness.runNodeOnItems(
			b24.node(parametersOf('Tell the Sales Chat')),
			deals.items,
		);

		assert.equal(deals.error, undefined);
		assert.equal(sent.error, undefined);
		const messages = b24.simulator.portal.work.messages;
		assert.equal(messages.length, 3);
		assert.match(messages[0].text, /^\[b\]Сделка выиграна!\[\/b\] .+: \d/);
		assert.ok(messages.every((message) => message.dialogId === 'chat7'));
		assert.deepEqual(
			Object.values(messages[0].keyboard as object).map(
				(button) => (button as { TEXT: string }).TEXT,
			),
			['Открыть сделку'],
		);
		// One list request, one batch for the three messages.
		assert.equal(methodsCalled(b24).filter((method) => method === 'batch').length, 2);
	});
});
