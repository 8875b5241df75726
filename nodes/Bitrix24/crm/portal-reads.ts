import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget, CallLimits } from '../transport';
import type { WholeRead } from '../transport/all-pages';
import { readWhole } from '../transport/all-pages';
import { fieldsIn } from './field-schema';
import type { CategoryEntry, ListSource, PortalLists, UserEntry } from './portal-lists';
import { statusEntries } from './portal-lists';
import type { RecordKind } from './record-kinds';
import type { VendorField } from './vendor-field';

type Limits = CallLimits;

/** The entityTypeId whose pipelines a kind's records use, in this scope. */
export function pipelinesOf(kind: RecordKind, scope: IDataObject): number | undefined {
	if (kind.pipelines === 'scope') return Number(scope.entityTypeId) || undefined;
	return kind.pipelines;
}

/** The reads of each list asked for; the pipelines also name the stages of each pipeline. */
function listReads(sources: Set<ListSource>, pipelines: number | undefined): WholeRead[] {
	const reads: WholeRead[] = [];
	if (sources.has('statuses')) {
		reads.push({
			key: 'statuses',
			method: 'crm.status.list',
			params: { order: { SORT: 'ASC' } },
			paged: true,
		});
	}
	if ((sources.has('categories') || sources.has('statuses')) && pipelines !== undefined) {
		reads.push({
			key: 'categories',
			method: 'crm.category.list',
			params: { entityTypeId: pipelines },
			paged: true,
		});
	}
	if (sources.has('users')) {
		reads.push({
			key: 'users',
			method: 'user.get',
			params: { FILTER: { ACTIVE: true } },
			paged: true,
		});
	}
	return reads;
}

function listsFrom(results: Map<string, unknown>): PortalLists {
	const rows = (key: string) =>
		Array.isArray(results.get(key)) ? (results.get(key) as unknown[]) : [];
	return {
		statuses: statusEntries(rows('statuses')),
		categories: rows('categories') as CategoryEntry[],
		users: rows('users') as UserEntry[],
	};
}

const ALL_SOURCES = new Set<ListSource>(['statuses', 'categories', 'users']);

/** For the form: the fields and every list they may take options from, in as few requests as may be. */
export async function readFieldsAndLists(
	context: RequestContext,
	target: BitrixTarget,
	kind: RecordKind,
	scope: IDataObject,
	limits: Limits,
): Promise<{ fields: Record<string, VendorField>; lists: PortalLists }> {
	const results = await readWhole(
		context,
		target,
		[
			{ key: 'fields', method: kind.methods.fields, params: scope },
			...listReads(ALL_SOURCES, pipelinesOf(kind, scope)),
		],
		limits,
	);
	return { fields: fieldsIn(results.get('fields'), kind), lists: listsFrom(results) };
}

/** The field lists of several scopes (smart processes) at once, keyed by scope. */
export async function readFields(
	context: RequestContext,
	target: BitrixTarget,
	kind: RecordKind,
	scopes: IDataObject[],
	limits: Limits,
): Promise<Array<Record<string, VendorField>>> {
	const results = await readWhole(
		context,
		target,
		scopes.map((scope, index) => ({
			key: `f${index}`,
			method: kind.methods.fields,
			params: scope,
		})),
		limits,
	);
	return scopes.map((_, index) => fieldsIn(results.get(`f${index}`), kind));
}

/** The lists named, whole. */
export async function readLists(
	context: RequestContext,
	target: BitrixTarget,
	sources: Set<ListSource>,
	pipelines: number | undefined,
	limits: Limits,
): Promise<PortalLists> {
	return listsFrom(await readWhole(context, target, listReads(sources, pipelines), limits));
}
