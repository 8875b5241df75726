import type { RouteHandler } from '../../framework';
import { jsonError } from '../../framework';
import type { Bitrix24Simulator, PullSettings } from '../bitrix24-simulator';
import { workSnapshot } from '../work/work-snapshot';

type Body = Record<string, unknown>;

function bodyOf(text: string): Body {
	if (text.trim() === '') return {};
	const parsed = JSON.parse(text) as unknown;
	return parsed && typeof parsed === 'object' ? (parsed as Body) : {};
}

/** The simulator's own control routes, under /__control/bitrix24/. */
export function controlRoutes(sim: Bitrix24Simulator): Array<[string, string, RouteHandler]> {
	return [
		['GET', '/bitrix24/state', () => ({ status: 200, body: sim.state() })],
		['GET', '/bitrix24/work', () => ({ status: 200, body: workSnapshot(sim.portal) })],
		['POST', '/bitrix24/tokens', () => ({ status: 201, body: sim.issueTokens() })],
		[
			'POST',
			'/bitrix24/expire-tokens',
			() => ({ status: 200, body: { expired: sim.tokens.expireAccessTokens() } }),
		],
		[
			'POST',
			'/bitrix24/revoke-tokens',
			() => {
				sim.tokens.revokeAll();
				return { status: 204 };
			},
		],
		[
			'POST',
			'/bitrix24/server-restart',
			() => {
				sim.pull.announceRestart();
				return { status: 204 };
			},
		],
		[
			'POST',
			'/bitrix24/expire-channels',
			() => {
				sim.pull.expireChannels();
				return { status: 204 };
			},
		],
		[
			'POST',
			'/bitrix24/pull',
			(request) => {
				const body = bodyOf(request.text());
				if (body.version !== undefined && body.version !== 4 && body.version !== 5) {
					return jsonError(400, 'bad_request', 'version must be 4 or 5');
				}
				sim.configurePull(body as PullSettings);
				return { status: 200, body: sim.state().pull };
			},
		],
		[
			'GET',
			'/bitrix24/events',
			() => ({
				status: 200,
				body: { handlers: sim.events.handlers, deliveries: sim.events.deliveries },
			}),
		],
		[
			'POST',
			'/bitrix24/events/outbound-webhook',
			(request) => {
				const body = bodyOf(request.text());
				const events = Array.isArray(body.events) ? body.events.map(String) : [];
				if (typeof body.handler !== 'string' || events.length === 0) {
					return jsonError(400, 'bad_request', 'handler and events are required');
				}
				sim.events.origin = sim.baseUrl;
				return { status: 201, body: sim.events.addOutboundWebhook(body.handler, events) };
			},
		],
		[
			'POST',
			'/bitrix24/events/settings',
			(request) => {
				const body = bodyOf(request.text());
				if (body.advanceClockSeconds !== undefined) {
					sim.events.advanceClock(Number(body.advanceClockSeconds));
				}
				return { status: 200, body: { clockOffsetMs: sim.events.clockOffsetMs } };
			},
		],
		[
			'POST',
			'/bitrix24/events/record-changed',
			(request) => {
				const body = bodyOf(request.text());
				if (typeof body.event !== 'string' || !body.fields || typeof body.fields !== 'object') {
					return jsonError(400, 'bad_request', 'event and fields are required');
				}
				sim.portal.recordChanged(body.event, body.fields as Record<string, unknown>);
				return { status: 202, body: { announced: body.event } };
			},
		],
		[
			'POST',
			'/bitrix24/limit',
			(request) => {
				const body = bodyOf(request.text());
				sim.bucket.limit = {
					perSecond: Number(body.perSecond) || 2,
					burst: Number(body.burst) || 50,
				};
				return { status: 200, body: sim.bucket.limit };
			},
		],
		[
			'POST',
			'/bitrix24/deals',
			(request) => {
				sim.portal.setDealCount(Number(bodyOf(request.text()).count) || 0);
				return { status: 200, body: { count: sim.portal.deals.length } };
			},
		],
	];
}
