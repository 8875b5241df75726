import type { SimResponse } from '../framework';
import type { SimValue } from './xml/xdto-values';
import { XDTO_CORE_NS, XSI_NS, XS_NS, escapeText, valueXml } from './xml/xdto-values';
import { PARTNER_API_NS, SOAP_ENVELOPE_NS } from './namespaces';

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** Columns whose values are dates, wherever they appear in a reply. */
const DATE_FIELDS: ReadonlySet<string> = new Set([
	'CreateTime',
	'ActivateDate',
	'ExpiresDate',
	'Deadline',
	'Date',
	'Start',
	'End',
	'Opened',
	'Closed',
	'SendDate',
	'ChangeDate',
]);

/** The answer every operation gives: `return` holding ResultCode and ResultData, as the vendor page shows. */
export function resultReply(
	operation: string,
	resultCode: string,
	resultData: unknown,
): SimResponse {
	const property = (name: string, value: SimValue) =>
		`<Property xmlns="${XDTO_CORE_NS}" name="${name}">${valueXml(value, DATE_FIELDS, name)}</Property>`;
	return xmlReply(
		200,
		`<m:${operation}Response xmlns:m="${PARTNER_API_NS}"><m:return xmlns:xs="${XS_NS}" xmlns:xsi="${XSI_NS}">` +
			property('ResultCode', resultCode) +
			property('ResultData', (resultData ?? null) as SimValue) +
			`</m:return></m:${operation}Response>`,
	);
}

/** What 1C:Enterprise sends for an unhandled exception in a web service. */
export function soapFault(message: string, code = 'soap:Server'): SimResponse {
	return xmlReply(
		500,
		`<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeText(message)}</faultstring></soap:Fault>`,
	);
}

/** A fault body for the framework's fault injection (`injectFault({ status: 500, body })`). */
export function soapFaultBody(message: string): string {
	return envelope(
		`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>${escapeText(message)}</faultstring></soap:Fault>`,
	);
}

function envelope(body: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function xmlReply(status: number, body: string): SimResponse {
	return { status, headers: { 'content-type': XML_CONTENT_TYPE }, body: envelope(body) };
}
