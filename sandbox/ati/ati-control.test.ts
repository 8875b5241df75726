import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_CONTACTS, ATI_DEMO_TOKEN } from './demo-data';

describe('ATI simulator: contacts control', () => {
	const simulator = createAtiSimulator();
	let baseUrl: string;
	const contactsUrl = () => `${baseUrl}/__control/ati/contacts`;
	const setContacts = (body: unknown) =>
		fetch(contactsUrl(), { method: 'POST', body: JSON.stringify(body) });
	const readState = async (codeId: string) => {
		const res = await fetch(`${baseUrl}/presence/state/${codeId}/`, {
			headers: { Authorization: `Bearer ${ATI_DEMO_TOKEN}` },
		});
		return res.json();
	};

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('GET /__control/ati/contacts lists the demo contacts', async () => {
		assert.deepEqual(await (await fetch(contactsUrl())).json(), ATI_DEMO_CONTACTS);
	});

	test('a state set through the control route is what the Presence API answers', async () => {
		const res = await setContacts({ '123456.0': 'offline', '555.0': 'online' });
		assert.equal(res.status, 200);
		assert.equal(((await res.json()) as Record<string, string>)['555.0'], 'online');

		assert.deepEqual(await readState('123456.0'), { code_id: '123456.0', state: 'offline' });
		assert.deepEqual(await readState('555.0'), { code_id: '555.0', state: 'online' });
	});

	test('states outside online/offline pass through unchanged', async () => {
		simulator.setStates({ '123.0': 'away' });
		assert.equal(simulator.getState('123.0'), 'away');
		assert.deepEqual(await readState('123.0'), { code_id: '123.0', state: 'away' });
	});

	test('the control route refuses bad code_ids and states with 400 and changes nothing', async () => {
		for (const body of [
			{ abc: 'online' },
			{ '123.0': 5 },
			['123.0'],
			{ '1.0': 'online', x: 'y' },
		]) {
			const res = await setContacts(body);
			assert.equal(res.status, 400, JSON.stringify(body));
		}
		assert.deepEqual(simulator.contacts, ATI_DEMO_CONTACTS);
	});

	test('reset restores the initial contacts', async () => {
		simulator.setStates({ '123456.0': 'offline' });
		await fetch(`${baseUrl}/__control/reset`, { method: 'POST' });
		assert.equal(simulator.getState('123456.0'), 'online');
	});

	test('the contacts option replaces the demo contacts', () => {
		const custom = createAtiSimulator({ contacts: { '42.1': 'online' } });
		assert.deepEqual(custom.contacts, { '42.1': 'online' });
		assert.equal(custom.getState('123456.0'), 'offline');
	});

	test('control requests are neither logged nor rate limited', async () => {
		for (let i = 0; i < 15; i++) assert.equal((await fetch(contactsUrl())).status, 200);
		assert.deepEqual(simulator.requests, []);
	});
});
