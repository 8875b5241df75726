import { PARTNER_API_NS } from './namespaces';
import { PARTNER_OPERATIONS, PLAIN_OPERATIONS } from './operations';

/**
 * A WSDL for PartnerWebAPI2 (no public copy exists): document/literal SOAP 1.1, each operation
 * taking `Params` (an XDTO Structure or ValueTable, so xs:anyType) or its plain elements, and
 * answering `return` (the ResultCode/ResultData Structure).
 */
export function partnerWsdl(address: string): string {
	const elements = PARTNER_OPERATIONS.map((operation) => {
		const inputs = PLAIN_OPERATIONS[operation]
			? PLAIN_OPERATIONS[operation]
					.map((name) => `<xs:element name="${name}" type="xs:string" minOccurs="0"/>`)
					.join('')
			: '<xs:element name="Params" type="xs:anyType" nillable="true" minOccurs="0"/>';
		return (
			`<xs:element name="${operation}"><xs:complexType><xs:sequence>${inputs}</xs:sequence></xs:complexType></xs:element>` +
			`<xs:element name="${operation}Response"><xs:complexType><xs:sequence><xs:element name="return" type="xs:anyType" nillable="true"/></xs:sequence></xs:complexType></xs:element>`
		);
	}).join('');
	const messages = PARTNER_OPERATIONS.map(
		(operation) =>
			`<message name="${operation}RequestMessage"><part name="parameters" element="tns:${operation}"/></message>` +
			`<message name="${operation}ResponseMessage"><part name="parameters" element="tns:${operation}Response"/></message>`,
	).join('');
	const portOperations = PARTNER_OPERATIONS.map(
		(operation) =>
			`<operation name="${operation}"><input message="tns:${operation}RequestMessage"/><output message="tns:${operation}ResponseMessage"/></operation>`,
	).join('');
	const bindingOperations = PARTNER_OPERATIONS.map(
		(operation) =>
			`<operation name="${operation}"><soap:operation style="document" soapAction="${PARTNER_API_NS}#PartnerWebAPI2:${operation}"/>` +
			'<input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>',
	).join('');
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${PARTNER_API_NS}" name="PartnerWebAPI2" targetNamespace="${PARTNER_API_NS}">` +
		`<types><xs:schema targetNamespace="${PARTNER_API_NS}" elementFormDefault="qualified" attributeFormDefault="unqualified">${elements}</xs:schema></types>` +
		messages +
		`<portType name="PartnerWebAPI2PortType">${portOperations}</portType>` +
		`<binding name="PartnerWebAPI2SoapBinding" type="tns:PartnerWebAPI2PortType"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOperations}</binding>` +
		`<service name="PartnerWebAPI2"><port name="PartnerWebAPI2Soap" binding="tns:PartnerWebAPI2SoapBinding"><soap:address location="${address}"/></port></service>` +
		'</definitions>'
	);
}
