import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import {
	PUSH_DEMO_CLIENTS,
	PUSH_DEMO_LINES,
} from '../../sandbox/one-c-connect/push/push-demo-data';
import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import { useOneC } from './one-c-fixture';

const LINE = PUSH_DEMO_LINES[0].line_id;
const CLIENT = PUSH_DEMO_CLIENTS[0];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const PDF = Buffer.from('%PDF-1.4 счёт №17');

const tokenOf = (trigger: RunningWebhookTrigger) =>
	String((Object.values(trigger.staticData())[0] as IDataObject).backAuthToken);

/** The bytes of an item's binary property: base64 `data`, as n8n keeps it in memory. */
function bytesOf(item: INodeExecutionData, key: string): Buffer {
	const binary = item.binary?.[key];
	assert.ok(binary, `no binary property ${key}`);
	return Buffer.from(binary.data, 'base64');
}

describe('1C-Connect Line Trigger: Download Files', () => {
	const oneC = useOneC();
	const push = () => oneC.simulator.push;

	async function withTrigger(
		options: INodeParameters,
		run: (trigger: RunningWebhookTrigger) => Promise<void>,
		parameters: INodeParameters = {},
	) {
		const trigger = await startWebhookTrigger(oneC.harness, {
			type: 'oneCConnectLineTrigger',
			parameters: {
				subscription: 'bot',
				lineId: byId(LINE),
				events: ['message'],
				options,
				...parameters,
			},
			credentials: { oneCConnectApi: oneC.credentialId },
		});
		try {
			await trigger.activate();
			await run(trigger);
		} finally {
			await trigger.close();
		}
	}

	const sendFile = async (content: Buffer, fileName = 'Счёт 17.pdf') =>
		await push().clientSendsFile(
			{
				line_id: LINE,
				user_id: CLIENT,
				file_name: fileName,
				content: content.toString('base64'),
				type: 'application/pdf',
			},
			oneC.baseUrl,
		);

	test('off: a client’s file starts the workflow with the message only, no file is read', async () => {
		await withTrigger({}, async (trigger) => {
			await sendFile(PDF);
			const [[item]] = await trigger.waitForExecutions(1);
			assert.equal(item.json.event, 'message');
			assert.equal(item.json.kind, 'file');
			assert.equal(item.binary, undefined);
			const reads = oneC.simulator.requests.filter((request) =>
				request.path.includes('/line/file/'),
			);
			assert.equal(reads.length, 0);
		});
	});

	test('on: the file arrives as binary data, read from the push API with the API login', async () => {
		await withTrigger({ downloadFiles: true }, async (trigger) => {
			await sendFile(PDF);
			const executions = await trigger.waitForExecutions(1);
			assert.equal(executions.length, 1);
			const [item] = executions[0];
			assert.equal(item.binary?.data?.fileName, 'Счёт 17.pdf');
			assert.equal(item.binary?.data?.mimeType, 'application/pdf');
			assert.deepEqual(bytesOf(item, 'data'), PDF);
			assert.equal(item.json.fileErrors, undefined);
			assert.equal(trigger.calls.at(-1)?.status, 200);
		});
	});

	test('a file larger than Max File Size is not read: the message still starts one run and names the file', async () => {
		await withTrigger({ downloadFiles: true, maxFileSizeMb: 1 }, async (trigger) => {
			await sendFile(Buffer.alloc(2 * 1024 * 1024, 7), 'big.bin');
			const [[item]] = await trigger.waitForExecutions(1);
			assert.equal(item.binary, undefined);
			const errors = item.json.fileErrors as IDataObject[];
			assert.equal(errors.length, 1);
			assert.equal(errors[0].fileName, 'big.bin');
			assert.equal(trigger.calls.at(-1)?.status, 200);
		});
	});

	test('a link to another server is read without the API login, and only from a file message', async () => {
		const seen: IncomingHttpHeaders[] = [];
		const other = createServer((request, response) => {
			seen.push(request.headers);
			response.writeHead(200, { 'content-type': 'text/plain' });
			response.end('elsewhere');
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/files/note.txt`;
		try {
			await withTrigger({ downloadFiles: true }, async (trigger) => {
				const post = async (message: IDataObject) =>
					(
						await fetch(trigger.url, {
							method: 'POST',
							headers: {
								'content-type': 'application/json',
								authorization: `Bearer ${tokenOf(trigger)}`,
							},
							body: JSON.stringify({
								line_id: LINE,
								user_id: CLIENT,
								author_id: CLIENT,
								...message,
							}),
						})
					).status;
				assert.equal(
					await post({
						message_id: '4e48509f-6366-4897-9544-46f006e47074',
						message_type: 70,
						message_time: '2026-12-07T10:00:00Z',
						text: '',
						data: { file_name: 'note.txt', url },
					}),
					200,
				);
				const [[item]] = await trigger.waitForExecutions(1);
				assert.deepEqual(bytesOf(item, 'data'), Buffer.from('elsewhere'));

				assert.equal(
					await post({
						message_id: '5e48509f-6366-4897-9544-46f006e47075',
						message_type: 1,
						message_time: '2026-12-07T10:01:00Z',
						text: 'see the link',
						data: { url },
					}),
					200,
				);
				const [, [textItem]] = await trigger.waitForExecutions(2);
				assert.equal(textItem.binary, undefined);
			});
			assert.equal(seen.length, 1);
			assert.equal(seen[0].authorization, undefined);
		} finally {
			other.closeAllConnections();
			await new Promise((resolve) => other.close(resolve));
		}
	});

	test('deactivation with neither the stored subscription nor a line removes nothing and does not fail', async () => {
		await withTrigger({}, async (active) => {
			const trigger = await startWebhookTrigger(oneC.harness, {
				type: 'oneCConnectLineTrigger',
				parameters: { subscription: 'bot', lineId: byId(''), events: ['message'] },
				credentials: { oneCConnectApi: oneC.credentialId },
			});
			try {
				trigger.forgetStaticData();
				await trigger.deactivate();
			} finally {
				await trigger.close();
			}
			assert.equal(push().hooks.get(`bot:${LINE}`)?.url, active.url);
		});
	});
});
