/**
 * The short code of a CRM object type (`entityTypeAbbr`), which product rows name their owner
 * with (REST docs, api-reference/crm/data-types.md, "CRM Object Types"): a smart process is
 * `T` and its entityTypeId in hexadecimal (128 → T80).
 */
const ABBREVIATIONS: Record<number, string> = { 1: 'L', 2: 'D', 3: 'C', 4: 'CO', 7: 'Q', 31: 'SI' };

export function ownerTypeAbbr(entityTypeId: number): string {
	return ABBREVIATIONS[entityTypeId] ?? `T${entityTypeId.toString(16)}`;
}

/** A CRM object type as the timeline names it (`deal`, `lead`, `dynamic_1046`). */
const NAMES: Record<number, string> = {
	1: 'lead',
	2: 'deal',
	3: 'contact',
	4: 'company',
	7: 'quote',
};

export function ownerTypeName(entityTypeId: number): string {
	return NAMES[entityTypeId] ?? `dynamic_${entityTypeId}`;
}

/** A business process document's class per CRM object type (REST docs, bizproc-workflow-start.md). */
const DOCUMENTS: Record<number, { entity: string; type: string }> = {
	1: { entity: 'CCrmDocumentLead', type: 'LEAD' },
	2: { entity: 'CCrmDocumentDeal', type: 'DEAL' },
	3: { entity: 'CCrmDocumentContact', type: 'CONTACT' },
	4: { entity: 'CCrmDocumentCompany', type: 'COMPANY' },
	7: { entity: 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Quote', type: 'QUOTE' },
	31: {
		entity: 'Bitrix\\Crm\\Integration\\BizProc\\Document\\SmartInvoice',
		type: 'SMART_INVOICE',
	},
};

/**
 * The business process document of a CRM object type: its class (`ENTITY`) and its document
 * type (`DEAL`, `DYNAMIC_147`), as templates are filed under.
 */
export function bizprocDocumentType(entityTypeId: number): { entity: string; type: string } {
	return (
		DOCUMENTS[entityTypeId] ?? {
			entity: 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic',
			type: `DYNAMIC_${entityTypeId}`,
		}
	);
}

/** A CRM record as a business process document: `['crm', 'CCrmDocumentDeal', 'DEAL_777']`. */
export function bizprocDocumentId(entityTypeId: number, id: number): [string, string, string] {
	const { entity, type } = bizprocDocumentType(entityTypeId);
	return ['crm', entity, `${type}_${id}`];
}
