import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, beforeEach, describe, test } from 'node:test';

import * as soap from 'soap';

import { resourceSpecs } from '../../nodes/OneCConnect/actions/resources';
import { PLAIN_OPERATIONS } from '../../sandbox/one-c-connect/operations';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	PARTNER_OPERATIONS,
} from '../../sandbox/one-c-connect';
import { useOneC } from './one-c-fixture';

/**
 * The `soap` package (an independent SOAP client) builds every request from our WSDL and reads
 * every reply; the simulator must answer each of the 87 operations with SUCCESS. Params are
 * written here by hand (not by the node's codec), as the vendor page's example writes them.
 */
const CLIENT = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
const OTHER_CLIENT = 'x74f2212-ed24-49b9-8bb1-xx5822033abx';
const PARAMETER = 'xfafb2b5-8552-11e6-80e3-xx25904f970x';
const FILE_BYTES = Buffer.from('отчёт за март');

type Scalar = string | { dateTime: string } | number | boolean;

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function typedValue(value: Scalar): string {
	if (typeof value === 'object')
		return `<v8:Value xsi:type="xs:dateTime">${value.dateTime}</v8:Value>`;
	const type =
		typeof value === 'number'
			? 'xs:decimal'
			: typeof value === 'boolean'
				? 'xs:boolean'
				: 'xs:string';
	return `<v8:Value xsi:type="${type}">${escape(String(value))}</v8:Value>`;
}

/** `Params` of type Structure in the service namespace, for the soap client's raw-XML argument. */
function structure(fields: Record<string, Scalar>): { $xml: string } {
	const properties = Object.entries(fields)
		.map(([name, value]) => `<v8:Property name="${name}">${typedValue(value)}</v8:Property>`)
		.join('');
	return {
		$xml:
			'<Params xmlns="http://buhphone.com/PartnerWebAPI2" xmlns:v8="http://v8.1c.ru/8.1/data/core" ' +
			'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
			`xsi:type="v8:Structure">${properties}</Params>`,
	};
}

interface Made {
	messageId: string;
	fileId: string;
}

