import { afterEach } from 'node:test';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import { respond, startHostileServer } from '../support/hostile-server';

/**
 * 1C-Connect replies written out by hand, byte for byte as the sandbox simulator sends them, so
 * that no node code builds what the node is tested against.
 */
export const SERVICE_PATH = '/cus/ws/PartnerWebAPI2';
export const LOGIN = 'partner-login';
/** A space, `/`, `+`, `&` and a non-ASCII letter: each has its own URL, form and XML form. */
export const PASSWORD = ['S3cret pass/+&', 'ü', '-1c-7f3a'].join('');
export const BASIC = Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64');
/** Room for a machine twice as slow as this one. */
export const SLACK_MS = 5_000;

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };
const CORE = 'xmlns="http://v8.1c.ru/8.1/data/core"';

export function envelope(body: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** `<OperationResponse><return>` holding ResultCode and the given ResultData `<Value>`. */
export function resultEnvelope(operation: string, resultData: string, resultCode = 'SUCCESS') {
	return envelope(
		`<m:${operation}Response xmlns:m="http://buhphone.com/PartnerWebAPI2"><m:return xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<Property ${CORE} name="ResultCode"><Value xsi:type="xs:string">${resultCode}</Value></Property>` +
			`<Property ${CORE} name="ResultData">${resultData}</Property>` +
			`</m:return></m:${operation}Response>`,
	);
}

const STRING_COLUMN = (name: string) =>
	`<column><Name>${name}</Name><ValueType><Type>xs:string</Type><StringQualifiers><Length>0</Length><AllowedLength>Variable</AllowedLength></StringQualifiers></ValueType></column>`;
const text = (value: string) => `<Value xsi:type="xs:string">${value}</Value>`;

/** ClientRead's ValueTable of [ClientID, Name] rows. */
export function clientReadBody(...clients: Array<[string, string]>): string {
	const rows = clients.map(([id, name]) => `<row>${text(id)}${text(name)}</row>`).join('');
	return resultEnvelope(
		'ClientRead',
		`<Value xsi:type="ValueTable">${STRING_COLUMN('ClientID')}${STRING_COLUMN('Name')}${rows}</Value>`,
	);
}

/** A batch reply: one ResultCode/ResultData row per row sent; `null` rows carry no ResultData. */
export function batchBody(operation: string, ...clientIds: Array<string | null>): string {
	const rows = clientIds
		.map(
			(id) =>
				`<row>${text('SUCCESS')}${
					id === null
						? '<Value xsi:nil="true"/>'
						: `<Value xsi:type="Structure"><Property ${CORE} name="ClientID">${text(id)}</Property></Value>`
				}</row>`,
		)
		.join('');
	return resultEnvelope(
		operation,
		`<Value xsi:type="ValueTable">${STRING_COLUMN('ResultCode')}<column><Name>ResultData</Name><ValueType/></column>${rows}</Value>`,
	);
}

export function soapFaultBody(code: string, message: string): string {
	return envelope(
		`<soap:Fault><faultcode>${code}</faultcode><faultstring>${message}</faultstring></soap:Fault>`,
	);
}

export const replyXml = (status: number, body: string): Behaviour => respond(status, body, XML);

export const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
export const readOk = replyXml(200, clientReadBody([ROMASHKA, 'ООО «Ромашка»']));
export const addOk = (...ids: string[]) => replyXml(200, batchBody('ClientAdd', ...ids));

/** Hostile servers closed after each test, and the node run against them through the harness. */
export function useHostileOneC() {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});

	const credentialFor = (server: HostileServer) =>
		harness.addCredential('oneCConnectApi', {
			region: 'custom',
			customUrl: `${server.url}${SERVICE_PATH}`,
			login: LOGIN,
			password: PASSWORD,
		});

	const run = async (
		server: HostileServer,
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
		continueOnFail = false,
	) => {
		const started = Date.now();
		const result = await harness.runNode(
			{
				type: 'oneCConnect',
				parameters,
				credentials: { oneCConnectApi: credentialFor(server) },
				continueOnFail,
			},
			input,
		);
		return { ...result, elapsedMs: Date.now() - started };
	};

	return {
		harness,
		credentialFor,
		serve: async (behaviour: Behaviour) => {
			const server = await startHostileServer(behaviour);
			servers.push(server);
			return server;
		},
		/** Client → Create: one ClientAdd call carrying every item as a row (a write). */
		create: async (
			server: HostileServer,
			options: INodeParameters = {},
			input: IDataObject[] = [{}],
			continueOnFail = false,
		) =>
			await run(
				server,
				{ resource: 'client', operation: 'create', name: 'ООО «Новый клиент»', options },
				input,
				continueOnFail,
			),
		/** Client → Get Many: one ClientRead call per item (a read). */
		read: async (
			server: HostileServer,
			options: INodeParameters = {},
			input: IDataObject[] = [{}],
			continueOnFail = false,
		) =>
			await run(
				server,
				{ resource: 'client', operation: 'getMany', returnAll: true, options },
				input,
				continueOnFail,
			),
		run,
	};
}

/** The error of a run: the one it stopped with, or the one Continue On Fail kept on item `index`. */
export function failureOf(
	result: { error?: { message: string; description?: string | null }; items: INodeExecutionData[] },
	index = 0,
): { message: string; description: string } {
	const error = result.error ?? result.items[index]?.error;
	return { message: String(error?.message), description: String(error?.description) };
}

/** The SOAP operation a hostile server received. */
export function operationOf(body: Buffer): string | undefined {
	return /<m:(\w+) xmlns:m=/.exec(body.toString('utf8'))?.[1];
}
