import { MethodError } from '../bitrix-errors';
import type { MethodContext } from '../methods';

export function appOnly({ caller }: MethodContext, method: string) {
	if (caller.mode !== 'oauth') {
		throw new MethodError(
			403,
			'WRONG_AUTH_TYPE',
			`Method ${method} is available only for applications`,
		);
	}
}

/** The offline queue is the portal administrator's (b24restdocs `api-reference/events/index.md`). */
export function adminOnly({ caller, portal }: MethodContext, what = 'Access denied!') {
	const user = portal.users.find((candidate) => Number(candidate.ID) === caller.userId);
	if (!user?.ADMIN) throw new MethodError(403, 'ACCESS_DENIED', what);
}

export function required(value: unknown, name: string): string {
	const text = String(value ?? '').trim();
	if (text === '')
		throw new MethodError(400, 'ERROR_ARGUMENT', `Argument '${name}' is null or empty`);
	return text;
}
