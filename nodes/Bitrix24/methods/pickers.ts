import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { scopeOf } from '../actions/records/scope';
import { bizprocDocumentType } from '../crm/owner-types';
import { kindOf, recordTitle } from '../crm/record-kinds';
import { pageRecords } from '../transport';
import { pickerCall, resourceOf } from './picker-request';

/** Records for a From List picker, 50 a page, newest first; typed text searches the title. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resource = resourceOf(this);
	if (resource === 'user') return await searchUsers(this, filter, paginationToken);
	// Resources about a CRM record (its product rows, its timeline) name its kind in Record Type.
	const kind = kindOf(resource) ?? kindOf(String(this.getNodeParameter('ownerType', '')));
	if (!kind) return { results: [] };
	const text = (filter ?? '').trim();
	const reply = await pickerCall(this, kind.methods.list, {
		...scopeOf(this, kind),
		filter: text === '' ? {} : { [`%${kind.searchField}`]: text },
		// Tasks are selected in UPPER_CASE and answered in camelCase.
		select: [
			kind.idField,
			...kind.titleFields.map((field) =>
				kind.idField !== kind.idKey && kind.idField === 'ID' ? field.toUpperCase() : field,
			),
		],
		order: { [kind.idField]: 'DESC' },
		start: Number(paginationToken ?? 0) || 0,
	});
	const rows = pageRecords(reply.result) as IDataObject[];
	return {
		results: rows.map((row) => ({ name: recordTitle(kind, row), value: String(row[kind.idKey]) })),
		paginationToken: typeof reply.next === 'number' ? String(reply.next) : undefined,
	};
}

export async function searchUsers(
	context: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const reply = await pickerCall(context, 'user.get', {
		...(text === '' ? {} : { FILTER: { '%LAST_NAME': text } }),
		start: Number(paginationToken ?? 0) || 0,
	});
	const rows = pageRecords(reply.result) as IDataObject[];
	return {
		results: rows.map((row) => ({
			name: `${[row.NAME, row.LAST_NAME].filter(Boolean).join(' ')} (${String(row.ID)})`,
			value: String(row.ID),
		})),
		paginationToken: typeof reply.next === 'number' ? String(reply.next) : undefined,
	};
}

/** The portal's smart processes (crm.type.list). */
export async function getSmartProcesses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const reply = await pickerCall(this, 'crm.type.list', {});
	const types = pageRecords(reply.result) as IDataObject[];
	return types.map((type) => ({
		name: `${String(type.title)} (${String(type.entityTypeId)})`,
		value: Number(type.entityTypeId),
	}));
}

/**
 * Products of the portal's product catalog (catalog.product.list needs the catalog's iblockId:
 * the first trade catalog that is not an offers catalog, from catalog.catalog.list).
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const catalogs = await pickerCall(this, 'catalog.catalog.list', {
		select: ['id', 'iblockId', 'name', 'productIblockId'],
	});
	const rows = ((catalogs.result as IDataObject | undefined)?.catalogs ?? []) as IDataObject[];
	const catalog = rows.find((row) => !row.productIblockId) ?? rows[0];
	if (!catalog) return { results: [] };
	const text = (filter ?? '').trim();
	const reply = await pickerCall(this, 'catalog.product.list', {
		select: ['id', 'iblockId', 'name'],
		filter: { iblockId: catalog.iblockId, ...(text === '' ? {} : { '%name': text }) },
		order: { id: 'DESC' },
		start: Number(paginationToken ?? 0) || 0,
	});
	const products = ((reply.result as IDataObject | undefined)?.products ?? []) as IDataObject[];
	return {
		results: products.map((product) => ({
			name: `${String(product.name)} (${String(product.id)})`,
			value: String(product.id),
		})),
		paginationToken: typeof reply.next === 'number' ? String(reply.next) : undefined,
	};
}

/**
 * The business process templates of the chosen record type (bizproc.workflow.template.list,
 * 50 a page); its filter has no substring search, so typed text filters the page by name.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const kind = kindOf(String(this.getNodeParameter('ownerType', '')));
	if (!kind?.entityTypeId) return { results: [] };
	const entityTypeId = Number(scopeOf(this, kind).entityTypeId ?? kind.entityTypeId);
	const { entity, type } = bizprocDocumentType(entityTypeId);
	const reply = await pickerCall(this, 'bizproc.workflow.template.list', {
		SELECT: ['ID', 'NAME'],
		FILTER: { MODULE_ID: 'crm', ENTITY: entity, DOCUMENT_TYPE: type },
		ORDER: { NAME: 'ASC' },
		start: Number(paginationToken ?? 0) || 0,
	});
	const text = (filter ?? '').trim().toLowerCase();
	const rows = (pageRecords(reply.result) as IDataObject[]).filter((row) =>
		String(row.NAME ?? '')
			.toLowerCase()
			.includes(text),
	);
	return {
		results: rows.map((row) => ({
			name: `${String(row.NAME)} (${String(row.ID)})`,
			value: String(row.ID),
		})),
		paginationToken: typeof reply.next === 'number' ? String(reply.next) : undefined,
	};
}
