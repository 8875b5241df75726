import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';

import { OKTELL_DEMO_CREDENTIALS } from './demo-data';
import { createOktellSimulator } from './oktell-simulator';

const AUTH = {
	Authorization: `Basic ${Buffer.from(`${OKTELL_DEMO_CREDENTIALS.login}:${OKTELL_DEMO_CREDENTIALS.password}`).toString('base64')}`,
};

describe('Oktell simulator', () => {
	const simulator = createOktellSimulator();
	let baseUrl: string;
	const get = (path: string, headers: Record<string, string> = AUTH) =>
		fetch(`${baseUrl}${path}`, { headers });
	const control = (path: string, method: string, body?: unknown) =>
		fetch(`${baseUrl}/__control/oktell${path}`, {
			method,
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('Web-API commands without a valid Basic login answer 403 Forbidden', async () => {
		for (const headers of [
			{} as Record<string, string>,
			{ Authorization: 'Basic ' + Buffer.from('api:wrong').toString('base64') },
		]) {
			const res = await get('/getversion', headers);
			assert.equal(res.status, 403);
			assert.equal(await res.text(), '403 Forbidden');
		}
		assert.equal((await get('/getversion')).status, 200);
	});

	test('getsharedfile and getavatar need no login, as Oktell documents', async () => {
		assert.equal((await get('/getsharedfile?path=123.jpg', {})).status, 200);
		assert.equal(
			(await get('/getavatar?userid=da803f01-ea77-40fa-bc9d-e2efb36fd5a8', {})).status,
			200,
		);
		assert.equal(
			(await get('/getsharedfile?path=%D0%9E%D1%82%D1%87%D1%91%D1%82.txt', {})).status,
			404,
			'storage is not shared',
		);
	});

	test('XML is UTF-16LE with a BOM by default, or UTF-8 under the same utf-16 declaration when switched', async () => {
		const utf16 = Buffer.from(await (await get('/getversion')).arrayBuffer());
		assert.deepEqual([...utf16.subarray(0, 2)], [0xff, 0xfe]);
		assert.match(
			utf16.subarray(2).toString('utf16le'),
			/^<\?xml version="1.0" encoding="utf-16"\?>/,
		);

		assert.equal((await control('/encoding', 'POST', { encoding: 'utf-8' })).status, 200);
		const utf8 = Buffer.from(await (await get('/getversion')).arrayBuffer());
		assert.match(utf8.toString('utf8'), /^<\?xml version="1.0" encoding="utf-16"\?>/);
		assert.match(utf8.toString('utf8'), /Версия программы/);
		assert.equal((await control('/encoding', 'POST', { encoding: 'latin1' })).status, 400);
	});

	test('the vendor examples are the defaults: execsvcscript, tst_getuserstate, the queue, the chain', async () => {
		const script = Buffer.from(
			await (await get('/execsvcscript?name=SvcScript1&async=0&timeout=10')).arrayBuffer(),
		);
		assert.match(
			script.toString('utf16le'),
			/<property_simple key="returnvalue" name="abcdef" \/>/,
		);
		const state = Buffer.from(
			await (
				await get('/tst_getuserstate?iduser=DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8')
			).arrayBuffer(),
		);
		assert.match(
			state.toString('utf16le'),
			/<property_simple key="state" value="1" name="usReady" \/>/,
		);
		const queues = (await (await get('/gettotalqueueinfo')).json()) as Array<{
			queue: Array<{ chainid: string }>;
		}>;
		assert.equal(queues[0].queue[0].chainid, 'dd8466d8-7aa3-4df1-b1b7-b933a11da518');
		const chain = (await (await get('/wp_getchaincontent?user=Dima')).json()) as {
			chainid: string;
		};
		assert.equal(chain.chainid, 'c7b333a5-93b3-4277-8c60-9844d63a4732');
	});

	test('queue control: add a caller, watch lenqueue grow with the clock, remove it', async () => {
		const res = await control('/queues/14/calls', 'POST', { callerid: '555', waitedSeconds: 10 });
		assert.equal(res.status, 201);
		const added = (await res.json()) as { chainid: string; lenqueue: number };
		assert.ok(added.lenqueue >= 10 && added.lenqueue < 11);

		await control('/clock', 'POST', { advanceSeconds: 30 });
		const queues = (await (await get('/gettotalqueueinfo')).json()) as Array<{
			queue: Array<{ chainid: string; lenqueue: number }>;
		}>;
		const seen = queues[0].queue.find((call) => call.chainid === added.chainid);
		assert.ok(seen && seen.lenqueue >= 40);

		assert.equal((await control(`/queues/calls/${added.chainid}`, 'DELETE')).status, 204);
		assert.equal((await control(`/queues/calls/${added.chainid}`, 'DELETE')).status, 404);
	});

	test('wp_setuserstate answers 200 but ignores impossible moves, as documented', async () => {
		assert.equal((await get('/wp_setuserstate?user=Dima&userstateid=1')).status, 200);
		assert.equal(simulator.world.pbx.findUser('Dima')?.state, 5, 'not ready while on a call');
		await get('/wp_setuserstate?user=Dima&userstateid=2');
		assert.equal(
			simulator.world.pbx.findUser('Dima')?.state,
			5,
			'no break outside the call centre',
		);
		await get('/wp_setuserstate?user=ivanov&oncallcenter=0');
		await get('/wp_setuserstate?user=ivanov&onredirect=1');
		assert.equal(simulator.world.pbx.findUser('ivanov')?.redirect, true);
		assert.equal((await get('/wp_setuserstate?user=ghost&userstateid=1')).status, 404);
	});

	test('an external call rings until a control call connects it', async () => {
		assert.equal((await get('/wp_autocallstart?line=223&number=%2B74950000000')).status, 200);
		const call = simulator.state().calls.find((entry) => entry.remote === '+74950000000');
		assert.ok(call);
		assert.equal(call.direction, 'city');
		assert.equal((await control(`/calls/${call.chainId}/connect`, 'POST')).status, 200);
		assert.equal(
			simulator.state().lines.find((line) => line.number === '223')?.state,
			'lsCommutated',
		);
		assert.equal(
			(await get('/wp_autocallstart?line=223&number=227')).status,
			409,
			'the line is busy',
		);
	});

	test('a registered script answers with its return value; upload parses multipart', async () => {
		await control('/scripts', 'POST', { name: 'Hello', returnValue: 'Привет, {startparam1}' });
		const plain = await get('/execsvcscriptplain?name=Hello&startparam1=мир&async=0&timeout=5');
		assert.equal(await plain.text(), 'Привет, мир');

		const part = (headers: string[]) => ['--b1', ...headers, '', 'abc', '--b1--', ''].join('\r\n');
		const disposition = 'Content-Disposition: form-data; name="file1"; filename="a.txt"';
		const upload = (body: string) =>
			fetch(`${baseUrl}/upload?storagemode=storage&pathmode=absolute`, {
				method: 'POST',
				headers: { ...AUTH, 'Content-Type': 'multipart/form-data; boundary=b1' },
				body,
			});
		// A browser's form (no Content-Transfer-Encoding) is refused: the vendor page asks for it.
		const refused = await upload(part([disposition]));
		assert.equal(refused.status, 400);
		assert.match(await refused.text(), /must carry Content-Transfer-Encoding/);

		const saved = await upload(part([disposition, 'Content-Transfer-Encoding: binary']));
		const xml = Buffer.from(await saved.arrayBuffer())
			.subarray(2)
			.toString('utf16le');
		assert.match(
			xml,
			/<file name="a.txt" saved="1" size="3" path="C:\\Oktell\\LocalStorage\\a.txt"\/>/,
		);
	});

	test("control: a call record's size and SHA-256; an unknown record is 404", async () => {
		const found = await control('/records/ABC', 'GET');
		const missing = await control('/records/nope', 'GET');

		const record = (await found.json()) as { size: number; sha256: string; path: string };
		const bytes = simulator.world.files.byId(simulator.world.files.records, 'ABC')?.bytes;
		assert.equal(record.size, bytes?.length);
		assert.equal(record.sha256, createHash('sha256').update(bytes ?? '').digest('hex'));
		assert.match(record.path, /rec-2024-001\.wav$/);
		assert.equal(missing.status, 404);
	});
});
