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
