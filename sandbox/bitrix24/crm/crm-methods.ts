import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { listOf } from '../php-params';
import type { CrmEntity } from './catalog';
import { CRM_ENTITIES, ENTITY_TYPE } from './catalog';
import type { Row } from './query';
import { conditionsOf, matches, pageOf, selectFields, sortRows } from './query';
import { DIRECTORY_METHODS } from './statuses';
import { TASK_FIELDS, camelOf } from './tasks';

type Method = (context: MethodContext) => MethodResult;

/** A list method: filter, then order, then select, then one page (or `start=-1`). */
function list(
	rows: Row[],
	params: Record<string, unknown>,
	listedByDefault: (field: string) => boolean,
): MethodResult {
	const conditions = conditionsOf(params.filter ?? params.FILTER);
	const found = sortRows(
		rows.filter((row) => matches(row, conditions)),
		params.order ?? params.ORDER ?? params.sort,
	);
	const page = pageOf(found, params.start);
	const select = params.select ?? params.SELECT;
	return {
		...page,
		result: (page.result as Row[]).map((row) => selectFields(row, select, listedByDefault)),
	};
}

const idOf = (params: Record<string, unknown>) => params.id ?? params.ID;

function crmMethods(entity: CrmEntity): Record<string, Method> {
	const table = ({ portal }: MethodContext) => portal.crm[entity];
	return {
		[`crm.${entity}.fields`]: (context) => ({ result: table(context).fields() }),
		[`crm.${entity}.list`]: (context) =>
			list(table(context).rows(), context.params, table(context).listedByDefault),
		[`crm.${entity}.get`]: (context) => ({ result: table(context).find(idOf(context.params)) }),
		[`crm.${entity}.add`]: (context) => ({ result: table(context).add(context.params.fields) }),
		[`crm.${entity}.update`]: (context) => ({
			result: table(context).update(idOf(context.params), context.params.fields),
		}),
		[`crm.${entity}.delete`]: (context) => ({
			result: table(context).delete(idOf(context.params)),
		}),
		[`crm.${entity}.userfield.add`]: (context) => ({
			result: table(context).addUserField(context.params.fields),
		}),
		[`crm.${entity}.userfield.delete`]: (context) => ({
			result: table(context).deleteUserField(Number(context.params.id ?? context.params.ID)),
		}),
	};
}

const DUPLICATE_TYPES = new Set(['PHONE', 'EMAIL']);

/** Phones compare by digits, a leading 8 of a Russian number read as 7; e-mails ignore case. */
function normalized(type: string, value: unknown): string {
	const text = String(value ?? '').trim();
	if (type === 'EMAIL') return text.toLowerCase();
	const digits = text.replace(/\D/g, '');
	return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

const findByComm: Method = ({ params, portal }) => {
	const type = String(params.type ?? params.TYPE ?? '').toUpperCase();
	if (!DUPLICATE_TYPES.has(type)) {
		throw new MethodError(400, '', 'Parameter "type" must be EMAIL or PHONE');
	}
	const values = listOf(params.values ?? params.VALUES);
	if (values.length === 0) throw new MethodError(400, '', 'Parameter "values" must not be empty');
	if (values.length > 20) {
		throw new MethodError(400, '', 'Too many values: 20 at most');
	}
	const wanted = new Set(values.map((value) => normalized(type, value)).filter(Boolean));
	const kind = String(params.entity_type ?? params.ENTITY_TYPE ?? '').toUpperCase();
	const entities = CRM_ENTITIES.filter(
		(entity) => entity !== 'deal' && (kind === '' || ENTITY_TYPE[entity].name === kind),
	);
	const found: Record<string, number[]> = {};
	for (const entity of entities) {
		const ids = portal.crm[entity]
			.rows()
			.filter((row) =>
				listOf(row[type]).some((entry) => wanted.has(normalized(type, (entry as Row).VALUE))),
			)
			.map((row) => Number(row.ID));
		if (ids.length > 0) found[ENTITY_TYPE[entity].name] = ids;
	}
	// PHP answers an empty associative array as [].
	return { result: Object.keys(found).length === 0 ? [] : found };
};

const itemMethods: Record<string, Method> = {
	'crm.type.list': ({ params, portal }) => {
		const processes = portal.smartProcesses.types.filter((type) => !type.system);
		const types = processes.map(({ id, entityTypeId, title }) => ({
			id,
			entityTypeId,
			title,
			code: '',
			isStagesEnabled: 'Y',
		}));
		const page = pageOf(types, params.start);
		return { ...page, result: { types: page.result } };
	},
	'crm.item.fields': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		return { result: { fields: portal.smartProcesses.fields(process) } };
	},
	'crm.item.list': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		const page = list(process.items, params, () => true);
		return { ...page, result: { items: page.result } };
	},
	'crm.item.get': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		return { result: { item: portal.smartProcesses.item(process, params.id) } };
	},
	'crm.item.add': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		return { result: { item: portal.smartProcesses.add(process, params.fields) } };
	},
	'crm.item.update': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		return { result: { item: portal.smartProcesses.update(process, params.id, params.fields) } };
	},
	'crm.item.delete': ({ params, portal }) => {
		const process = portal.smartProcesses.type(params.entityTypeId);
		portal.smartProcesses.delete(process, params.id);
		return { result: [] };
	},
};

