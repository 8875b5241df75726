import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, useOktell } from './oktell-fixture';

describe('Oktell: Service Script and Plugin', () => {
	const oktell = useOktell();
	const execute = (parameters: Record<string, unknown>) =>
		oktell.run({ resource: 'serviceScript', operation: 'execute', ...parameters });

	test('Execute runs the script synchronously with its start parameters → {started, startResult, returnValue}', async () => {
		const result = await execute({
			scriptName: 'Echo',
			scriptTimeout: 10,
			startParameters: { startparam1: '123', startparam2: 'два' },
		});

		assert.deepEqual(jsonOf(result.items), [
			{ started: true, startResult: 0, returnValue: '123|два|||' },
		]);
		assert.deepEqual(oktell.sent(), [
			`/execsvcscript?name=Echo&async=0&timeout=10&startparam1=123&startparam2=${encodeURIComponent('два')}`,
		]);
	});

	test('the return value is read both from property_simple name= and from CDATA, in both encodings', async () => {
		for (const encoding of ['utf-16le', 'utf-8'] as const) {
			oktell.simulator.xmlEncoding = encoding;
			const simple = await execute({ scriptName: 'SvcScript1' });
			assert.equal(simple.items[0].json.returnValue, 'abcdef', encoding);
			const cdata = await execute({ scriptName: 'Markup' });
			assert.equal(cdata.items[0].json.returnValue, '<b>Привет</b> & "мир"', encoding);
		}
	});

	test('async starts and returns without a value; a timeout exceeded returns without one too', async () => {
		const started = await execute({ scriptName: 'Slow', runMode: 'async' });
		assert.deepEqual(started.items[0].json, { started: true, startResult: 0, returnValue: null });
		assert.equal(oktell.sent()[0], '/execsvcscript?name=Slow&async=1');

		const timedOut = await execute({ scriptName: 'Slow', scriptTimeout: 1 });
		assert.deepEqual(timedOut.items[0].json, { started: true, startResult: 0, returnValue: null });
	});

	test('an unknown script is reported as not started', async () => {
		const result = await execute({ scriptName: 'Nope' });
		assert.deepEqual(result.items[0].json, { started: false, startResult: 1, returnValue: null });
	});

	test('Execute Plain returns text, parsed JSON, or a file as binary data', async () => {
		const plain = (scriptName: string) =>
			oktell.run({ resource: 'serviceScript', operation: 'executePlain', scriptName });

		const text = await plain('SvcScript1');
		assert.deepEqual(text.items[0].json, { reply: 'abcdef', contentType: 'text/plain' });

		const json = await plain('JsonReport');
		assert.deepEqual(json.items[0].json, {
			reply: { calls: 12, missed: 1, operator: 'Иван' },
			contentType: 'application/json',
		});

		const file = await plain('RecordFile');
		assert.equal(file.items[0].binary?.data.fileName, 'rec-2024-001.wav');
		assert.equal(file.items[0].binary?.data.mimeType, 'audio/wav');
		assert.equal(file.items[0].json.fileName, 'rec-2024-001.wav');
	});

	test('Plugin Execute Method sends inputparams as JSON text or base64 and returns the JSON result', async () => {
		const run = (parameterEncoding: string) =>
			oktell.run({
				resource: 'plugin',
				operation: 'executeMethod',
				moduleId: 'crm',
				formId: 'lookup',
				inputParameters: '{"phone": "+7 495 000-00-00"}',
				parameterEncoding,
			});
		const expected = {
			found: true,
			customer: { phone: '+7 495 000-00-00', name: 'ООО "Ромашка"' },
		};

		assert.deepEqual((await run('json')).items[0].json, expected);
		assert.deepEqual((await run('base64')).items[0].json, expected);
		const [asJson, asBase64] = oktell.simulator.requests.map(
			(request) => new URLSearchParams(request.query),
		);
		assert.equal(asJson.get('inputparams'), '{"phone":"+7 495 000-00-00"}');
		assert.equal(
			Buffer.from(String(asBase64.get('inputparamsb64')), 'base64').toString('utf8'),
			'{"phone":"+7 495 000-00-00"}',
		);
	});

	test('broken JSON in Input Parameters is an item error that says what to fix, and sends nothing', async () => {
		const result = await oktell.run(
			{
				resource: 'plugin',
				operation: 'executeMethod',
				moduleId: 'crm',
				formId: 'echo',
				inputParameters: '={{ $json.params }}',
			},
			[{ params: '{"a": 1}' }, { params: '{"a": ' }],
			true,
		);
		assert.deepEqual(result.items[0].json, { a: 1 });
		assert.match(
			String(result.items[1].json.error),
			/^"Input Parameters" in item 1 is not valid JSON/,
		);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal(oktell.simulator.requests.length, 1);
	});
});
