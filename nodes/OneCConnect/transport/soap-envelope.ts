/** SOAP 1.1 envelopes of PartnerWebAPI2. No n8n imports: the simulator uses them too. */
import type { XdtoScalarType } from '../xdto/codec';
import { encodeXdtoElement, escapeXml } from '../xdto/codec';

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

export type { SoapReply } from './soap-reply-reader';
export { fromResultData, readSoapReply } from './soap-reply-reader';