const taskIdOf = (params: Record<string, unknown>) => params.taskId ?? params.TASKID ?? params.id;
const taskSelect = (task: Row, select: unknown) => {
	const wanted = listOf(select).map((field) => camelOf(String(field).toUpperCase()));
	if (wanted.length === 0 || wanted.includes('*')) return task;
	return Object.fromEntries(
		Object.entries(task).filter(([field]) => field === 'id' || wanted.includes(field)),
	);
};

const taskMethods: Record<string, Method> = {
	'tasks.task.getfields': () => ({
		result: {
			fields: Object.fromEntries(
				Object.entries(TASK_FIELDS).map(([name, field]) => [
					name,
					{
						title: field.title,
						type: field.type,
						...(field.required ? { required: true } : {}),
						...(field.values ? { values: field.values } : {}),
						...(name === 'ID' ? { primary: true } : {}),
					},
				]),
			),
		},
	}),
	'tasks.task.list': ({ params, portal }) => {
		const page = list(portal.tasks.rows, params, () => true);
		const select = params.select ?? params.SELECT;
		return {
			...page,
			result: { tasks: (page.result as Row[]).map((task) => taskSelect(task, select)) },
		};
	},
	'tasks.task.get': ({ params, portal }) => ({
		result: { task: taskSelect(portal.tasks.find(taskIdOf(params)), params.select) },
	}),
	'tasks.task.add': ({ params, portal, caller }) => ({
		result: { task: portal.tasks.add(params.fields, caller.userId) },
	}),
	'tasks.task.update': ({ params, portal }) => ({
		result: { task: portal.tasks.update(taskIdOf(params), params.fields) },
	}),
	'tasks.task.complete': ({ params, portal }) => ({
		result: { task: portal.tasks.complete(taskIdOf(params)) },
	}),
	'tasks.task.delete': ({ params, portal }) => {
		portal.tasks.delete(taskIdOf(params));
		return { result: { task: true } };
	},
};

/** user.get: filter keys at the top level or in FILTER, sort/order, 50 a page. */
const userGet: Method = ({ params, portal }) => {
	const reserved = new Set(['start', 'sort', 'order', 'filter', 'FILTER', 'ADMIN_MODE', 'auth']);
	const topLevel = Object.fromEntries(Object.entries(params).filter(([key]) => !reserved.has(key)));
	const filter = { ...topLevel, ...((params.FILTER ?? params.filter ?? {}) as Row) };
	const sort = params.sort ? { [String(params.sort)]: params.order ?? 'ASC' } : undefined;
	const rows = sortRows(
		portal.users.filter((user) => matches(user, conditionsOf(filter))),
		sort,
	);
	return pageOf(rows, params.start === '-1' || params.start === -1 ? 0 : params.start);
};

export const CRM_METHODS: Record<string, Method> = {
	...Object.assign({}, ...CRM_ENTITIES.map(crmMethods)),
	'crm.duplicate.findbycomm': findByComm,
	...DIRECTORY_METHODS,
	...itemMethods,
	...taskMethods,
	'user.get': userGet,
};
