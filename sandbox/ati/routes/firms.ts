// GET /v1.0/firms/{atiId}/summary and GET /v1.0/firms/{atiId}/contacts/summary (the firms
// section of ATI's API; summary fields ati_id, firm_name, ownership, inn, ogrn, city_id, score).
import type { RouteHandler } from '../../framework';
import { notFound } from '../ati-errors';
import { ATI_DEMO_FIRMS } from '../dictionaries-data';

type FirmCode = keyof typeof ATI_DEMO_FIRMS;
const firmOf = (atiId: string) =>
	atiId in ATI_DEMO_FIRMS ? ATI_DEMO_FIRMS[atiId as FirmCode] : undefined;

export function firmSummary(): RouteHandler {
	return (_request, { atiId }) => {
		const firm = firmOf(atiId);
		return firm ? { status: 200, body: firm.summary } : notFound(`Firm ${atiId} not found`);
	};
}

export function firmContacts(): RouteHandler {
	return (_request, { atiId }) => {
		const firm = firmOf(atiId);
		return firm ? { status: 200, body: firm.contacts } : notFound(`Firm ${atiId} not found`);
	};
}
