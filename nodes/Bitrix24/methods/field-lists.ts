import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { scopeOf } from '../actions/records/scope';
import type { StatusEntry, VendorField } from '../crm/field-schema';
import { fieldLabel, fieldsIn, mapperColumns } from '../crm/field-schema';
import type { RecordKind } from '../crm/record-kinds';
import { kindOf } from '../crm/record-kinds';
import { pickerBatch, resourceOf } from './picker-request';

function kindIn(context: ILoadOptionsFunctions): RecordKind {
	const kind = kindOf(resourceOf(context));
	if (!kind) throw new Error(`The resource "${resourceOf(context)}" has no fields to map`);
	return kind;
}

/** The record's fields and the portal's statuses (the items of its list fields), in one request. */
async function portalFields(context: ILoadOptionsFunctions, kind: RecordKind) {
	const scope = scopeOf(context, kind);
	const withStatuses = kind.idKey === 'ID';
	const results = await pickerBatch(context, [
		{ key: 'fields', method: kind.methods.fields, params: scope },
		...(withStatuses ? [{ key: 'statuses', method: 'crm.status.list', params: {} }] : []),
	]);
	const statuses = Array.isArray(results.statuses) ? (results.statuses as StatusEntry[]) : [];
	return { fields: fieldsIn(results.fields, kind.fieldsKey), statuses };
}

async function columns(
	context: ILoadOptionsFunctions,
	forCreate: boolean,
): Promise<ResourceMapperFields> {
	const kind = kindIn(context);
	const { fields, statuses } = await portalFields(context, kind);
	return { fields: mapperColumns(fields, statuses, forCreate) };
}

export async function getCreateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, true);
}

export async function getUpdateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, false);
}

/** Every field, for filter conditions, the fields to return and the sort order. */
export async function getListFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const kind = kindIn(this);
	const { fields } = await portalFields(this, kind);
	return Object.entries(fields as Record<string, VendorField>)
		.map(([name, field]) => ({ name: fieldLabel(name, field), value: name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
