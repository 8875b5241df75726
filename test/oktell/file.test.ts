import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, loadPackageNodes } from '../harness/package-loader';

import { jsonOf, useOktell } from './oktell-fixture';

const bytesOf = (item: INodeExecutionData, property = 'data') =>
	Buffer.from(String(item.binary?.[property]?.data), 'base64');

const binaryInput = (files: Record<string, { name: string; mime: string; bytes: Buffer }>) => ({
	json: {},
	binary: Object.fromEntries(
		Object.entries(files).map(([property, file]) => [
			property,
			{ data: file.bytes.toString('base64'), mimeType: file.mime, fileName: file.name },
		]),
	),
});

describe('Oktell: File', () => {
	const oktell = useOktell();
	const download = (parameters: Record<string, unknown>, input?: IDataObject[]) =>
		oktell.run(
			{ resource: 'file', operation: 'download', ...parameters } as INodeParameters,
			input,
		);

	test('Download gets a record, a fax and a voicemail by ID into binary data with name and MIME type', async () => {
		const record = await download({ source: 'record', fileId: 'ABC' });
		const fax = await download({ source: 'fax', fileId: 'ABC', binaryPropertyName: 'fax' });
		const voicemail = await download({ source: 'voicemail', fileId: '5' });

		assert.deepEqual(record.items[0].json, {
			fileName: 'rec-2024-001.wav',
			mimeType: 'audio/wav',
			fileSize: 36,
		});
		assert.equal(record.items[0].binary?.data.fileName, 'rec-2024-001.wav');
		assert.equal(bytesOf(record.items[0]).subarray(0, 4).toString(), 'RIFF');
		assert.equal(fax.items[0].binary?.fax.mimeType, 'image/tiff');
		assert.equal(voicemail.items[0].binary?.data.fileName, 'vm-5.wav');
		assert.deepEqual(oktell.sent(), [
			'/download/rec/ABC?attachment=1',
			'/download/fax/ABC?attachment=1',
			'/download/vm/5?attachment=1',
		]);
	});

	test('Download by path keeps a Cyrillic file name; by script downloads the path the script returns', async () => {
		const byPath = await download({ source: 'byPath', filePath: 'Отчёт.txt' });
		assert.equal(byPath.items[0].binary?.data.fileName, 'Отчёт.txt');
		assert.equal(bytesOf(byPath.items[0]).toString('utf8'), 'Отчёт за день');

		oktell.simulator.world.scripts.register({
			name: 'FindNote',
			returnValue: 'Temp\\UploadData\\note.txt',
		});
		const byScript = await download({
			source: 'byScript',
			scriptName: 'FindNote',
			scriptTimeout: 5,
		});
		assert.equal(bytesOf(byScript.items[0]).toString('utf8'), 'temporary note');
		assert.equal(
			oktell.sent()[1],
			'/download/byscript?name=FindNote&async=0&timeout=5&attachment=1',
		);
	});

	test('Source from an expression: records and faxes in one node, and n8n sees no missing required field', async () => {
		const parameters = {
			resource: 'file',
			operation: 'download',
			source: '={{ $json.kind }}',
			fileId: '={{ $json.id }}',
		};
		const node = loadPackageNodes().get(`${PACKAGE_NAME}.oktell`) as INodeType;
		const shown = {
			id: 'n',
			name: 'Oktell',
			type: `${PACKAGE_NAME}.oktell`,
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters,
		};
		// As the editor does: defaults filled in, then the required check on the fields shown.
		shown.parameters = NodeHelpers.getNodeParameters(
			node.description.properties,
			parameters,
			true,
			false,
			shown,
			node.description,
		) as typeof parameters;
		const issues = NodeHelpers.getNodeParametersIssues(
			node.description.properties,
			shown,
			node.description,
		);
		assert.equal(issues, null, JSON.stringify(issues));

		const mixed = await download({ ...parameters }, [
			{ kind: 'record', id: 'ABC' },
			{ kind: 'fax', id: 'ABC' },
		]);
		assert.equal(mixed.items.length, 2);
		assert.equal(mixed.items[1].binary?.data.mimeType, 'image/tiff');
		assert.deepEqual(oktell.sent(), [
			'/download/rec/ABC?attachment=1',
			'/download/fax/ABC?attachment=1',
		]);
	});

	test('an unknown source or an empty ID fails only its item, naming it', async () => {
		const result = await oktell.run(
			{
				resource: 'file',
				operation: 'download',
				source: '={{ $json.kind }}',
				fileId: '={{ $json.id }}',
			},
			[{ kind: 'record', id: 'ABC' }, { kind: 'tape', id: 'X' }, { kind: 'fax' }],
			true,
		);
		assert.equal(result.items[0].binary?.data.fileName, 'rec-2024-001.wav');
		assert.match(
			String(result.items[1].json.error),
			/"tape" is not a source Oktell can download from/,
		);
		assert.match(String(result.items[2].json.error), /fax ID is empty/);
		assert.deepEqual(oktell.sent(), ['/download/rec/ABC?attachment=1']);
	});

	test('Download Shared File and Download Record By Link', async () => {
		const shared = await oktell.run({
			resource: 'file',
			operation: 'downloadShared',
			sharedPath: '123.jpg',
		});
		assert.equal(shared.items[0].binary?.data.mimeType, 'image/jpeg');
		const byLink = await oktell.run({
			resource: 'file',
			operation: 'downloadRecordByLink',
			recordLink: 'ABCDEFGH',
		});
		assert.equal(byLink.items[0].binary?.data.fileName, 'rec-2024-001.wav');
		assert.deepEqual(oktell.sent(), [
			'/getsharedfile?path=123.jpg&attachment=1',
			'/downloadrecordbylink?recordlink=ABCDEFGH',
		]);
	});

	test('a missing file is a 404 error saying to check the path', async () => {
		const result = await oktell.run({
			resource: 'file',
			operation: 'downloadShared',
			sharedPath: 'nope.jpg',
		});
		assert.match(String(result.error?.message), /Oktell found nothing for "getsharedfile" \(404\)/);
	});

	test('binary round trip: upload two files in one multipart request, download them, bytes equal', async () => {
		const photo = randomBytes(5000);
		const note = Buffer.from('Заметка оператора', 'utf8');
		const uploaded = await oktell.runOnItems(
			{
				resource: 'file',
				operation: 'upload',
				binaryPropertyNames: 'photo, note',
				storageMode: 'storageshared',
				subfolder: 'MessageFiles',
			},
			[
				binaryInput({
					photo: { name: 'photo.jpg', mime: 'image/jpeg', bytes: photo },
					note: { name: 'заметка.txt', mime: 'text/plain', bytes: note },
				}),
			],
		);

		assert.equal(uploaded.error, undefined);
		assert.deepEqual(jsonOf(uploaded.items), [
			{
				name: 'photo.jpg',
				saved: true,
				size: 5000,
				path: 'LocalStorage\\Shared\\MessageFiles\\photo.jpg',
			},
			{
				name: 'заметка.txt',
				saved: true,
				size: note.length,
				path: 'LocalStorage\\Shared\\MessageFiles\\заметка.txt',
			},
		]);
		const [upload] = oktell.simulator.requests;
		assert.equal(upload.method, 'POST');
		assert.equal(
			upload.query,
			'storagemode=storageshared&pathmode=relative&subfolder=MessageFiles',
		);
		assert.match(upload.headers['content-type'], /^multipart\/form-data; boundary=/);
		// Each part carries what the vendor page asks of an upload.
		const partHeads = upload.body.match(/\r\n\r\n|Content-[\w-]+:/g) ?? [];
		assert.equal(partHeads.filter((head) => head === 'Content-Transfer-Encoding:').length, 2);
		assert.equal(partHeads.filter((head) => head === 'Content-Disposition:').length, 2);

		const back = await oktell.run(
			{ resource: 'file', operation: 'downloadShared', sharedPath: '={{ $json.path }}' },
			jsonOf(uploaded.items),
		);
		assert.ok(bytesOf(back.items[0]).equals(photo));
		assert.ok(bytesOf(back.items[1]).equals(note));
		assert.equal(back.items[1].binary?.data.fileName, 'заметка.txt');
	});

	test('upload to storage with absolute paths, then download by path', async () => {
		const bytes = randomBytes(64);
		const uploaded = await oktell.runOnItems(
			{ resource: 'file', operation: 'upload', storageMode: 'storage', pathMode: 'absolute' },
			[binaryInput({ data: { name: 'contract.pdf', mime: 'application/pdf', bytes } })],
		);
		assert.equal(uploaded.items[0].json.path, 'C:\\Oktell\\LocalStorage\\contract.pdf');
		const back = await download({
			source: 'byPath',
			filePath: 'C:\\Oktell\\LocalStorage\\contract.pdf',
		});
		assert.ok(bytesOf(back.items[0]).equals(bytes));
		assert.equal(back.items[0].binary?.data.mimeType, 'application/pdf');
	});

	test('upload in script mode returns the script result, with the saved files as its fifth parameter', async () => {
		const uploaded = await oktell.runOnItems(
			{ resource: 'file', operation: 'upload', storageMode: 'script', scriptName: 'Размещение' },
			[binaryInput({ data: { name: 'a.txt', mime: 'text/plain', bytes: Buffer.from('a') } })],
		);
		assert.equal(uploaded.items[0].json.started, true);
		assert.match(
			String(uploaded.items[0].json.returnValue),
			/^placed: <uploadfilesresult count="1">/,
		);
	});

	test('Raw Output keeps the <uploadfilesresult> XML', async () => {
		const uploaded = await oktell.runOnItems(
			{ resource: 'file', operation: 'upload', rawOutput: true },
			[binaryInput({ data: { name: 'a.txt', mime: 'text/plain', bytes: Buffer.from('a') } })],
		);
		assert.match(
			String(uploaded.items[0].json.xml),
			/<uploadfilesresult count="1">\r\n {2}<file name="a.txt" saved="1" size="1" path="Temp\\UploadData\\a.txt"\/>/,
		);
	});

	test('a missing binary field fails that item, naming the fields it has', async () => {
		const result = await oktell.runOnItems(
			{ resource: 'file', operation: 'upload', binaryPropertyNames: 'file' },
			[binaryInput({ data: { name: 'a.txt', mime: 'text/plain', bytes: Buffer.from('a') } })],
		);
		assert.equal(result.error?.message, 'No binary field "file" in item 0');
		assert.equal(result.error?.description, 'Its binary fields are: data.');
		assert.deepEqual(oktell.sent(), []);
	});
});
