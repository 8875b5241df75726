import { MethodError } from '../bitrix-errors';
import type { PortalState } from '../portal-state';

/**
 * CRM object types by their short code (api-reference/crm/data-types.md, "CRM Object Types"):
 * L, D, C, CO, Q, SI, and T<hex> for a smart process.
 */
const BY_ABBR: Record<string, number> = { L: 1, D: 2, C: 3, CO: 4, Q: 7, SI: 31 };

export function entityTypeOfAbbr(abbr: unknown): number | undefined {
	const text = String(abbr ?? '');
	if (BY_ABBR[text]) return BY_ABBR[text];
	const dynamic = /^T([0-9a-f]+)$/i.exec(text);
	return dynamic ? parseInt(dynamic[1], 16) : undefined;
}

const TABLES = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company' } as const;

/** Whether the portal holds the record; the simulator has no quotes or invoices. */
export function ownerExists(portal: PortalState, entityTypeId: number, id: unknown): boolean {
	const table = TABLES[entityTypeId as keyof typeof TABLES];
	if (table) return portal.crm[table].rows().some((row) => row.ID === String(id));
	const process = portal.smartProcesses.types.find((type) => type.entityTypeId === entityTypeId);
	return process?.items.some((item) => item.id === Number(id)) ?? false;
}

export const required = () => new MethodError(400, '100', 'Required parameters not provided');
