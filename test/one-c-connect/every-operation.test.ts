import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { parameterName } from '../../nodes/OneCConnect/actions/parameters/operation-properties';
import { resourceSpecs } from '../../nodes/OneCConnect/actions/resources';
import { PARTNER_OPERATIONS } from '../../sandbox/one-c-connect';
import type { OneCFixture } from './one-c-fixture';
import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
const FILE = {
	data: Buffer.from('Акт сверки').toString('base64'),
	mimeType: 'text/plain',
	fileName: 'акт.txt',
};

/** A value that the demo data accepts for each required 1C parameter. */
const VALUES: Record<string, string> = {
	ClientID: ROMASHKA,
	SpecialistID: 'spec-ivanov',
	ServiceID: 'line-1c',
	ServiceLineKindID: 'line-1c',
	UserID: 'user-anna',
	ServiceUserID: 'user-anna',
	DepartmentID: 'dep-support',
	ClientParameterID: 'xfafb2b5-8552-11e6-80e3-xx25904f970x',
	ClientDepartmentID: 'cdep-1',
	ServiceKindID: 'kind-consult',
	ServiceRequestTypeID: 'type-incident',
	ServiceRequestID: 'sr-1',
	AuthorID: 'spec-ivanov',
	RequestID: 'buy-1',
	Name: 'Тест',
	Text: 'Плановые работы в субботу',
	Message: 'Добрый день!',
	Value: 'ПРОФ',
	PeriodFrom: '2024-03-01T00:00:00',
	PeriodTo: '2024-03-05T00:00:00',
};

/** Where the demo data already holds the object a Create would make. */
const OVERRIDES: Record<string, INodeParameters> = {
	'competence:create': { specialistID: 'spec-petrov' },
	'userServiceLine:create': { serviceUserID: 'spec-petrov' },
};

async function seed(oneC: OneCFixture) {
	oneC.simulator.addObject('ClientDepartment', {
		ClientDepartmentID: 'cdep-1',
		ClientID: ROMASHKA,
		Name: 'Бухгалтерия',
	});
	oneC.simulator.addObject('Competence', {
		SpecialistID: 'spec-ivanov',
		ServiceID: 'line-1c',
		Priority: '3',
	});
	oneC.simulator.addObject('UserServiceLine', { ServiceUserID: 'user-anna', ServiceID: 'line-1c' });
	oneC.simulator.addObject('ServiceRequest', {
		ServiceRequestID: 'sr-1',
		ServiceLineKindID: 'line-1c',
		UserID: 'user-anna',
	});
}

/** IDs made by an earlier call: a message to edit, a file to download. */
async function prepare(oneC: OneCFixture, key: string): Promise<INodeParameters> {
	if (key.endsWith('Message') && !key.endsWith('sendMessage')) {
		const sent = await oneC.run('serviceRequest', 'sendMessage', {
			serviceRequestID: 'sr-1',
			authorID: 'spec-ivanov',
			message: 'Первое',
		});
		return { messageID: String(sent.items[0].json.MessageID) };
	}
	if (key.endsWith('deleteFile') || key.endsWith('downloadFile')) {
		const attached = await oneC.run(
			'serviceRequest',
			'attachFile',
			{ serviceRequestID: 'sr-1', authorID: 'spec-ivanov' },
			[{ $binary: { data: FILE } }],
		);
		return { fileID: String(attached.items[0].json.FileID) };
	}
	return {};
}

describe('1C-Connect: every operation of every resource against the simulator', () => {
	const oneC = useOneC();
	beforeEach(() => seed(oneC));

	const specs = resourceSpecs.flatMap((resource) =>
		resource.operations.map((spec) => ({ resource: resource.value, spec })),
	);

	test('the node covers the 87 known operations, each once', () => {
		const soapNames = specs.map(({ spec }) => spec.soap).sort();
		assert.equal(soapNames.length, 87);
		assert.deepEqual(soapNames, [...PARTNER_OPERATIONS].sort());
	});

	for (const { resource, spec } of specs) {
		const key = `${resource}:${spec.value}`;
		test(`${key} calls ${spec.soap} and succeeds`, async () => {
			const parameters: INodeParameters = { returnAll: true, ...(await prepare(oneC, key)) };
			for (const field of spec.fields.filter((each) => each.required)) {
				parameters[parameterName(field)] ??= VALUES[field.name];
			}
			Object.assign(parameters, OVERRIDES[key]);
			const input: IDataObject[] = spec.uploadsFile ? [{ $binary: { data: FILE } }] : [{}];
			oneC.simulator.clearRequests();

			const result = await oneC.run(resource, spec.value, parameters, input);

			assert.equal(result.error, undefined, result.error?.message);
			assert.deepEqual(oneC.operations(), [spec.soap]);
			const body = oneC.simulator.requests[0].body;
			if (spec.plainParameters) assert.doesNotMatch(body, /<m:Params/);
			else if (spec.kind === 'batch') assert.match(body, /xsi:type="v8:ValueTable"/);
			else assert.match(body, /xsi:type="v8:Structure"/);
			assert.ok(result.items.every((item) => item.json.error === undefined));
		});
	}
});

describe('1C-Connect: files', () => {
	const oneC = useOneC();
	beforeEach(() => seed(oneC));

	test('Get Colleagues Chat puts the base64 ZIP into binary data', async () => {
		const result = await oneC.run('history', 'getColleaguesChat', {
			periodFrom: '2024-03-01T00:00:00',
			periodTo: '2024-03-02T00:00:00',
		});

		assert.equal(result.error, undefined);
		const binary = result.items[0].binary?.data;
		assert.equal(binary?.fileName, 'colleagues-chat.zip');
		assert.equal(binary?.mimeType, 'application/zip');
		assert.equal(Buffer.from(String(binary?.data), 'base64').subarray(0, 2).toString(), 'PK');
		assert.equal(result.items[0].json.fileName, 'colleagues-chat.zip');
	});

	test('Attach File sends Name, MD5 Hash and base64 Data; Download File gives the same bytes back', async () => {
		const attached = await oneC.run(
			'serviceRequest',
			'attachFile',
			{ serviceRequestID: 'sr-1', authorID: 'spec-ivanov' },
			[{ $binary: { data: FILE } }],
		);
		assert.equal(attached.error, undefined);
		assert.match(
			oneC.simulator.requests[0].body,
			/<m:Name>акт\.txt<\/m:Name><m:Hash>[0-9a-f]{32}<\/m:Hash>/,
		);

		const downloaded = await oneC.run('serviceRequest', 'downloadFile', {
			fileID: String(attached.items[0].json.FileID),
		});
		const binary = downloaded.items[0].binary?.data;
		assert.equal(binary?.fileName, 'акт.txt');
		assert.equal(Buffer.from(String(binary?.data), 'base64').toString(), 'Акт сверки');
	});

	test('Get Messages reads back a sent message', async () => {
		await oneC.run('serviceRequest', 'sendMessage', {
			serviceRequestID: 'sr-1',
			authorID: 'spec-ivanov',
			message: 'Проверьте, пожалуйста <обмен> & выгрузку',
		});
		const messages = await oneC.run('serviceRequest', 'getMessages', {
			serviceRequestID: 'sr-1',
			returnAll: true,
		});
		assert.deepEqual(
			messages.items.map((item) => item.json.Message),
			['Проверьте, пожалуйста <обмен> & выгрузку'],
		);
	});
});