/** What each operation is called with; plain-element operations get an object of strings. */
const CALLS: Record<string, (made: Made) => Record<string, unknown>> = {
	ClientAdd: () => structure({ Name: 'ООО «Тест» & партнёры' }),
	ClientEdit: () => structure({ ClientID: CLIENT, Phone: '+7 495 000-00-00' }),
	ClientDelete: () => structure({ ClientID: OTHER_CLIENT }),
	ClientRead: () => structure({ ChangedFrom: { dateTime: '2020-01-01T00:00:00' } }),
	ClientITSStatus: () => structure({ ClientID: CLIENT }),
	ClientSetClientManager: () => structure({ ClientID: CLIENT, SpecialistID: 'spec-ivanov' }),
	ClientSetServiceManager: () => structure({ ClientID: CLIENT, SpecialistID: 'spec-petrov' }),
	ClientAdditionalParameterAdd: () => structure({ Name: 'Отрасль' }),
	ClientAdditionalParameterEdit: () => structure({ ClientParameterID: PARAMETER, Name: 'Тариф 2' }),
	ClientAdditionalParameterDelete: () => structure({ ClientParameterID: PARAMETER }),
	ClientAdditionalParameterRead: () => structure({}),
	ClientAdditionalParameterValueEdit: () =>
		structure({ ClientParameterID: PARAMETER, ClientID: CLIENT, Value: 'ПРОФ', Color: 'RED' }),
	ClientAdditionalParameterValueRead: () => structure({ ClientID: CLIENT }),
	ClientDepartmentAdd: () => structure({ ClientID: CLIENT, Name: 'Бухгалтерия' }),
	ClientDepartmentEdit: () => structure({ ClientDepartmentID: 'cd-1', Name: 'Склад' }),
	ClientDepartmentDelete: () => structure({ ClientDepartmentID: 'cd-1' }),
	ClientDepartmentRead: () => structure({ ClientID: CLIENT }),
	ClientUserAdd: () => structure({ ClientID: CLIENT, Name: 'Олег' }),
	ClientUserEdit: () => structure({ UserID: 'user-anna', Post: 'Главбух' }),
	ClientUserDelete: () => structure({ UserID: 'user-anna' }),
	ClientUserRead: () => structure({}),
	ClientUserSendWelcomeEmail: () => structure({ UserID: 'user-anna' }),
	CompetenceAdd: () =>
		structure({ SpecialistID: 'spec-petrov', ServiceID: 'line-1c', Priority: 1 }),
	CompetenceEdit: () =>
		structure({ SpecialistID: 'spec-ivanov', ServiceID: 'line-1c', Priority: 2 }),
	CompetenceDelete: () => structure({ SpecialistID: 'spec-ivanov', ServiceID: 'line-1c' }),
	CompetenceRead: () => structure({}),
	DepartmentAdd: () => structure({ Name: 'Внедрение' }),
	DepartmentEdit: () => structure({ DepartmentID: 'dep-support', Name: 'Поддержка' }),
	DepartmentDelete: () => structure({ DepartmentID: 'dep-support' }),
	DepartmentRead: () => structure({}),
	SpecialistAdd: () => structure({ Name: 'Сергей', EMail: 'sergey@example.ru' }),
	SpecialistEdit: () => structure({ SpecialistID: 'spec-ivanov', Post: 'Руководитель' }),
	SpecialistDelete: () => structure({ SpecialistID: 'spec-petrov' }),
	SpecialistRead: () => structure({}),
	SpecialistSendWelcomeEmail: () => structure({ SpecialistID: 'spec-ivanov' }),
	ServiceLineKindAdd: () => structure({ Name: 'Линия ЗУП' }),
	ServiceLineKindEdit: () => structure({ ServiceID: 'line-1c', Description: 'Всё о 1С' }),
	ServiceLineKindDelete: () => structure({ ServiceID: 'line-1c' }),
	ServiceLineKindRead: () => structure({}),
	UserServiceLineAdd: () => structure({ ServiceUserID: 'spec-petrov', ServiceID: 'line-1c' }),
	UserServiceLineEdit: () =>
		structure({
			ServiceUserID: 'user-anna',
			ServiceID: 'line-1c',
			ExpiresDate: { dateTime: '2030-01-01T00:00:00' },
		}),
	UserServiceLineDelete: () => structure({ ServiceUserID: 'user-anna', ServiceID: 'line-1c' }),
	UserServiceLineRead: () => structure({}),
	ServiceKindAdd: () => structure({ Name: 'Обновление' }),
	ServiceKindEdit: () => structure({ ServiceKindID: 'kind-consult', Name: 'Консультации' }),
	ServiceKindDelete: () => structure({ ServiceKindID: 'kind-consult' }),
	ServiceKindRead: () => structure({}),
	ServiceRequestAdd: () =>
		structure({ ServiceLineKindID: 'line-1c', UserID: 'user-anna', Description: 'Не проводится' }),
	ServiceRequestEdit: () => structure({ ServiceRequestID: 'sr-1', Priority: 'HIGH' }),
	ServiceRequestRead: () => structure({ PeriodFrom: { dateTime: '2020-01-01T00:00:00' } }),
	ServiceRequestStatusRead: () => structure({}),
	ServiceRequestTypeRead: () => structure({}),
	ServiceRequestTypeAdd: () => structure({ Name: 'Вопрос' }),
	ServiceRequestTypeEdit: () =>
		structure({ ServiceRequestTypeID: 'type-incident', Name: 'Инцидент 2' }),
	ServiceRequestTypeDelete: () => structure({ ServiceRequestTypeID: 'type-incident' }),
	ServiceRequestChannelRead: () => structure({}),
	ServiceRequestFiles: () => ({ ServiceRequestID: 'sr-1' }),
	ServiceRequestMessages: () => ({ ServiceRequestID: 'sr-1' }),
	ServiceRequestSendTextMessage: () => ({
		ServiceRequestID: 'sr-1',
		AuthorID: 'spec-ivanov',
		Message: 'Добрый день <b>&</b>',
	}),
	ServiceRequestEditTextMessage: (made) => ({
		ServiceRequestID: 'sr-1',
		MessageID: made.messageId,
		Message: 'Исправлено',
	}),
	ServiceRequestDeleteTextMessage: (made) => ({
		ServiceRequestID: 'sr-1',
		MessageID: made.messageId,
	}),
	ServiceRequestAttachFile: () => ({
		ServiceRequestID: 'sr-1',
		AuthorID: 'spec-ivanov',
		Name: 'отчёт.txt',
		Hash: createHash('md5').update(FILE_BYTES).digest('hex'),
		Data: FILE_BYTES.toString('base64'),
	}),
	ServiceRequestDeleteFile: (made) => ({ FileID: made.fileId, AuthorID: 'spec-ivanov' }),
	ServiceRequestDownloadFile: (made) => ({ FileID: made.fileId }),
	ServiceRequestHistory: () => structure({ ServiceRequestID: 'sr-1' }),
	GetHistoryOfServiceCalls: () =>
		structure({
			PeriodFrom: { dateTime: '2024-03-01T00:00:00' },
			PeriodTo: { dateTime: '2024-03-02T00:00:00' },
		}),
	GetHistoryOfServiceCallsComments: () => structure({}),
	GetHistoryOfServiceChat: () => structure({ ServiceUserID: 'user-anna' }),
	GetHistoryOfServiceFileTransfer: () => structure({}),
	GetHistoryOfServiceRASessions: () => structure({}),
	GetHistoryOfServiceRASessionsComments: () => structure({}),
	GetHistoryOfServiceTreatments: () =>
		structure({
			OpenedFrom: { dateTime: '2024-02-28T00:00:00' },
			OpenedTo: { dateTime: '2024-03-28T00:00:00' },
		}),
	GetHistoryOfServiceTreatmentsComments: () => structure({}),
	GetHistoryOfSIPCalls: () => structure({}),
	GetHistoryOfAgentSessions: () => structure({}),
	GetHistoryOfColleaguesChat: () =>
		structure({
			PeriodFrom: { dateTime: '2024-03-01T00:00:00' },
			PeriodTo: { dateTime: '2024-03-02T00:00:00' },
			Specialist1ID: 'spec-ivanov',
			Specialist2ID: 'spec-petrov',
		}),
	GetOpenedServiceTreatments: () => structure({ ClientID: CLIENT }),
	GetClientUsageStatistics: () => structure({}),
	PartnerNotificationAdd: () => structure({ Text: 'Плановые работы в 22:00' }),
	RegionRead: () => structure({}),
	StartPictureRead: () => structure({}),
	StartPictureClicksHistoryRead: () => structure({}),
	StorefrontProductsRead: () => structure({}),
	StorefrontProductClicksHistoryRead: () => structure({}),
	StorefrontProductBuyRequestsGet: () => structure({}),
	StorefrontProductBuyRequestAccept: () => structure({ RequestID: 'buy-1' }),
	StorefrontProductBuyRequestRefuse: () => structure({ RequestID: 'buy-1' }),
};

