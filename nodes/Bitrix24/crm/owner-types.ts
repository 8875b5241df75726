/**
 * The short code of a CRM object type (`entityTypeAbbr`), which product rows name their owner
 * with (REST docs, api-reference/crm/data-types.md, "CRM Object Types"): a smart process is
 * `T` and its entityTypeId in hexadecimal (128 → T80).
 */
const ABBREVIATIONS: Record<number, string> = { 1: 'L', 2: 'D', 3: 'C', 4: 'CO', 7: 'Q', 31: 'SI' };

export function ownerTypeAbbr(entityTypeId: number): string {
	return ABBREVIATIONS[entityTypeId] ?? `T${entityTypeId.toString(16)}`;
}
