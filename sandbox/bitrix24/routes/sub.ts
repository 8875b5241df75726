import type { RouteHandler } from '../../framework';
import { frameMessages } from '../pull/framing';
import type { PullHub } from '../pull/pull-hub';
import { receiveClientText } from '../pull/pull-socket-server';

/**
 * GET /sub/?CHANNEL_ID=<private>/<shared>&revision=19&mid=<last> (or token=<jwt>, and clientId
 * on the cloud server): long polling. Holds the request until a message is pending (200 with the
 * messages) or the hold ends (304).
 */
export function longPoll(hub: PullHub): RouteHandler {
	return async (request) => {
		const channelIds = hub.channelsOf(request.query);
		if (typeof channelIds === 'string') return { status: 400, body: channelIds };
		const mid = request.query.get('mid') || undefined;
		const messages = await hub.waitFor(channelIds, mid, request.signal);
		if (messages.length === 0) return { status: 304 };
		return {
			status: 200,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: frameMessages(messages, hub.version),
		};
	};
}

/** POST /pubweb/?CHANNEL_ID=…: what a long-polling version 5 client sends (`mack:<mid>`). */
export function publish(hub: PullHub): RouteHandler {
	return (request) => {
		const channelIds = (request.query.get('CHANNEL_ID') ?? '').split('/').filter(Boolean);
		if (channelIds.length === 0 || !channelIds.every((id) => hub.isKnownChannel(id))) {
			return { status: 400 };
		}
		receiveClientText(hub, request.text());
		return { status: 200, body: '' };
	};
}
