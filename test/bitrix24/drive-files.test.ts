import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';

import { useBitrix24 } from './bitrix24-fixture';
import { ONE_REQUEST_BYTES } from '../../nodes/Bitrix24/actions/parameters/binary-input';
import { binaryItem, byId, bytesOf, methodsCalled, workRunner } from './work-fixture';

describe('Bitrix24 Drive File', () => {
	const b24 = useBitrix24();
	const run = workRunner(b24);

	test('round trip: an item uploaded to a folder and downloaded again has the same bytes and name', async () => {
		const bytes = randomBytes(200_000);
		const uploaded = await run(
			'driveFile',
			'upload',
			{ folderId: byId(21), binaryPropertyName: 'data' },
			[binaryItem('Договор №5.pdf', bytes, 'application/pdf')],
		);
		assert.equal(uploaded.error, undefined);
		const file = uploaded.items[0].json;
		assert.equal(file.NAME, 'Договор №5.pdf');
		assert.equal(file.PARENT_ID, '21');
		assert.equal(file.DOWNLOAD_URL, undefined, 'the link with its access key is not output');

		const downloaded = await run('driveFile', 'download', {
			fileId: String(file.ID),
			binaryPropertyName: 'file',
		});

		assert.equal(downloaded.error, undefined);
		assert.ok(bytesOf(downloaded.items[0], 'file').equals(bytes));
		assert.equal(downloaded.items[0].binary?.file.fileName, 'Договор №5.pdf');
		assert.equal(downloaded.items[0].json.fileSize, bytes.length);
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile', 'batch', 'download']);
	});

	test('the same name twice is kept as "name (1)" by default, refused when asked not to rename', async () => {
		const item = binaryItem('a.txt', Buffer.from('x'));
		await run('driveFile', 'upload', { folderId: byId(21) }, [item]);
		const second = await run('driveFile', 'upload', { folderId: byId(21) }, [item]);
		const third = await run('driveFile', 'upload', { folderId: byId(21), uniqueName: false }, [
			item,
		]);

		assert.equal(second.items[0].json.NAME, 'a (1).txt');
		assert.match(String(third.error?.message), /DISK_OBJ_22000|Non unique/);
	});

	test('downloads of 60 files read their details in ⌈60/50⌉ = 2 batch requests, then one request each', async () => {
		const ids: string[] = [];
		for (let n = 0; n < 3; n++) {
			const up = await run('driveFile', 'upload', { folderId: byId(22) }, [
				binaryItem(`r${n}.mp3`, Buffer.from(`record ${n}`)),
			]);
			ids.push(String(up.items[0].json.ID));
		}
		b24.simulator.clearRequests();
		const input = Array.from({ length: 60 }, (_, index) => ({ id: ids[index % 3] }));

		const result = await run('driveFile', 'download', { fileId: '={{ $json.id }}' }, input);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 60);
		assert.equal(bytesOf(result.items[59]).toString(), 'record 2');
		const calls = methodsCalled(b24);
		assert.equal(calls.filter((method) => method === 'batch').length, 2);
		assert.equal(calls.filter((method) => method === 'download').length, 60);
	});

	test('a file over 10 MB goes in two steps: the upload address, then the file as a form without the credential; downloaded with the same bytes', async () => {
		const bytes = randomBytes(ONE_REQUEST_BYTES + 1);
		const uploaded = await run('driveFile', 'upload', { folderId: byId(21), uniqueName: false }, [
			binaryItem('Запись звонка.wav', bytes, 'audio/wav'),
		]);

		assert.equal(uploaded.error, undefined, uploaded.error?.message);
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile', 'upload']);
		const [ask, send] = b24.restCalls();
		assert.deepEqual(JSON.parse(ask.body), { id: 21, generateUniqueName: false });
		assert.match(send.headers['content-type'], /^multipart\/form-data; boundary=/);
		assert.equal(send.headers.authorization, undefined, 'the address carries its own key');
		const file = uploaded.items[0].json;
		assert.equal(file.NAME, 'Запись звонка.wav');
		assert.equal(file.SIZE, String(bytes.length));
		assert.equal(file.DOWNLOAD_URL, undefined);

		const downloaded = await run('driveFile', 'download', {
			fileId: String(file.ID),
			options: { maxReplySize: 20 },
		});
		assert.equal(downloaded.error, undefined);
		assert.ok(bytesOf(downloaded.items[0]).equals(bytes), 'the same bytes come back');
	});

	test("with the OAuth2 app the two steps work the same: the address carries the app's key, no token header goes with the file", async () => {
		const bytes = randomBytes(ONE_REQUEST_BYTES + 5);
		const uploaded = await run(
			'driveFile',
			'upload',
			{ folderId: byId(22) },
			[binaryItem('call.mp3', bytes, 'audio/mpeg')],
			{ auth: 'oAuth2' },
		);

		assert.equal(uploaded.error, undefined, uploaded.error?.message);
		const send = b24.restCalls().find((call) => call.path === '/rest/upload.json');
		assert.equal(send?.headers.authorization, undefined);
		const stored = b24.simulator.portal.work.drive.find(
			(object) => object.ID === String(uploaded.items[0].json.ID),
		);
		assert.ok(stored?.content?.equals(bytes));
	});

	test('a file of exactly 10 MB still goes in one request, Base64 inside it', async () => {
		const result = await run('driveFile', 'upload', { folderId: byId(21) }, [
			binaryItem('ten.bin', Buffer.alloc(ONE_REQUEST_BYTES, 7)),
		]);

		assert.equal(result.error, undefined);
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile']);
		assert.equal(result.items[0].json.SIZE, String(ONE_REQUEST_BYTES));
	});

	test('a reply without an upload address fails the item and sends the file nowhere', async () => {
		b24.simulator.injectFault({ status: 200, body: { result: {} }, match: { path: '/rest/*' } });

		const result = await run('driveFile', 'upload', { folderId: byId(21) }, [
			binaryItem('big.bin', Buffer.alloc(ONE_REQUEST_BYTES + 1)),
		]);

		assert.match(String(result.error?.message), /gave no address to upload the file to/);
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile']);
	});

	test('an upload whose connection drops is not sent again, and its error says the file may be saved', async () => {
		b24.simulator.injectFault({ reset: true, match: { path: '/rest/upload.json' } });

		const result = await run('driveFile', 'upload', { folderId: byId(21) }, [
			binaryItem('big.bin', randomBytes(ONE_REQUEST_BYTES + 10)),
		]);

		assert.ok(result.error, 'the item fails');
		assert.match(
			`${result.error?.message} ${result.error?.description}`,
			/may have made this change before the failure, so n8n did not send it again/,
		);
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile', 'upload']);
		assert.doesNotMatch(JSON.stringify(result.error), /auth=|token=disk/);
	});

	test('an upload refused as over the rate limit is not sent again: its file was streamed once', async () => {
		b24.simulator.injectFault({
			status: 503,
			body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
			match: { path: '/rest/upload.json' },
		});

		const result = await run('driveFile', 'upload', { folderId: byId(21) }, [
			binaryItem('big.bin', randomBytes(ONE_REQUEST_BYTES + 10)),
		]);

		assert.ok(result.error, 'the item fails');
		assert.deepEqual(methodsCalled(b24), ['disk.folder.uploadfile', 'upload']);
	});

	test('an upload address on another server than the portal is refused: the file and the key stay home', async () => {
		const seen: string[] = [];
		const elsewhere = createServer((request, response) => {
			seen.push(`elsewhere ${request.url}`);
			request.resume();
			response.end('{"result":{}}');
		});
		await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		const elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
		const portal = createServer((request, response) => {
			seen.push(`portal ${request.url}`);
			request.resume();
			response.setHeader('content-type', 'application/json');
			response.end(
				JSON.stringify({
					result: {
						field: 'file',
						uploadUrl: `${elsewhereUrl}/rest/upload.json?auth=secretaccesskey1&token=disk%7Cx`,
					},
				}),
			);
		});
		await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
		const portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
		try {
			const credential = b24.harness.addCredential('bitrix24WebhookApi', {
				secretWebhookUrl: `${portalUrl}/rest/1/portalsecret1/`,
			});
			const result = await b24.harness.runNodeOnItems(
				{
					...b24.node({ resource: 'driveFile', operation: 'upload', folderId: byId(21) }),
					credentials: { bitrix24WebhookApi: credential },
				},
				[binaryItem('big.bin', Buffer.alloc(ONE_REQUEST_BYTES + 1))],
			);

			assert.match(String(result.error?.message), /upload address on another address/);
			assert.doesNotMatch(JSON.stringify(result.error), /secretaccesskey1|portalsecret1/);
			assert.deepEqual(seen, ['portal /rest/1/portalsecret1/disk.folder.uploadfile.json']);
		} finally {
			portal.close();
			elsewhere.close();
		}
	});

	test('a download larger than Max Reply Size is stopped as it arrives', async () => {
		const up = await run('driveFile', 'upload', { folderId: byId(21) }, [
			binaryItem('two-mb.bin', randomBytes(2 * 1024 * 1024)),
		]);

		const result = await run('driveFile', 'download', {
			fileId: String(up.items[0].json.ID),
			options: { maxReplySize: 1 },
		});

		assert.match(String(result.error?.message), /larger than 1 MB/);
	});

	test('a missing file and a missing binary field fail with what to fix', async () => {
		const missing = await run('driveFile', 'download', { fileId: '9999' });
		const noBinary = await run('driveFile', 'upload', { folderId: byId(21) }, [{ json: {} }]);
		const notId = await run('driveFile', 'download', { fileId: 'report.pdf' });

		assert.match(String(missing.error?.message), /Could not find entity|ERROR_NOT_FOUND/);
		assert.match(String(noBinary.error?.message), /has no binary field "data"/);
		assert.match(String(notId.error?.message), /"File ID" in item 0 is not a Drive ID/);
	});

	test('the folder picker lists each storage root and its folders in two requests', async () => {
		const { results } = await b24.harness.listSearch(
			b24.node({ resource: 'driveFile', operation: 'upload' }),
			'searchDriveFolders',
		);

		assert.deepEqual(
			results.map((entry) => [entry.name, entry.value]),
			[
				['Анна Смирнова /', '10'],
				['Общий диск /', '20'],
				['Общий диск / Договоры', '21'],
				['Общий диск / Записи звонков', '22'],
			],
		);
		assert.deepEqual(methodsCalled(b24), ['disk.storage.getlist', 'batch']);
	});

	test('the folder picker pages through every storage, 50 at a time', async () => {
		for (let index = 0; index < 60; index++) {
			b24.simulator.portal.work.storages.push({
				ID: String(100 + index),
				NAME: `Сотрудник ${index}`,
				CODE: null,
				MODULE_ID: 'disk',
				ENTITY_TYPE: 'user',
				ENTITY_ID: String(100 + index),
				ROOT_OBJECT_ID: String(1000 + index),
			});
		}
		const node = b24.node({ resource: 'driveFile', operation: 'upload' });

		const first = await b24.harness.listSearch(node, 'searchDriveFolders');
		const second = await b24.harness.listSearch(
			node,
			'searchDriveFolders',
			undefined,
			first.paginationToken as string,
		);

		const roots = [...first.results, ...second.results].filter((entry) =>
			entry.name.endsWith(' /'),
		);
		assert.equal(roots.length, 62, 'every storage root, the last ones on the second page');
		assert.equal(second.paginationToken, undefined);
	});

	test('a download link on another address than the portal is not fetched: the credential stays on the portal', async () => {
		const seen: string[] = [];
		const elsewhere = createServer((request, response) => {
			seen.push(`elsewhere ${request.url}`);
			response.end('leaked');
		});
		await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
		const elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
		const portal = createServer((request, response) => {
			seen.push(`portal ${request.url}`);
			response.setHeader('content-type', 'application/json');
			response.end(
				JSON.stringify({
					result: {
						result: {
							item0: {
								ID: '5',
								NAME: 'x.pdf',
								DOWNLOAD_URL: `${elsewhereUrl}/rest/download.json?auth=secretaccesskey1&token=t`,
							},
						},
						result_error: [],
					},
				}),
			);
		});
		await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
		const portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
		try {
			const credential = b24.harness.addCredential('bitrix24WebhookApi', {
				secretWebhookUrl: `${portalUrl}/rest/1/portalsecret1/`,
			});
			const result = await b24.harness.runNode(
				{
					...b24.node({ resource: 'driveFile', operation: 'download', fileId: '5' }),
					credentials: { bitrix24WebhookApi: credential },
				},
				[{}],
			);

			assert.match(String(result.error?.message), /download link on another address/);
			assert.doesNotMatch(JSON.stringify(result.error), /secretaccesskey1|portalsecret1/);
			assert.deepEqual(seen, ['portal /rest/1/portalsecret1/batch.json']);
		} finally {
			portal.close();
			elsewhere.close();
		}
	});
});
