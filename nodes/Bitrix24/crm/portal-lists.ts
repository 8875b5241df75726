import type { IDataObject } from 'n8n-workflow';

import type { VendorField } from './vendor-field';

/** A crm.status.list row: one entry of a directory (stages, sources, types…). */
export interface StatusEntry {
	ENTITY_ID: string;
	STATUS_ID: string;
	NAME: string;
	CATEGORY_ID?: string | number | null;
}

/** A pipeline (crm.category.list). */
export interface CategoryEntry {
	id: number | string;
	name: string;
}

export interface UserEntry {
	ID: string | number;
	NAME?: string | null;
	LAST_NAME?: string | null;
	EMAIL?: string | null;
}

/** The portal's lists that list fields take their options from; each read whole. */
export interface PortalLists {
	statuses: StatusEntry[];
	categories: CategoryEntry[];
	users: UserEntry[];
}

export const NO_LISTS: PortalLists = { statuses: [], categories: [], users: [] };

export interface ListOption {
	name: string;
	value: string;
}

/** Which lists a field takes its options from. */
export type ListSource = 'statuses' | 'categories' | 'users';

export const USER_TYPES = new Set(['user', 'employee']);

export function listSourceOf(field: VendorField): ListSource | undefined {
	if (field.type === 'crm_status' && field.statusType) return 'statuses';
	if (field.type === 'crm_category') return 'categories';
	if (USER_TYPES.has(field.type ?? '')) return 'users';
	return undefined;
}

/**
 * A stage directory and its pipelines' directories: `DEAL_STAGE` with `DEAL_STAGE_1`, …, and
 * `DYNAMIC_1032_STAGE_1` with the process's other pipelines (REST docs,
 * api-reference/crm/status/crm-status-entity-types.md).
 */
function inFamily(statusType: string, entityId: string): boolean {
	const base = statusType.replace(/(_STAGE)_\d+$/, '$1');
	return (
		entityId === statusType ||
		entityId === base ||
		(entityId.startsWith(`${base}_`) && /^\d+$/.test(entityId.slice(base.length + 1)))
	);
}

const userName = (user: UserEntry) =>
	[user.NAME, user.LAST_NAME]
		.filter((part) => typeof part === 'string' && part.trim() !== '')
		.join(' ');

/** The options of a list field, named as the portal names them; undefined for other fields. */
export function optionsOf(field: VendorField, lists: PortalLists): ListOption[] | undefined {
	if (field.type === 'char') {
		return [
			{ name: 'Yes (Y)', value: 'Y' },
			{ name: 'No (N)', value: 'N' },
		];
	}
	if (Array.isArray(field.items) && field.items.length > 0) {
		return field.items.map((item) => ({ name: String(item.VALUE), value: String(item.ID) }));
	}
	if (field.values && typeof field.values === 'object') {
		return Object.entries(field.values).map(([value, name]) => ({ name: String(name), value }));
	}
	switch (listSourceOf(field)) {
		case 'statuses':
			return stageOptions(field.statusType as string, lists);
		case 'categories':
			return lists.categories.map((category) => ({
				name: String(category.name),
				value: String(category.id),
			}));
		case 'users':
			return lists.users.map((user) => ({
				name: `${userName(user) || String(user.EMAIL ?? '')} (${String(user.ID)})`,
				value: String(user.ID),
			}));
		default:
			return undefined;
	}
}

function stageOptions(statusType: string, lists: PortalLists): ListOption[] {
	const entries = lists.statuses.filter((status) => inFamily(statusType, status.ENTITY_ID));
	const pipelines = new Set(entries.map((status) => status.ENTITY_ID));
	const pipelineName = (status: StatusEntry) =>
		lists.categories.find((category) => String(category.id) === String(status.CATEGORY_ID ?? 0))
			?.name ?? status.ENTITY_ID;
	return entries.map((status) => ({
		name: pipelines.size > 1 ? `${pipelineName(status)}: ${status.NAME}` : status.NAME,
		value: status.STATUS_ID,
	}));
}

/** The pipeline a stage ID names: `C1:NEW` → 1, `DT1032_4:NEW` → 4, `NEW` → undefined. */
export function pipelineOfStage(stageId: string): number | undefined {
	const match = /^(?:C(\d+)|DT\d+_(\d+)):/.exec(stageId);
	return match ? Number(match[1] ?? match[2]) : undefined;
}

/** Rows of a list reply as entries (rows without the fields a list needs are left out). */
export function statusEntries(rows: unknown): StatusEntry[] {
	return (Array.isArray(rows) ? (rows as IDataObject[]) : []).filter(
		(row) => typeof row?.ENTITY_ID === 'string' && row.STATUS_ID !== undefined,
	) as unknown as StatusEntry[];
}
