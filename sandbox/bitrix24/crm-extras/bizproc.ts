// Business processes as bitrix24/b24restdocs describes them: api-reference/bizproc/
// bizproc-workflow-{start,instances,terminate}.md and template/bizproc-workflow-template-list.md.
import { randomBytes } from 'node:crypto';

import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { listOf } from '../php-params';
import type { Row } from '../crm/query';
import { conditionsOf, matches, pageOf, sortRows } from '../crm/query';
import { nowStamp } from '../crm/store';

type Method = (context: MethodContext) => MethodResult;

const DYNAMIC = 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic';

export const DEMO_TEMPLATES: Row[] = [
	{
		ID: '1',
		NAME: 'Согласование сделки',
		MODULE_ID: 'crm',
		ENTITY: 'CCrmDocumentDeal',
		DOCUMENT_TYPE: 'DEAL',
		AUTO_EXECUTE: '0',
		USER_ID: '1',
	},
	{
		ID: '2',
		NAME: 'Проверка лида',
		MODULE_ID: 'crm',
		ENTITY: 'CCrmDocumentLead',
		DOCUMENT_TYPE: 'LEAD',
		AUTO_EXECUTE: '1',
		USER_ID: '1',
	},
	{
		ID: '3',
		NAME: 'Контроль доставки',
		MODULE_ID: 'crm',
		ENTITY: DYNAMIC,
		DOCUMENT_TYPE: 'DYNAMIC_1032',
		AUTO_EXECUTE: '0',
		USER_ID: '1',
	},
	{
		ID: '4',
		NAME: 'Скидка по сделке',
		MODULE_ID: 'crm',
		ENTITY: 'CCrmDocumentDeal',
		DOCUMENT_TYPE: 'DEAL',
		AUTO_EXECUTE: '0',
		USER_ID: '1',
	},
];

/** The methods are for administrators only. */
function adminOnly({ caller, portal }: MethodContext) {
	const user = portal.users.find((candidate) => Number(candidate.ID) === caller.userId);
	if (user?.ADMIN !== true) throw new MethodError(403, 'ACCESS_DENIED', 'Access denied!');
}

/** Field names may come in any case. */
const upperKeys = (value: unknown): Row =>
	Object.fromEntries(
		Object.entries((value ?? {}) as Row).map(([key, entry]) => {
			const prefix = /^[=!<>]*/.exec(key)?.[0] ?? '';
			return [prefix + key.slice(prefix.length).toUpperCase(), entry];
		}),
	);

function select(rows: Row[], wanted: unknown, defaults: string[]): Row[] {
	const fields = listOf(wanted).map((field) => String(field).toUpperCase());
	const keep = fields.length > 0 ? fields : defaults;
	return rows.map((row) =>
		Object.fromEntries(keep.filter((f) => f in row).map((f) => [f, row[f]])),
	);
}

/** `DEAL_777` of `CCrmDocumentDeal`, `DYNAMIC_147_1` of the Dynamic class: the document type. */
function documentTypeOf(entity: string, document: string): string | undefined {
	const pattern = entity === DYNAMIC ? /^(DYNAMIC_\d+)_\d+$/ : /^([A-Z_]+)_\d+$/;
	return pattern.exec(document)?.[1];
}

export const BIZPROC_METHODS: Record<string, Method> = {
	'bizproc.workflow.template.list': (context) => {
		adminOnly(context);
		const { params } = context;
		const filter = upperKeys(params.FILTER ?? params.filter);
		const rows = sortRows(
			DEMO_TEMPLATES.filter((row) => matches(row, conditionsOf(filter))),
			upperKeys(params.ORDER ?? params.order ?? { ID: 'ASC' }),
		);
		const page = pageOf(rows, params.start);
		return {
			...page,
			result: select(page.result as Row[], params.SELECT ?? params.select, ['ID']),
		};
	},
	'bizproc.workflow.start': (context) => {
		adminOnly(context);
		const { params, portal, caller } = context;
		if (params.TEMPLATE_ID === undefined || params.TEMPLATE_ID === '') {
			throw new MethodError(400, 'ERROR_WRONG_WORKFLOW_ID', 'Empty TEMPLATE_ID');
		}
		const template = DEMO_TEMPLATES.find((row) => row.ID === String(params.TEMPLATE_ID));
		if (!template) throw new MethodError(400, 'ERROR_WRONG_WORKFLOW_ID', 'Template not found');
		const document = listOf(params.DOCUMENT_ID).map(String);
		if (document.length !== 3) throw new MethodError(400, '', 'Wrong DOCUMENT_ID!');
		const [module, entity, id] = document;
		const type = documentTypeOf(entity, id);
		if (!type) throw new MethodError(400, '', 'Incorrect document type!');
		if (
			module !== template.MODULE_ID ||
			entity !== template.ENTITY ||
			type !== template.DOCUMENT_TYPE
		) {
			throw new MethodError(400, '', 'Template type and DOCUMENT_ID mismatch!');
		}
		const workflowId = `${randomBytes(7).toString('hex').slice(0, 14)}.${String(Date.now()).slice(-8)}`;
		const stamp = nowStamp();
		portal.crmExtras.workflows.push({
			ID: workflowId,
			MODIFIED: stamp,
			OWNED_UNTIL: null,
			MODULE_ID: module,
			ENTITY: entity,
			DOCUMENT_ID: id,
			STARTED: stamp,
			STARTED_BY: String(caller.userId),
			TEMPLATE_ID: template.ID,
			PARAMETERS: params.PARAMETERS ?? {},
		});
		return { result: workflowId };
	},
	'bizproc.workflow.instances': (context) => {
		adminOnly(context);
		const { params, portal } = context;
		const filter = upperKeys(params.FILTER ?? params.filter);
		const rows = sortRows(
			portal.crmExtras.workflows.filter((row) => matches(row, conditionsOf(filter))),
			upperKeys(params.ORDER ?? params.order ?? { MODIFIED: 'DESC' }),
		);
		const page = pageOf(rows, params.start);
		const defaults = ['ID', 'MODIFIED', 'OWNED_UNTIL'];
		return {
			...page,
			result: select(page.result as Row[], params.SELECT ?? params.select, defaults),
		};
	},
	'bizproc.workflow.terminate': (context) => {
		adminOnly(context);
		const { params, portal } = context;
		const id = String(params.ID ?? '');
		if (id === '')
			throw new MethodError(400, 'ERROR_WRONG_WORKFLOW_ID', 'Empty workflow instance ID');
		const extras = portal.crmExtras;
		const running = extras.workflows.find((row) => row.ID === id);
		// The docs name no error for an ID that is not running; a stopped one is no longer listed.
		if (!running)
			throw new MethodError(400, 'ERROR_WRONG_WORKFLOW_ID', 'Workflow instance not found');
		extras.workflows = extras.workflows.filter((row) => row !== running);
		return { result: true };
	},
};
