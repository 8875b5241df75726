import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { storedFiles } from '../../sandbox/bitrix24/crm/field-storage';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, mapped, sentFields } from './crm-fixture';
import { bytesOf, methodsCalled, workRunner } from './work-fixture';

const ACT = randomBytes(3000);
const SCAN = randomBytes(5000);

const withFiles = (json: IDataObject = {}): INodeExecutionData => ({
	json,
	binary: {
		data: { data: ACT.toString('base64'), mimeType: 'application/pdf', fileName: 'act.pdf' },
		scan: { data: SCAN.toString('base64'), mimeType: 'image/png', fileName: 'scan.png' },
	},
});

const fileField = (title: string, isMultiple: boolean) => ({
	type: 'file',
	isRequired: false,
	isReadOnly: false,
	isImmutable: false,
	isMultiple,
	isDynamic: true,
	title,
});

describe('Bitrix24 files on CRM records and timeline comments', () => {
	const b24 = useBitrix24({ limit: { perSecond: 100, burst: 1000 } });
	const run = workRunner(b24);

	const contentOf = (value: unknown) => {
		const file = storedFiles.get(Number((value as IDataObject).id));
		return file && { name: file.name, content: file.content.toString('base64') };
	};

	test("a smart process item's file fields take [name, Base64] pairs; Get → Update keeps the files", async () => {
		const process = b24.simulator.portal.smartProcesses.type(1032);
		process.userFields.ufCrm5Act = { ...fileField('Акт', false), upperName: 'UF_CRM_5_ACT' };
		process.userFields.ufCrm5Photos = {
			...fileField('Фото', true),
			upperName: 'UF_CRM_5_PHOTOS',
		};
		const created = await run(
			'smartProcessItem',
			'create',
			{
				entityTypeId: 1032,
				fields: mapped({
					title: 'Доставка с актом',
					ufCrm5Act: 'data',
					ufCrm5Photos: '={{ ["data", "scan"] }}',
				}),
			},
			[withFiles()],
		);
		assert.equal(created.error, undefined, created.error?.description ?? created.error?.message);
		const wire = sentFields(b24, 'crm.item.add') ?? {};
		assert.deepEqual(wire.ufCrm5Act, ['act.pdf', ACT.toString('base64')], "the docs' pair");
		assert.deepEqual(wire.ufCrm5Photos, [
			['act.pdf', ACT.toString('base64')],
			['scan.png', SCAN.toString('base64')],
		]);
		const id = (created.items[0].json as { id: number }).id;
		const item = b24.simulator.portal.smartProcesses.item(process, id);
		assert.deepEqual(contentOf(item.ufCrm5Act), {
			name: 'act.pdf',
			content: ACT.toString('base64'),
		});
		assert.deepEqual((item.ufCrm5Photos as unknown[]).map(contentOf), [
			{ name: 'act.pdf', content: ACT.toString('base64') },
			{ name: 'scan.png', content: SCAN.toString('base64') },
		]);
		assert.deepEqual(b24.simulator.portal.smartProcesses.refused, []);

		const got = await run('smartProcessItem', 'get', { entityTypeId: 1032, recordId: byId(id) });
		const before = structuredClone(item);
		b24.simulator.clearRequests();
		const updated = await run(
			'smartProcessItem',
			'update',
			{
				entityTypeId: 1032,
				recordId: byId(id),
				fields: mapped({
					title: '={{ $json.title }}',
					ufCrm5Act: '={{ $json.ufCrm5Act }}',
					ufCrm5Photos: '={{ $json.ufCrm5Photos }}',
				}),
			},
			[got.items[0].json],
		);

		assert.equal(updated.error, undefined, updated.error?.description ?? updated.error?.message);
		const sent = sentFields(b24, 'crm.item.update') ?? {};
		assert.equal(sent.ufCrm5Act, undefined, 'the single file the item holds is not sent again');
		assert.deepEqual(
			sent.ufCrm5Photos,
			(before.ufCrm5Photos as IDataObject[]).map((file) => ({ id: String(file.id) })),
			'the multiple field names the files it keeps by ID (a file not named would be deleted)',
		);
		const after = b24.simulator.portal.smartProcesses.item(process, id);
		assert.deepEqual(after.ufCrm5Act, before.ufCrm5Act);
		assert.deepEqual(after.ufCrm5Photos, before.ufCrm5Photos);
		assert.deepEqual(b24.simulator.portal.smartProcesses.refused, []);
	});

	test('comments with files: one request per item, the files saved on Drive and downloaded with the same bytes', async () => {
		const input = [withFiles({ deal: 1 }), withFiles({ deal: 2 }), withFiles({ deal: 3 })];
		const created = await run(
			'timelineComment',
			'create',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				comment: '=Акт по сделке {{ $json.deal }}',
				attachFiles: '={{ $json.deal === 3 ? "scan" : "data, scan" }}',
			},
			input,
		);

		assert.equal(created.error, undefined, created.error?.description ?? created.error?.message);
		assert.deepEqual(methodsCalled(b24), [
			'crm.timeline.comment.add',
			'crm.timeline.comment.add',
			'crm.timeline.comment.add',
		]);
		assert.deepEqual(created.items[0].json.FILES, [
			{ name: 'act.pdf', size: ACT.length },
			{ name: 'scan.png', size: SCAN.length },
		]);
		assert.deepEqual(created.items[2].json.FILES, [{ name: 'scan.png', size: SCAN.length }]);

		const listed = await run('timelineComment', 'getAll', {
			ownerType: 'deal',
			ownerId: byId(1),
			returnAll: true,
		});
		const files = Object.values(listed.items[0].json.FILES as Record<string, IDataObject>);
		assert.deepEqual(
			files.map((file) => [file.name, file.size]),
			[
				['act.pdf', ACT.length],
				['scan.png', SCAN.length],
			],
		);

		const downloaded = await run('driveFile', 'download', { fileId: String(files[1].id) });
		assert.equal(downloaded.error, undefined);
		assert.ok(bytesOf(downloaded.items[0]).equals(SCAN), 'the bytes of the attached file');
		assert.equal(downloaded.items[0].binary?.data.fileName, 'scan.png');
	});

	test('comments without files still go 50 to a batch; a missing binary field fails its item before sending', async () => {
		const plainComments = await run(
			'timelineComment',
			'create',
			{ ownerType: 'deal', ownerId: byId(1), comment: 'Без файлов' },
			[{}, {}],
		);
		assert.equal(plainComments.error, undefined);
		assert.deepEqual(methodsCalled(b24), ['batch']);
		b24.simulator.clearRequests();

		const missing = await run(
			'timelineComment',
			'create',
			{ ownerType: 'deal', ownerId: byId(1), comment: 'С файлом', attachFiles: 'invoice' },
			[withFiles()],
		);
		assert.match(String(missing.error?.message), /item 0 has no binary field "invoice"/);
		assert.deepEqual(b24.restCalls(), []);
	});
});
