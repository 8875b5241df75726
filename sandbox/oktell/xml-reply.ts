import type { SimResponse } from '../framework';

export type XmlEncoding = 'utf-16le' | 'utf-16be' | 'utf-8';

const DECLARATION = '<?xml version="1.0" encoding="utf-16"?>';

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

export type MapperProperty =
	| { key: string; value?: string; name?: string }
	| { key: string; cdata: string };

/** An `oktellxmlmapper` reply with one property set, laid out as the vendor's examples. */
export function mapperXml(
	dataName: string,
	setName: string,
	properties: MapperProperty[],
	setId?: string,
): string {
	const lines = properties.map((property) => {
		if ('cdata' in property) {
			const safe = property.cdata.replace(/]]>/g, ']]]]><![CDATA[>');
			return `      <property_cdata key="${property.key}"><![CDATA[${safe}]]></property_cdata>`;
		}
		const value = property.value === undefined ? '' : ` value="${escapeXml(property.value)}"`;
		const name = property.name === undefined ? '' : ` name="${escapeXml(property.name)}"`;
		return `      <property_simple key="${property.key}"${value}${name} />`;
	});
	const id = setId === undefined ? '' : ` id="${setId}"`;
	return [
		DECLARATION,
		'<oktellxmlmapper version="80710">',
		`  <data name="${dataName}" count="1">`,
		`    <property_set name="${setName}"${id}>`,
		...lines,
		'    </property_set>',
		'  </data>',
		'</oktellxmlmapper>',
	].join('\r\n');
}

export function withDeclaration(body: string): string {
	return `${DECLARATION}\r\n${body}`;
}

/**
 * Oktell declares utf-16 whatever it sends: real UTF-16LE with a BOM, or (behind some proxies
 * and versions) UTF-8 bytes under the same declaration; UTF-16BE is there to test BOM handling.
 */
export function xmlResponse(xml: string, encoding: XmlEncoding, status = 200): SimResponse {
	const utf16 = Buffer.from(xml, 'utf16le');
	const body =
		encoding === 'utf-16le'
			? Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])
			: encoding === 'utf-16be'
				? Buffer.concat([Buffer.from([0xfe, 0xff]), utf16.swap16()])
				: Buffer.from(xml, 'utf8');
	const charset = encoding === 'utf-8' ? 'utf-8' : 'utf-16';
	return { status, headers: { 'content-type': `text/xml; charset=${charset}` }, body };
}

export function textResponse(text: string, status = 200): SimResponse {
	return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}
