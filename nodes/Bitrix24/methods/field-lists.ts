import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { scopeOf } from '../actions/records/scope';
import { fieldLabel, mapperColumns } from '../crm/field-schema';
import { readFields, readFieldsAndLists } from '../crm/portal-reads';
import type { VendorField } from '../crm/vendor-field';
import { MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS } from '../transport';
import type { RecordKind } from '../crm/record-kinds';
import { kindOf } from '../crm/record-kinds';
import { pickerTarget, resourceOf } from './picker-request';

function kindIn(context: ILoadOptionsFunctions): RecordKind {
	const kind = kindOf(resourceOf(context));
	if (!kind) throw new Error(`The resource "${resourceOf(context)}" has no fields to map`);
	return kind;
}

/** The record's fields and every list their options come from (all pages). */
async function portalFields(context: ILoadOptionsFunctions, kind: RecordKind) {
	return await readFieldsAndLists(
		context,
		pickerTarget(context),
		kind,
		scopeOf(context, kind),
		LIMITS,
	);
}

const LIMITS = {
	timeoutMs: TIMEOUT_SECONDS * 1000,
	maxReplyBytes: MAX_REPLY_MEGABYTES * 1024 * 1024,
};

async function columns(
	context: ILoadOptionsFunctions,
	forCreate: boolean,
): Promise<ResourceMapperFields> {
	const kind = kindIn(context);
	const { fields, lists } = await portalFields(context, kind);
	return { fields: mapperColumns(kind, fields, lists, forCreate) };
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
	const [fields] = await readFields(this, pickerTarget(this), kind, [scopeOf(this, kind)], LIMITS);
	return Object.entries(fields as Record<string, VendorField>)
		.map(([name, field]) => ({ name: fieldLabel(name, field), value: name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
