import type { OperationCall } from './handler-types';
import { PARTNER_API_NS, SOAP12_ENVELOPE_NS, SOAP_ENVELOPE_NS } from './namespaces';
import { readXdtoValue } from './xml/xdto-values';
import { childNamed, readXmlTree } from './xml/xml-tree';

const ENVELOPES = new Set([SOAP_ENVELOPE_NS, SOAP12_ENVELOPE_NS]);

/** The operation and its parameters from a request envelope; throws when it is not one. */
export function readSoapRequest(body: string): OperationCall {
	const envelope = readXmlTree(body);
	const soapBody = envelope.local === 'Envelope' ? childNamed(envelope, 'Body') : undefined;
	if (!ENVELOPES.has(envelope.ns) || soapBody === undefined || soapBody.ns !== envelope.ns) {
		throw new Error('The request is not a SOAP envelope with a Body');
	}
	const [element] = soapBody.children;
	if (!element) throw new Error('The SOAP Body is empty');
	if (element.ns !== PARTNER_API_NS) {
		throw new Error(`${element.local} is not in the namespace ${PARTNER_API_NS}`);
	}
	const params = childNamed(element, 'Params');
	const plain: Record<string, string> = {};
	for (const child of element.children) {
		if (child !== params) plain[child.local] = child.text;
	}
	return {
		operation: element.local,
		params: params === undefined ? undefined : readXdtoValue(params),
		plain,
	};
}
