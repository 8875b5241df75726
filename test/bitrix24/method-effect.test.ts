import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { methodReads } from '../../nodes/Bitrix24/helpers/method-effect';

describe('Bitrix24 method effect from its name', () => {
	test('methods named .get, .list, .fields, .getFields or .getList read', () => {
		for (const method of [
			'crm.deal.get',
			'crm.lead.list',
			'crm.item.fields',
			'catalog.catalog.getFields',
			'landing.repo.getList',
			'CRM.DEAL.LIST',
		]) {
			assert.equal(methodReads(method), true, method);
		}
	});

	test('every other name may change something, and so do the two documented readers that write', () => {
		for (const method of [
			'crm.deal.add',
			'crm.deal.update',
			'crm.deal.delete',
			'batch',
			'profile',
			'disk.file.getExternalLink',
			'event.offline.get',
			'im.notify.read.list',
		]) {
			assert.equal(methodReads(method), false, method);
		}
	});
});