interface SoapProperty {
	attributes: { name: string };
	Value: { $value?: string; Property?: SoapProperty | SoapProperty[] };
}

function propertiesOf(reply: unknown): Record<string, SoapProperty['Value']> {
	const properties = (reply as { return: { Property: SoapProperty[] } }).return.Property;
	return Object.fromEntries(
		properties.map((property) => [property.attributes.name, property.Value]),
	);
}

describe('the soap package calls every operation of the simulator through our WSDL', () => {
	const oneC = useOneC();
	let client: soap.Client;
	const made: Made = { messageId: '', fileId: '' };

	/** One call with the soap client: the reply's ResultCode and ResultData as it reads them. */
	async function call(operation: string, args: Record<string, unknown>) {
		const method = client[`${operation}Async`] as (args: unknown) => Promise<[unknown]>;
		const [reply] = await method(args);
		return propertiesOf(reply);
	}
	const idIn = (value: SoapProperty['Value'], name: string) => {
		const properties = [value.Property ?? []].flat();
		return String(properties.find((each) => each.attributes.name === name)?.Value.$value);
	};

	before(async () => {
		client = await soap.createClientAsync(`${oneC.serviceUrl}?wsdl`, {
			wsdl_headers: {
				Authorization: `Basic ${Buffer.from(`${ONE_C_DEMO_LOGIN}:${ONE_C_DEMO_PASSWORD}`).toString('base64')}`,
			},
		});
		client.setSecurity(new soap.BasicAuthSecurity(ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD));
	});

	beforeEach(async () => {
		oneC.simulator.addObject('ClientDepartment', {
			ClientDepartmentID: 'cd-1',
			ClientID: CLIENT,
			Name: 'Офис',
		});
		oneC.simulator.addObject('Competence', {
			SpecialistID: 'spec-ivanov',
			ServiceID: 'line-1c',
			Priority: '3',
		});
		oneC.simulator.addObject('UserServiceLine', {
			ServiceUserID: 'user-anna',
			ServiceID: 'line-1c',
		});
		oneC.simulator.addObject('ServiceRequest', {
			ServiceRequestID: 'sr-1',
			ServiceLineKindID: 'line-1c',
			UserID: 'user-anna',
			ClientID: CLIENT,
		});
		const message = await call(
			'ServiceRequestSendTextMessage',
			CALLS.ServiceRequestSendTextMessage(made),
		);
		made.messageId = idIn(message.ResultData, 'MessageID');
		const file = await call('ServiceRequestAttachFile', CALLS.ServiceRequestAttachFile(made));
		made.fileId = idIn(file.ResultData, 'FileID');
	});

	test('the table above covers exactly the operations of the WSDL', () => {
		const port = client.describe().PartnerWebAPI2.PartnerWebAPI2Soap as Record<string, unknown>;
		assert.deepEqual(Object.keys(port).sort(), [...PARTNER_OPERATIONS].sort());
		assert.deepEqual(Object.keys(CALLS).sort(), [...PARTNER_OPERATIONS].sort());
	});

	for (const operation of PARTNER_OPERATIONS) {
		test(`${operation}: SUCCESS, with its own SOAPAction`, async () => {
			const reply = await call(operation, CALLS[operation](made));

			assert.equal(reply.ResultCode.$value, 'SUCCESS', JSON.stringify(reply.ResultData));
			assert.equal(
				oneC.simulator.requests.at(-1)?.headers.soapaction,
				`"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:${operation}"`,
			);
		});
	}

	test('the plain elements arrive as written: the downloaded file is the attached one', async () => {
		const reply = await call('ServiceRequestDownloadFile', CALLS.ServiceRequestDownloadFile(made));
		assert.equal(idIn(reply.ResultData, 'fileData'), FILE_BYTES.toString('base64'));
		assert.equal(idIn(reply.ResultData, 'Name'), 'отчёт.txt');
	});
});

describe('the node sends plain elements exactly where the WSDL declares them', () => {
	test('its table marks the same operations as the simulator (from the vendor WSDL), with known element names', () => {
		const specs = resourceSpecs.flatMap((resource) => resource.operations);
		assert.deepEqual(
			specs
				.filter((spec) => spec.plainParameters)
				.map((spec) => spec.soap)
				.sort(),
			Object.keys(PLAIN_OPERATIONS).sort(),
		);
		for (const spec of specs.filter((each) => each.plainParameters)) {
			const declared = PLAIN_OPERATIONS[spec.soap];
			const sent = spec.fields.map((field) => field.name);
			const extra = spec.uploadsFile ? ['Name', 'Hash', 'Data'] : [];
			assert.deepEqual([...sent, ...extra].sort(), [...declared].sort(), spec.soap);
		}
	});
});
