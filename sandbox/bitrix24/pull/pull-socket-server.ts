import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

import { frameMessages, rpcMessage } from './framing';
import type { PullHub, PullMessage } from './pull-hub';

export const SOCKET_PATH = '/subws/';

/**
 * The queue server's WebSocket side: sends what is pending after `mid`, then each new message;
 * version 5 speaks JSON-RPC, pings and takes acknowledgements. A socket whose channel expired is
 * closed after `pull/channel_expire`.
 */
export class PullSocketServer {
	private readonly server = new WebSocketServer({ noServer: true });
	private readonly sockets = new Set<WebSocket>();
	/** The query string of each accepted connection. */
	readonly connects: string[] = [];

	constructor(private readonly hub: PullHub) {}

	upgrade(message: IncomingMessage, socket: Socket, head: Buffer): void {
		const url = new URL(message.url ?? '/', 'http://simulator');
		const channelIds = (url.searchParams.get('CHANNEL_ID') ?? '').split('/').filter(Boolean);
		const known = channelIds.length > 0 && channelIds.every((id) => this.hub.isKnownChannel(id));
		if (url.pathname !== SOCKET_PATH || !known) {
			socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		this.server.handleUpgrade(message, socket, head, (ws) => {
			this.connects.push(url.search.slice(1));
			this.serve(ws, channelIds, url.searchParams.get('mid') ?? undefined);
		});
	}

	closeAll(): void {
		for (const socket of this.sockets) socket.terminate();
	}

	private serve(ws: WebSocket, channelIds: string[], mid: string | undefined): void {
		const hub = this.hub;
		const version = hub.version;
		let seq = hub.resumeFrom(mid, hub.lastSeq);
		let pings = 0;
		this.sockets.add(ws);
		hub.connections++;

		const flush = () => {
			const pending = hub.after(channelIds, seq);
			if (pending.length === 0 || ws.readyState !== ws.OPEN) return;
			seq = pending[pending.length - 1].seq;
			send(pending);
			if (pending.some(isExpiry)) ws.close(1000, 'channel expired');
		};
		const send = (messages: PullMessage[]) => {
			if (version === 4) ws.send(frameMessages(messages, 4));
			else for (const message of messages) ws.send(JSON.stringify(rpcMessage(message)));
		};
		const unsubscribe = hub.subscribe(flush);
		const pinger =
			version === 5
				? setInterval(
						() => ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'ping', id: ++pings })),
						hub.pingMs,
					)
				: undefined;

		ws.on('message', (data) => this.receive(String(data)));
		ws.on('close', () => {
			unsubscribe();
			clearInterval(pinger);
			this.sockets.delete(ws);
			hub.connections--;
		});
		flush();
	}

	/** A client's answer to a ping, or its acknowledgement of messages. */
	private receive(text: string): void {
		let parsed: { method?: string; result?: unknown; id?: unknown; params?: { mids?: unknown } };
		try {
			parsed = JSON.parse(text) as typeof parsed;
		} catch {
			return;
		}
		if (parsed.method === 'incoming.message.ack' && Array.isArray(parsed.params?.mids)) {
			this.hub.acks.push(...parsed.params.mids.map(String));
		} else if (parsed.result !== undefined && parsed.id !== undefined) {
			this.hub.pongs.push(parsed.id);
		}
	}
}

function isExpiry(message: PullMessage): boolean {
	return message.text.module_id === 'pull' && message.text.command === 'channel_expire';
}
