import type { BackAuth } from './hook-delivery';

/** A request the push API answers 400 («Запрос содержит ошибку»). */
export class BadPushRequest extends Error {}
/** A line or specialist the login may not use: 403 («Недостаточно прав»). */
export class ForbiddenPushRequest extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function objectBody(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new BadPushRequest('the body must be a JSON object');
	}
	return value as Record<string, unknown>;
}

export function uuidField(body: Record<string, unknown>, name: string): string {
	const value = body[name];
	if (typeof value !== 'string' || !UUID.test(value)) {
		throw new BadPushRequest(`${name} must be a UUID`);
	}
	return value.toLowerCase();
}

export function optionalUuid(body: Record<string, unknown>, name: string): string | undefined {
	return body[name] === undefined || body[name] === null ? undefined : uuidField(body, name);
}

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

export interface Button {
	id?: string;
	text: string;
}

/** `keyboard`: rows of buttons, each with a `text` and an optional `id` ([][]Button?). */
export function keyboardField(body: Record<string, unknown>): Button[][] | undefined {
	const value = body.keyboard;
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every(Array.isArray)) {
		throw new BadPushRequest('keyboard must be an array of rows of buttons');
	}
	return (value as unknown[][]).map((row) =>
		row.map((button) => {
			const { id, text } = objectBody(button);
			if (typeof text !== 'string' || text === '') {
				throw new BadPushRequest('every button needs a text');
			}
			if (id !== undefined && id !== null && typeof id !== 'string') {
				throw new BadPushRequest('a button id must be a string');
			}
			return typeof id === 'string' ? { id, text } : { text };
		}),
	);
}

export function backAuthField(body: Record<string, unknown>): BackAuth | undefined {
	if (body.back_auth === undefined || body.back_auth === null) return undefined;
	const auth = objectBody(body.back_auth);
	const text = (name: string) => typeof auth[name] === 'string' && auth[name] !== '';
	if (auth.type === 'basic' && text('login') && text('password')) {
		return { type: 'basic', login: String(auth.login), password: String(auth.password) };
	}
	if (auth.type === 'bearer' && text('token')) return { type: 'bearer', token: String(auth.token) };
	throw new BadPushRequest(
		'back_auth needs type basic with login and password, or bearer with token',
	);
}
