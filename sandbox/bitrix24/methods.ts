import { MethodError } from './bitrix-errors';
import { EVENT_METHODS } from './events/event-methods';
import { CRM_METHODS } from './crm/crm-methods';
import { CRM_EXTRA_METHODS } from './crm-extras';
import { listOf } from './php-params';
import type { PortalState } from './portal-state';
import type { PullHub } from './pull/pull-hub';
import { WORK_METHODS } from './work/work-methods';

export { PAGE_SIZE } from './crm/query';

export interface Caller {
	mode: 'webhook' | 'oauth';
	userId: number;
	/** The simulator's own address as the client sees it, for the pull server's URLs. */
	origin: string;
}

export interface MethodResult {
	result: unknown;
	total?: number;
	next?: number;
}

export interface MethodContext {
	params: Record<string, unknown>;
	caller: Caller;
	portal: PortalState;
	pull: PullHub;
}

type Method = (context: MethodContext) => MethodResult;

const notFound = () => new MethodError(400, '', 'Not found');

function profileOf({ caller, portal }: MethodContext) {
	const user = portal.users.find((candidate) => Number(candidate.ID) === caller.userId);
	if (!user) throw notFound();
	return user;
}

function appOnly(caller: Caller, method: string) {
	if (caller.mode !== 'oauth') {
		throw new MethodError(
			403,
			'WRONG_AUTH_TYPE',
			`Method ${method} is available only for applications`,
		);
	}
}

export const METHODS: Record<string, Method> = {
	profile: (context) => {
		const { ID, NAME, LAST_NAME, ADMIN } = profileOf(context);
		return {
			result: { ID, ADMIN, NAME, LAST_NAME, PERSONAL_GENDER: '', TIME_ZONE: 'Europe/Moscow' },
		};
	},
	'user.current': (context) => ({ result: profileOf(context) }),
	...CRM_METHODS,
	...CRM_EXTRA_METHODS,
	...EVENT_METHODS,
	...WORK_METHODS,
	'pull.application.config.get': ({ params, caller, pull }) => {
		appOnly(caller, 'pull.application.config.get');
		return { result: pull.config(caller.userId, caller.origin, params.REOPEN === 'Y') };
	},
	'pull.application.event.add': ({ params, caller, pull }) => {
		appOnly(caller, 'pull.application.event.add');
		const command = String(params.COMMAND ?? '');
		const moduleId = String(params.MODULE_ID ?? 'application');
		if (!/^[\w:|.-]+$/.test(command)) {
			throw new MethodError(400, 'WRONG_COMMAND', 'Command format is wrong');
		}
		if (!/^[a-z0-9._]+$/.test(moduleId)) {
			throw new MethodError(400, 'WRONG_MODULE_ID', 'Module ID format is wrong');
		}
		const userIds = listOf(params.USER_ID).map(Number);
		pull.publish({ moduleId, command, params: params.PARAMS ?? {}, userIds });
		return { result: true };
	},
	'pull.application.push.add': ({ params, caller, portal }) => {
		appOnly(caller, 'pull.application.push.add');
		const userIds = listOf(params.USER_ID).map(Number);
		const text = String(params.TEXT ?? '');
		if (userIds.length === 0 || text === '') {
			throw new MethodError(400, 'PARAMS_ERROR', 'USER_ID and TEXT are required');
		}
		portal.pushes.push({ userIds, text, at: Date.now() });
		return { result: true };
	},
};
