import type { XmlNode } from '../../nodes/OneCConnect/xdto/codec';
import { decodeValue, readXdtoXml } from '../../nodes/OneCConnect/xdto/codec';
import type { OperationCall } from './handler-types';

function first(node: unknown): XmlNode | undefined {
	const value = Array.isArray(node) ? node[0] : node;
	return value === undefined || value === null ? undefined : (value as XmlNode);
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return node !== undefined && typeof node === 'object' ? first(node[name]) : undefined;
}

/** The operation and its parameters from a request envelope; throws when it is not one. */
export function readSoapRequest(body: string): OperationCall {
	const document = readXdtoXml(body, 'The request') as XmlNode;
	const soapBody = child(child(document, 'Envelope'), 'Body');
	if (soapBody === undefined || typeof soapBody !== 'object') {
		throw new Error('The request is not a SOAP envelope with a Body');
	}
	const operation = Object.keys(soapBody).find((key) => !key.startsWith('@_') && key !== '#text');
	if (!operation) throw new Error('The SOAP Body is empty');
	const element = first(soapBody[operation]) ?? '';
	const params = child(element, 'Params');
	const plain: Record<string, string> = {};
	if (typeof element === 'object') {
		for (const [name, value] of Object.entries(element)) {
			if (name === 'Params' || name.startsWith('@_') || name === '#text') continue;
			const node = first(value);
			plain[name] =
				typeof node === 'string'
					? node
					: String((node as Record<string, unknown>)?.['#text'] ?? '');
		}
	}
	return { operation, params: params === undefined ? undefined : decodeValue(params), plain };
}
