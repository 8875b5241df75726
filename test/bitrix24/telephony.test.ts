import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import { ONE_REQUEST_BYTES } from '../../nodes/Bitrix24/actions/parameters/binary-input';
import { useOktell } from '../oktell/oktell-fixture';
import { useBitrix24 } from './bitrix24-fixture';
import {
	batchedCommands,
	binaryItem,
	byId,
	bytesOf,
	methodsCalled,
	workRunner,
} from './work-fixture';

describe('Bitrix24 Telephony', () => {
	const b24 = useBitrix24();
	const oktell = useOktell();
	const run = workRunner(b24);
	const app = { auth: 'oAuth2' as const };

	test('Register Call finds the contact by number; 60 calls go in ⌈60/50⌉ = 2 batch requests', async () => {
		const input = Array.from({ length: 60 }, (_, index) => ({ ext: `okt-${index}` }));
		const result = await run(
			'telephony',
			'registerCall',
			{
				userId: byId(15),
				phoneNumber: '+7 (999) 123-45-67',
				direction: 2,
				callOptions: { externalCallId: '={{ $json.ext }}' },
			},
			input,
			app,
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 60);
		assert.match(String(result.items[0].json.CALL_ID), /^externalCall\./);
		assert.equal(result.items[0].json.CRM_ENTITY_TYPE, 'CONTACT');
		assert.equal(result.items[0].json.CRM_ENTITY_ID, 1);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch']);
	});

	test('Start Time from an n8n date or from text arrives as Bitrix24 takes a date and time', async () => {
		const result = await run(
			'telephony',
			'registerCall',
			{
				userId: byId(15),
				phoneNumber: '+7 (999) 123-45-67',
				callOptions: {
					startTime:
						'={{ $json.zone ? DateTime.fromISO($json.start, { zone: $json.zone }) : $json.start }}',
				},
			},
			[
				{ start: '2026-12-07T10:30:00', zone: 'Asia/Yekaterinburg' },
				{ start: '2026-12-07T10:30:00+03:00' },
			],
			app,
		);

		assert.equal(result.error, undefined);
		const sent = b24
			.restCalls()
			.filter((request) => request.path.endsWith('/batch.json'))
			.flatMap((request) =>
				Object.values((JSON.parse(request.body) as { cmd: Record<string, string> }).cmd),
			)
			.map((command) => new URLSearchParams(command.split('?')[1]).get('CALL_START_DATE'));
		assert.deepEqual(sent, ['2026-12-07T10:30:00+05:00', '2026-12-07T10:30:00+03:00']);
	});

	test('an unknown number gets a lead when Create CRM Record is on', async () => {
		const result = await run(
			'telephony',
			'registerCall',
			{ userId: byId(1), phoneNumber: '+7 900 000-00-99', callOptions: { crmCreate: true } },
			[{}],
			app,
		);

		assert.equal(result.items[0].json.CRM_ENTITY_TYPE, 'LEAD');
		assert.equal(typeof result.items[0].json.CRM_CREATED_LEAD, 'number');
	});

	test('Register and Finish Call with a webhook fail before sending: Bitrix24 logs calls only for apps', async () => {
		const result = await run('telephony', 'registerCall', { userId: byId(1), phoneNumber: '1' });

		assert.match(String(result.error?.message), /needs a Bitrix24 OAuth2 app/);
		assert.equal(b24.restCalls().length, 0);
	});

	test('Find CRM Records answers the records per number, batched', async () => {
		const result = await run('telephony', 'findCrmRecords', { phoneNumber: '={{ $json.phone }}' }, [
			{ phone: '+7 495 100-00-01' },
			{ phone: '+7 000' },
		]);

		assert.equal(result.items[0].json.found, 1);
		assert.equal((result.items[0].json.records as Array<{ NAME: string }>)[0].NAME, 'ООО «Вектор»');
		assert.equal(result.items[1].json.found, 0);
		assert.deepEqual(methodsCalled(b24), ['batch']);
	});

	test('Attach Record refuses a name that is not .mp3 or .wav before sending', async () => {
		const result = await run(
			'telephony',
			'attachRecord',
			{ callId: 'externalCall.x' },
			[binaryItem('call.ogg', Buffer.from('x'))],
			app,
		);

		assert.match(String(result.error?.message), /takes only \.mp3 and \.wav/);
		assert.equal(b24.restCalls().length, 0);
	});

	test('a recording over 10 MB goes in two steps: an upload address for the call, then the file streamed to it', async () => {
		const registered = await run(
			'telephony',
			'registerCall',
			{ userId: byId(27), phoneNumber: '+7 912 000-11-22', direction: 2 },
			[{}],
			app,
		);
		const callId = String(registered.items[0].json.CALL_ID);
		await run('telephony', 'finishCall', { callId, userId: byId(27), duration: 3600 }, [{}], app);
		b24.simulator.clearRequests();
		const wav = randomBytes(ONE_REQUEST_BYTES + 44);

		const attached = await run(
			'telephony',
			'attachRecord',
			{ callId },
			[binaryItem('long-call.wav', wav, 'audio/wav')],
			app,
		);

		assert.equal(attached.error, undefined, attached.error?.message);
		assert.deepEqual(methodsCalled(b24), ['telephony.externalcall.attachrecord', 'upload']);
		assert.deepEqual(JSON.parse(b24.restCalls()[0].body), {
			CALL_ID: callId,
			FILENAME: 'long-call.wav',
		});
		const call = b24.simulator.portal.work.calls.find((candidate) => candidate.CALL_ID === callId);
		assert.ok(call?.record?.content.equals(wav), 'the same bytes are attached');
		assert.equal(attached.items[0].json.fileId, call?.record?.fileId);
		assert.equal(attached.items[0].json.fileSize, wav.length);
	});

	test('the telephony example: Oktell call start → Register Call; call end → Finish Call, record from Oktell → Attach Record', async () => {
		// What the Oktell service script posts to the n8n Webhook on call start.
		const started = {
			event: 'start',
			phone: '+7 912 000-11-22',
			bitrixUserId: 27,
			oktellCallId: 'c-1',
		};
		const registered = await run(
			'telephony',
			'registerCall',
			{
				userId: '={{ { __rl: true, mode: "id", value: String($json.bitrixUserId) } }}',
				phoneNumber: '={{ $json.phone }}',
				direction: 2,
				callOptions: { externalCallId: '={{ $json.oktellCallId }}' },
			},
			[started],
			app,
		);
		assert.equal(registered.error, undefined);
		const callId = String(registered.items[0].json.CALL_ID);

		// On call end the script posts the Call ID it was answered, the length and the record's ID.
		const ended = { event: 'end', callId, bitrixUserId: 27, duration: 95, recordId: 'ABC' };
		const finished = await run(
			'telephony',
			'finishCall',
			{
				callId: '={{ $json.callId }}',
				userId: '={{ { __rl: true, mode: "id", value: String($json.bitrixUserId) } }}',
				duration: '={{ $json.duration }}',
			},
			[ended],
			app,
		);
		const record = await oktell.run({
			resource: 'file',
			operation: 'download',
			source: 'record',
			fileId: ended.recordId,
		});
		const attached = await run(
			'telephony',
			'attachRecord',
			{ callId },
			[{ ...record.items[0], json: { ...record.items[0].json, ...ended } }],
			app,
		);

		assert.equal(finished.error, undefined);
		assert.equal(finished.items[0].json.CALL_DURATION, 95);
		assert.equal(finished.items[0].json.CALL_FAILED_CODE, '200');
		assert.equal(finished.items[0].json.CRM_ENTITY_TYPE, 'CONTACT');
		assert.equal(attached.error, undefined);
		const call = b24.simulator.portal.work.calls.find((candidate) => candidate.CALL_ID === callId);
		assert.equal(call?.record?.name, 'rec-2024-001.wav');
		assert.ok(call?.record?.content.equals(bytesOf(record.items[0])));
		assert.equal(attached.items[0].json.fileId, call?.record?.fileId);
		// register and finish: one batch each; the record: one request.
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch', 'telephony.externalcall.attachrecord']);
		assert.deepEqual(batchedCommands(b24), [
			'telephony.externalcall.register',
			'telephony.externalcall.finish',
		]);
	});
});
