import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Behaviour } from '../support/hostile-server';
import { dripBody, respond, respondJson } from '../support/hostile-server';
import { USER_ID, timed, useHostileOktell, userStateXml, xmlReply } from './hostile-fixture';
import { parseMultipart } from './multipart-oracle';

const MAY_HAVE_APPLIED = /Oktell may have made this change before the failure/;

const utf16le = (text: string) =>
	Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const scriptReply = (property: string) =>
	`<oktellxmlmapper><data><property_set name="execsvcscript"><property_simple key="started" value="1"/><property_simple key="startresult" value="0"/>${property}</property_set></data></oktellxmlmapper>`;

describe('Oktell Trigger against a hostile server', () => {
	const oktell = useHostileOktell();

	test('a poll against a dripping body ends within a bound of its Timeout', async () => {
		const { poller } = await oktell.serve(dripBody(200, {}, 200));
		const trigger = poller({ event: 'callEntered', options: { timeout: 1 } });
		const { result, elapsed } = await timed(async () => await trigger.poll());
		assert.match(String(result.error?.message), /^Oktell did not answer within 1 s/);
		assert.ok(elapsed < 1_000 * 3 + 5_000, `took ${elapsed} ms`);
	});

	test('a null among the callers fails that poll clearly and reports no caller as left or entered', async () => {
		const caller = { chainid: 'c1', objectid: 'o1', callerid: '+7495', lenqueue: 3 };
		const queue = (calls: unknown[]) => [{ numprefix: '14', rulename: 'Sales', queue: calls }];
		const replies = [queue([caller]), queue([null]), queue([caller]), [null], queue([])];
		const { poller } = await oktell.serve((socket, request, index) =>
			respondJson(200, replies[index])(socket, request, index),
		);
		const trigger = poller({ event: 'callLeft' });

		assert.deepEqual((await trigger.poll()).items, [], 'the baseline');
		const broken = await trigger.poll();
		assert.match(
			String(broken.error?.message),
			/^Oktell answered gettotalqueueinfo \(the callers of queue 14\) with something other than a list of objects: "\[\{"numprefix":"14"/,
		);
		assert.deepEqual(broken.items, []);
		assert.deepEqual((await trigger.poll()).items, [], 'the caller is still there');
		assert.match(String((await trigger.poll()).error?.message), /a list of objects: "\[null\]"/);
		const left = await trigger.poll();
		assert.deepEqual(
			left.items.map((item) => [item.json.event, item.json.callerid]),
			[['callLeft', '+7495']],
		);
	});
});

