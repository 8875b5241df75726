import type { ObjectKind } from '../object-kinds';
import { KIND_BY_NAME, OBJECT_KINDS } from '../object-kinds';
import type { Fields } from '../object-store';
import type { OperationCall, OperationHandler, OperationResult, SimState } from '../handler-types';
import { notExist, ok, structureOf, timeOf, wrongParam } from '../handler-types';

type Action = 'Add' | 'Edit' | 'Delete';

function checkFields(
	kind: ObjectKind,
	fields: Fields,
	state: SimState,
): OperationResult | undefined {
	for (const [field, value] of Object.entries(fields)) {
		if (value === null || value === '') continue;
		const problem = kind.check?.(field, value);
		if (problem) return wrongParam(problem);
		const referenced = kind.references?.[field];
		if (referenced && !state.store.exists(referenced, value)) {
			return notExist(`${field}: no ${referenced} with ID ${String(value)}`);
		}
	}
	return undefined;
}

function defaults(kind: ObjectKind, fields: Fields, state: SimState): Fields {
	if (kind.name === 'ServiceRequest') {
		const user = state.store.all('ClientUser').find((each) => each.fields.UserID === fields.UserID);
		return {
			Number: state.nextNumber(),
			ClientID: user?.fields.ClientID ?? null,
			ServiceRequestStatusID: 'status-new',
			Priority: 'STANDARD',
			CreateTime: new Date(state.now()),
			...fields,
		};
	}
	if (kind.name === 'UserServiceLine') return { CreateTime: new Date(state.now()), ...fields };
	return fields;
}

/** One row of an Add, Edit or Delete, alone or in a batch. */
export function applyRow(
	kind: ObjectKind,
	action: Action,
	fields: Fields,
	state: SimState,
): OperationResult {
	const present = Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
	);
	if (action === 'Add') {
		const missing = kind.required.find(
			(field) => present[field] === undefined || present[field] === '',
		);
		if (missing) return notExist(`${missing}: required`);
		const problem = checkFields(kind, present, state);
		if (problem) return problem;
		if (kind.key.length > 1 && state.store.get(kind, present)) {
			return wrongParam(`${kind.key.join(' + ')}: already exists`);
		}
		const stored = state.store.add(kind, defaults(kind, present, state));
		return ok(Object.fromEntries(kind.key.map((name) => [name, stored.fields[name]])));
	}
	const missingKey = kind.key.find(
		(field) => present[field] === undefined || present[field] === '',
	);
	if (missingKey) return notExist(`${missingKey}: required`);
	const stored = state.store.get(kind, present);
	if (!stored)
		return notExist(
			`${kind.key.join(' + ')}: no ${kind.name} with ${kind.key.map((name) => String(present[name])).join(' + ')}`,
		);
	if (action === 'Delete') {
		state.store.delete(stored);
		return ok(true);
	}
	const problem = checkFields(kind, present, state);
	if (problem) return problem;
	state.store.edit(stored, present);
	return ok(true);
}

/** A Structure is one object; a ValueTable is a batch answered row by row, in order. */
export function batchOrSingle(
	call: OperationCall,
	maxRows: number,
	row: (fields: Fields) => OperationResult,
): OperationResult {
	if (!Array.isArray(call.params)) {
		const result = row(structureOf(call));
		return result.code === 'SUCCESS' && result.data === true ? ok(null) : result;
	}
	return ok(
		call.params.map((fields, index) => {
			const result =
				index < maxRows
					? row((fields ?? {}) as Fields)
					: { code: 'OUT_OF_LIMIT', data: `At most ${maxRows} objects per call` };
			return { ResultCode: result.code, ResultData: result.data };
		}),
	);
}

function read(kind: ObjectKind, call: OperationCall, state: SimState): OperationResult {
	const params = structureOf(call);
	const from = timeOf(kind.readByPeriod ? params.PeriodFrom : params.ChangedFrom);
	const to = kind.readByPeriod ? timeOf(params.PeriodTo) : undefined;
	const filters = Object.entries(params).filter(
		([name, value]) => kind.columns.includes(name) && value !== null && value !== '',
	);
	const rows = state.store
		.all(kind.name)
		.filter((stored) => (from === undefined ? !stored.deleted : stored.changedAt >= from))
		.filter((stored) => to === undefined || stored.changedAt <= to)
		.filter((stored) =>
			filters.every(([name, value]) => String(stored.fields[name]) === String(value)),
		)
		.sort((a, b) => a.changedAt - b.changedAt)
		.map((stored) =>
			Object.fromEntries(
				kind.columns.map((column) => [
					column,
					column === 'Deleted' ? stored.deleted : (stored.fields[column] ?? null),
				]),
			),
		);
	return ok(rows);
}

export function objectHandlers(
	maxRowsOf: (operation: string) => number,
): Record<string, OperationHandler> {
	const handlers: Record<string, OperationHandler> = {};
	for (const kind of OBJECT_KINDS) {
		for (const action of ['Add', 'Edit', 'Delete'] as const) {
			const operation = `${kind.name}${action}`;
			handlers[operation] = (call, state) =>
				batchOrSingle(call, maxRowsOf(operation), (fields) =>
					applyRow(kind, action, fields, state),
				);
		}
		handlers[`${kind.name}Read`] = (call, state) => read(kind, call, state);
	}
	return handlers;
}

export function kindOf(name: string): ObjectKind {
	return KIND_BY_NAME.get(name) as ObjectKind;
}
