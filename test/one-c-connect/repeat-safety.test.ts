import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resourceSpecs } from '../../nodes/OneCConnect/actions/resources';
import { respond, sequence } from '../support/hostile-server';
import { operationOf, replyXml, resultEnvelope, useHostileOneC } from './hostile-fixture';

const operations = resourceSpecs.flatMap((resource) => resource.operations);

describe('1C-Connect: which operations may be sent again', () => {
	test('every operation declares it; reads may, Add/Edit/Delete batches may not', () => {
		for (const spec of operations) {
			assert.ok(spec.effect === 'read' || spec.effect === 'write', spec.soap);
			if (spec.kind === 'read') assert.equal(spec.effect, 'read', spec.soap);
			if (spec.kind === 'batch') assert.equal(spec.effect, 'write', spec.soap);
		}
	});

	test('of the single calls, only ITS status and file download only read', () => {
		assert.deepEqual(
			operations
				.filter((spec) => spec.kind === 'call' && spec.effect === 'read')
				.map((spec) => spec.soap)
				.sort(),
			['ClientITSStatus', 'ServiceRequestDownloadFile'],
		);
	});

	const oneC = useHostileOneC();
	const gateway = respond(502, '<html>Bad Gateway</html>', { 'Content-Type': 'text/html' });
	const nilResult = (operation: string) =>
		replyXml(200, resultEnvelope(operation, '<Value xsi:nil="true"/>'));

	test('a single-call write (Send Notification) answered 502 is sent once', async () => {
		const server = await oneC.serve(sequence(gateway, nilResult('PartnerNotificationAdd')));

		const result = await oneC.run(server, {
			resource: 'notification',
			operation: 'send',
			text: 'Плановые работы в 22:00',
		});

		assert.equal(server.count, 1);
		assert.equal(operationOf(server.requests[0].body), 'PartnerNotificationAdd');
		assert.match(String(result.error?.description), /may have made this change/);
	});

	test('Custom Operation is sent again only when marked Read Only', async () => {
		const write = await oneC.serve(sequence(gateway, nilResult('ClientSetClientManager')));
		const asWrite = await oneC.run(write, {
			resource: 'customOperation',
			operation: 'execute',
			operationName: 'ClientSetClientManager',
			readOnly: false,
		});
		assert.equal(write.count, 1);
		assert.match(String(asWrite.error?.description), /may have made this change/);

		const read = await oneC.serve(sequence(gateway, nilResult('RegionRead')));
		const asRead = await oneC.run(read, {
			resource: 'customOperation',
			operation: 'execute',
			operationName: 'RegionRead',
			readOnly: true,
		});
		assert.equal(read.count, 2);
		assert.equal(asRead.error, undefined);
	});
});
