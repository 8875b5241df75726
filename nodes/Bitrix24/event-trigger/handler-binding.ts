import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';

interface BoundHandler {
	event?: unknown;
	handler?: unknown;
}

/** The app's handlers now bound on the portal (event.get). */
export async function boundHandlers(
	context: RequestContext,
	target: BitrixTarget,
): Promise<Array<{ event: string; handler: string }>> {
	const reply = await bitrixApiRequest(context, target, { method: 'event.get', effect: 'read' });
	const list = Array.isArray(reply.result) ? (reply.result as BoundHandler[]) : [];
	return list.map((bound) => ({
		event: String(bound.event ?? '').toUpperCase(),
		handler: String(bound.handler ?? ''),
	}));
}

export async function bindHandler(
	context: RequestContext,
	target: BitrixTarget,
	event: string,
	handler: string,
): Promise<void> {
	// A bind that timed out may have happened: not repeated, the check with event.get decides.
	await bitrixApiRequest(context, target, {
		method: 'event.bind',
		params: { event, handler },
		effect: 'write',
	});
}

/** Unbinding twice changes nothing, so it may be sent again after a dropped connection. */
export async function unbindHandler(
	context: RequestContext,
	target: BitrixTarget,
	event: string,
	handler: string,
): Promise<void> {
	await bitrixApiRequest(context, target, {
		method: 'event.unbind',
		params: { event, handler },
		effect: 'write',
		repeatable: true,
	});
}

/** Whether every event has this handler bound. */
export async function allBound(
	context: RequestContext,
	target: BitrixTarget,
	events: string[],
	handler: string,
): Promise<boolean> {
	const bound = await boundHandlers(context, target);
	return events.every((event) =>
		bound.some((candidate) => candidate.event === event && candidate.handler === handler),
	);
}
