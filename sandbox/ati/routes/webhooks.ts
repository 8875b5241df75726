// POST /webhooks/v1/create, GET /webhooks/v1/status/{id}, DELETE /webhooks/v1/delete/{id}
// (the webhooks section of ATI's API reference; see webhook-hub.ts for the choices).
import type { RouteHandler } from '../../framework';
import { badRequest, notFound } from '../ati-errors';
import { readJsonObject } from '../json-body';
import type { WebhookHub } from '../webhook-hub';

export function createWebhook(hub: WebhookHub): RouteHandler {
	return (request) => {
		const body = readJsonObject(request);
		if (typeof body === 'string') return badRequest(body);
		const hook = hub.create(body);
		if (typeof hook === 'string') return badRequest(hook);
		return { status: 202, headers: { Location: `/webhooks/v1/status/${hook.id}` }, body: null };
	};
}

export function webhookStatus(hub: WebhookHub): RouteHandler {
	return (_request, { id }) => {
		const hook = hub.get(id);
		return hook ? { status: 200, body: { hook } } : notFound(`Webhook ${id} not found`);
	};
}

export function deleteWebhook(hub: WebhookHub): RouteHandler {
	return (_request, { id }) =>
		hub.remove(id) ? { status: 202, body: null } : notFound(`Webhook ${id} not found`);
}

/** GET /__control/ati/webhooks: the subscriptions and every delivery made. */
export function controlWebhooks(hub: WebhookHub): RouteHandler {
	return () => ({ status: 200, body: { hooks: hub.list(), deliveries: hub.deliveries } });
}

/** POST /__control/ati/webhooks/redeliver: the last delivery again, marked as a retry. */
export function redeliver(hub: WebhookHub): RouteHandler {
	return () =>
		hub.redeliverLast()
			? { status: 200, body: { redelivered: true } }
			: notFound('Nothing was delivered yet');
}
