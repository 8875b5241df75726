import { MethodError } from '../bitrix-errors';
import { BITRIX24_DEMO_CLIENT_ID } from '../demo-data';
import type { MethodContext, MethodResult } from '../methods';
import { adminOnly, appOnly, required } from './method-checks';
import { outboundEventsOf } from './outbound-events';
import { isOffline, OFFLINE_METHODS } from './offline-methods';

type Method = (context: MethodContext) => MethodResult;

/** event.bind / event.get / event.unbind, for OAuth apps only, as the portal answers them. */
export const EVENT_METHODS: Record<string, Method> = {
	'event.bind': (context) => {
		appOnly(context, 'event.bind');
		if (isOffline(context)) return OFFLINE_METHODS.bind(context);
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
		const options = (context.params.options ?? {}) as Record<string, unknown>;
		const minTimeout = Number(options.minTimeout);
		if (event === 'ONOFFLINEEVENT') adminOnly(context);
		events.bind(event, handler, authType, Number.isFinite(minTimeout) ? minTimeout : undefined);
		return { result: true };
	},
	'event.get': (context) => {
		appOnly(context, 'event.get');
		const events = outboundEventsOf(context.portal);
		return {
			result: [
				...events.appHandlers().map((bound) => ({
					event: bound.event,
					handler: bound.handler,
					auth_type: String(bound.authType),
					offline: 0,
				})),
				// event-get.md lists event, handler, auth_type and offline: not the auth_connector.
				...events.offline.bindings.map((bound) => ({
					event: bound.event,
					handler: '',
					auth_type: '0',
					offline: 1,
				})),
			],
		};
	},
	'event.unbind': (context) => {
		appOnly(context, 'event.unbind');
		if (isOffline(context)) return OFFLINE_METHODS.unbind(context);
		const event = required(context.params.event ?? context.params.EVENT, 'event').toUpperCase();
		const handler = required(context.params.handler ?? context.params.HANDLER, 'handler');
		return { result: { count: outboundEventsOf(context.portal).unbind(event, handler) } };
	},
	// app.info (b24restdocs api-reference/common/system/app-info.md): the app the token belongs to;
	// "Application context required" for a webhook. The portal has one app, the demo app.
	'app.info': (context) => {
		if (context.caller.mode !== 'oauth') {
			throw new MethodError(401, 'ACCESS_DENIED', 'Access denied! Application context required');
		}
		return {
			result: {
				ID: 1,
				CODE: BITRIX24_DEMO_CLIENT_ID,
				VERSION: 1,
				STATUS: 'L',
				INSTALLED: true,
				PAYMENT_EXPIRED: 'N',
				DAYS: null,
				LANGUAGE_ID: 'ru',
				LICENSE: 'ru_pro100',
				LICENSE_TYPE: 'pro100',
				LICENSE_FAMILY: 'pro',
			},
		};
	},
	'event.offline.get': (context) => OFFLINE_METHODS.get(context),
	'event.offline.list': (context) => OFFLINE_METHODS.list(context),
	'event.offline.clear': (context) => OFFLINE_METHODS.clear(context),
	'event.offline.error': (context) => OFFLINE_METHODS.error(context),
};