describe('Oktell Upload against a server that reads the parts', () => {
	const oktell = useHostileOktell();
	const saved = xmlReply(
		'<uploadfilesresult><file name="x" saved="1" size="1" path="Temp\\x"/></uploadfilesresult>',
	);
	const upload = async (files: Record<string, { name: string; mime: string; bytes: Buffer }>) => {
		const { server, runOnItems } = await oktell.serve(saved);
		const result = await runOnItems(
			{ resource: 'file', operation: 'upload', binaryPropertyNames: Object.keys(files).join(',') },
			[
				{
					json: {},
					binary: Object.fromEntries(
						Object.entries(files).map(([field, file]) => [
							field,
							{ data: file.bytes.toString('base64'), mimeType: file.mime, fileName: file.name },
						]),
					),
				},
			],
		);
		assert.equal(result.error, undefined);
		assert.equal(server.count, 1);
		const [request] = server.requests;
		return {
			request,
			...(await parseMultipart(request.body, request.headers['content-type'])),
		};
	};

	test('a Cyrillic file name arrives whole in filename, and filename* is not sent', async () => {
		const bytes = Buffer.from('%PDF-1.4');
		const { parts, request } = await upload({
			data: { name: 'Договор №5.pdf', mime: 'application/pdf', bytes },
		});
		assert.deepEqual(parts, [
			{ field: 'file1', fileName: 'Договор №5.pdf', mimeType: 'application/pdf', bytes },
		]);
		assert.doesNotMatch(request.raw, /filename\*/);
	});

	test('a quote, CR or LF in a file name is percent-encoded; a path separator cannot reach another folder', async () => {
		const { parts, request } = await upload({
			data: { name: 'a"b\r\nc.txt', mime: 'text/plain', bytes: Buffer.from('1') },
			note: { name: '..\\..\\boot.ini', mime: 'text/plain', bytes: Buffer.from('2') },
		});
		assert.deepEqual(
			parts.map((part) => part.fileName),
			['a"b%0D%0Ac.txt', '.._.._boot.ini'],
		);
		const body = request.body.toString('utf8');
		assert.match(body, /filename="a%22b%0D%0Ac.txt"/);
	});

	test('a MIME type holding CR/LF cannot inject a part: it is sent as application/octet-stream', async () => {
		const injected = 'text/plain\r\nContent-Disposition: form-data; name="evil"\r\nX-Injected: 1';
		const { parts, fields, request } = await upload({
			data: { name: 'a.txt', mime: injected, bytes: Buffer.from('a') },
			note: { name: 'b.txt', mime: 'text/plain; charset=utf-8', bytes: Buffer.from('b') },
		});
		assert.deepEqual(
			parts.map((part) => [part.field, part.mimeType]),
			[
				['file1', 'application/octet-stream'],
				['file2', 'text/plain; charset=utf-8'],
			],
		);
		assert.deepEqual(fields, {});
		assert.doesNotMatch(request.raw, /X-Injected|name="evil"/);
	});
});

describe('Oktell XML and text replies against a hostile server', () => {
	const oktell = useHostileOktell();
	const execute = async (behaviour: Behaviour) => {
		const { run } = await oktell.serve(behaviour);
		return await run({ resource: 'serviceScript', operation: 'execute', scriptName: 'S' });
	};

	test('numeric character references are decoded', async () => {
		const result = await execute(
			xmlReply(scriptReply('<property_simple key="returnvalue" value="&#x41;&#xD;&#xA;&#66;"/>')),
		);
		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.returnValue, 'A\r\nB');
	});

	test('a script returning an HTML page in CDATA is read; a real DOCTYPE is refused', async () => {
		const html = '<!DOCTYPE html><html><body>&#x41;</body></html>';
		const page = await execute(
			xmlReply(
				scriptReply(`<property_cdata key="returnvalue"><![CDATA[${html}]]></property_cdata>`),
			),
		);
		assert.equal(page.error, undefined);
		assert.equal(page.items[0].json.returnValue, html);

		const declared = await execute(
			xmlReply(`<!DOCTYPE oktellxmlmapper [<!ENTITY e "x">]>${scriptReply('')}`),
		);
		assert.match(
			String(declared.error?.message),
			/^Oktell sent XML with a DOCTYPE or entity declaration, which is refused for safety/,
		);
	});

	test('UTF-16 with a byte-order mark is read; cut to an odd length it is a clear error', async () => {
		const whole = utf16le(userStateXml('2', 'usLunch'));
		const { getState } = await oktell.serve(respond(200, whole));
		assert.deepEqual((await getState()).items[0].json, {
			id: USER_ID,
			state: 2,
			stateName: 'usLunch',
		});

		const cut = await oktell.serve(respond(200, whole.subarray(0, -1)));
		const result = await cut.getState();
		assert.match(
			String(result.error?.message),
			/^Oktell sent a reply marked as UTF-16LE that is not valid UTF-16LE \(an odd number of bytes\): "<\?xml/,
		);
	});

	test('a call command answered 200 with broken UTF-16 says it may have run', async () => {
		const lone = Buffer.concat([utf16le('ok'), Buffer.from([0x00, 0xd8])]);
		const { server, hangUp } = await oktell.serve(respond(200, lone));
		const result = await hangUp();
		assert.match(String(result.error?.message), /not valid UTF-16LE \(a broken surrogate pair\)/);
		assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		assert.equal(server.count, 1);
	});
});
