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
		const channelIds = this.hub.channelsOf(url.searchParams);
		if (url.pathname !== SOCKET_PATH || typeof channelIds === 'string') {
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
		let seq = hub.resumeFrom(mid, hub.lastSeq, channelIds);
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
		const pinger = version === 5 ? setInterval(() => ws.send(PING), hub.pingMs) : undefined;

		ws.on('message', (data) => receiveClientText(hub, String(data)));
		ws.on('close', () => {
			unsubscribe();
			clearInterval(pinger);
			this.sockets.delete(ws);
			hub.connections--;
		});
		flush();
	}
}

const PING = 'ping';

/**
 * What a version 5 client sends: `pong` to a ping and `mack:<mid>` for each message, as plain
 * text (`@bitrix24/b24jssdk` dist/esm/pullClient/client.mjs onJsonRpcPing, handleRpcIncomingMessage).
 */
export function receiveClientText(hub: PullHub, text: string): void {
	for (const line of text.split('\n')) {
		if (line === 'pong') hub.pongs.push(line);
		else if (line.startsWith('mack:')) hub.acks.push(line.slice('mack:'.length));
	}
}

function isExpiry(message: PullMessage): boolean {
	return message.text.module_id === 'pull' && message.text.command === 'channel_expire';
}
