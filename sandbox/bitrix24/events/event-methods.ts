import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { outboundEventsOf } from './outbound-events';

type Method = (context: MethodContext) => MethodResult;

function appOnly({ caller }: MethodContext, method: string) {
	if (caller.mode !== 'oauth') {
		throw new MethodError(
			403,
			'WRONG_AUTH_TYPE',
			`Method ${method} is available only for applications`,
		);
	}
}

function required(value: unknown, name: string): string {
	const text = String(value ?? '').trim();
	if (text === '')
		throw new MethodError(400, 'ERROR_ARGUMENT', `Argument '${name}' is null or empty`);
	return text;
}

/** event.bind / event.get / event.unbind, for OAuth apps only, as the portal answers them. */
export const EVENT_METHODS: Record<string, Method> = {
	'event.bind': (context) => {
		appOnly(context, 'event.bind');
		const event = required(context.params.event ?? context.params.EVENT, 'event').toUpperCase();
		const handler = required(context.params.handler ?? context.params.HANDLER, 'handler');
		if (!/^https?:\/\//i.test(handler)) {
			throw new MethodError(400, 'ERROR_HANDLER_URL', 'Wrong handler URL');
		}
		if (!/^ON[A-Z0-9_]+$/.test(event)) {
			throw new MethodError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
		}
		const events = outboundEventsOf(context.portal);
		events.origin = context.caller.origin;
		if (events.appHandlers().some((bound) => bound.event === event && bound.handler === handler)) {
			throw new MethodError(400, 'ERROR_CORE', 'Handler already binded');
		}
		const authType = Number(context.params.auth_type ?? context.caller.userId) || 0;
		events.bind(event, handler, authType);
		return { result: true };
	},
	'event.get': (context) => {
		appOnly(context, 'event.get');
		return {
			result: outboundEventsOf(context.portal)
				.appHandlers()
				.map((bound) => ({
					event: bound.event,
					handler: bound.handler,
					auth_type: String(bound.authType),
					offline: 0,
				})),
		};
	},
	'event.unbind': (context) => {
		appOnly(context, 'event.unbind');
		const event = required(context.params.event ?? context.params.EVENT, 'event').toUpperCase();
		const handler = required(context.params.handler ?? context.params.HANDLER, 'handler');
		return { result: { count: outboundEventsOf(context.portal).unbind(event, handler) } };
	},
};
