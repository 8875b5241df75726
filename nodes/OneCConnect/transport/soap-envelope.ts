/** SOAP 1.1 envelopes of PartnerWebAPI2. No n8n imports: the simulator uses them too. */
import { quoteStart } from '../../shared/http/reply-body';
import type { XdtoJson, XdtoScalarType, XmlNode } from '../xdto/codec';
import {
	XdtoError,
	decodeStructure,
	encodeXdtoElement,
	escapeXml,
	readXdtoXml,
} from '../xdto/codec';

/** Historical namespace the service still uses. */
export const PARTNER_API_NS = 'http://buhphone.com/PartnerWebAPI2';
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export function soapActionOf(operation: string): string {
	return `"${PARTNER_API_NS}#PartnerWebAPI2:${operation}"`;
}

export interface SoapCall {
	operation: string;
	/** The one `Params` value: a Structure, or a ValueTable for batches. */
	params?: Record<string, unknown> | Array<Record<string, unknown>>;
	types?: Record<string, XdtoScalarType>;
	/** Plain child elements, for the few operations that take no `Params`. */
	plain?: Record<string, string>;
}

export function buildEnvelope(call: SoapCall): string {
	const parts: string[] = [];
	if (call.params !== undefined) parts.push(encodeXdtoElement('m:Params', call.params, call.types));
	for (const [name, value] of Object.entries(call.plain ?? {})) {
		parts.push(`<m:${name}>${escapeXml(value)}</m:${name}>`);
	}
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NS}"><soap:Body>` +
		`<m:${call.operation} xmlns:m="${PARTNER_API_NS}">${parts.join('')}</m:${call.operation}>` +
		'</soap:Body></soap:Envelope>'
	);
}

export type SoapReply =
	| { kind: 'fault'; code: string; message: string }
	| { kind: 'result'; resultCode: string; resultData: XdtoJson }
	/** A `return` without ResultCode: its child elements as strings. */
	| { kind: 'plain'; value: Record<string, XdtoJson> };

function first(node: unknown): XmlNode | undefined {
	const value = Array.isArray(node) ? node[0] : node;
	return value === undefined || value === null ? undefined : (value as XmlNode);
}

function field(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return node !== undefined && typeof node === 'object' ? first(node[name]) : undefined;
}

function text(node: XmlNode | undefined): string {
	if (node === undefined) return '';
	if (typeof node === 'string') return node;
	const value = node['#text'];
	return typeof value === 'string' ? value : '';
}

/** The reply from the element `localName` on, for quoting: the envelope's preamble says nothing. */
function fromElement(body: string, localName: string): string {
	const at = body.search(new RegExp(`<(\\w+:)?${localName}[\\s/>]`));
	return at < 0 ? body : body.slice(at);
}

/** The reply from its ResultData on (or the whole reply when it has none), for quoting. */
export function fromResultData(body: string): string {
	const at = body.indexOf('name="ResultData"');
	return at < 0 ? body : body.slice(Math.max(0, body.lastIndexOf('<', at)));
}

function quoteFromElement(body: string, localName: string): string {
	return quoteStart(fromElement(body, localName));
}

/** Reads a reply envelope; throws XdtoError when it is not one. */
export function readSoapReply(body: string, operation: string): SoapReply {
	const document = readXdtoXml(body, '1C-Connect');
	const envelope = field(document as XmlNode, 'Envelope');
	const soapBody = field(envelope, 'Body');
	if (soapBody === undefined) {
		throw new XdtoError(`1C-Connect answered XML that is not a SOAP envelope: ${quoteStart(body)}`);
	}

	const fault = field(soapBody, 'Fault');
	if (fault !== undefined) {
		return {
			kind: 'fault',
			code: text(field(fault, 'faultcode')) || text(field(field(fault, 'Code'), 'Value')),
			message:
				text(field(fault, 'faultstring')) ||
				text(field(field(fault, 'Reason'), 'Text')) ||
				'(no text)',
		};
	}
	const response = field(soapBody, `${operation}Response`);
	const result = field(response, 'return');
	if (response === undefined) {
		throw new XdtoError(
			`1C-Connect answered without a ${operation}Response: ${quoteFromElement(body, 'Body')}`,
		);
	}
	const empty = result === undefined || (typeof result !== 'object' && text(result).trim() === '');
	if (empty) return { kind: 'plain', value: {} };
	if (typeof result !== 'object') {
		throw new XdtoError(
			`1C-Connect answered ${operation} with a return that holds neither ResultCode nor fields: ${quoteFromElement(body, 'return')}`,
		);
	}
	if ('Property' in result) {
		const structure = decodeStructure(result);
		if (typeof structure.ResultCode !== 'string' || structure.ResultCode === '') {
			throw new XdtoError(
				`1C-Connect answered ${operation} without a ResultCode: ${quoteFromElement(body, 'return')}`,
			);
		}
		return {
			kind: 'result',
			resultCode: structure.ResultCode,
			resultData: structure.ResultData ?? null,
		};
	}
	const value: Record<string, XdtoJson> = {};
	for (const [name, child] of Object.entries(result)) {
		if (!name.startsWith('@_') && name !== '#text') value[name] = text(first(child));
	}
	return { kind: 'plain', value };
}
