/** The service's historical namespace (the vendor page's example and SOAPAction use it). */
export const PARTNER_API_NS = 'http://buhphone.com/PartnerWebAPI2';
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';
