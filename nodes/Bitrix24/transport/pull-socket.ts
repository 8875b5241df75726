import type { ChannelConfig, PullCursor } from './pull-server';
import { connectQuery } from './pull-server';

/** The parts of the WHATWG WebSocket the trigger uses. */
export interface PullSocket {
	send(text: string): void;
	close(): void;
}

interface SocketEvents {
	onText: (text: string, socket: PullSocket) => void;
}

type WebSocketClass = new (url: string) => {
	addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
	send(text: string): void;
	close(): void;
};

/** The runtime's own WebSocket (Node 22, or Node 20 with --experimental-websocket), if any. */
function runtimeWebSocket(): WebSocketClass | undefined {
	const candidate = (globalThis as { WebSocket?: unknown }).WebSocket;
	return typeof candidate === 'function' ? (candidate as WebSocketClass) : undefined;
}

export function canUseWebSocket(config: ChannelConfig): boolean {
	return config.socketUrl !== undefined && runtimeWebSocket() !== undefined;
}

/**
 * Listens on the queue server's WebSocket until it closes. Resolves when a socket that opened is
 * closed (by either side); rejects when it could not open.
 */
export async function listenSocket(
	config: ChannelConfig,
	cursor: PullCursor,
	events: SocketEvents,
	opened: (socket: PullSocket) => void,
): Promise<void> {
	const WebSocket = runtimeWebSocket() as WebSocketClass;
	const url = new URL(config.socketUrl as string);
	for (const [key, value] of Object.entries(connectQuery(config, cursor))) {
		url.searchParams.set(key, String(value));
	}
	await new Promise<void>((resolve, reject) => {
		const socket = new WebSocket(url.toString());
		let open = false;
		socket.addEventListener('open', () => {
			open = true;
			opened(socket);
		});
		socket.addEventListener('message', (event) => {
			if (typeof event.data === 'string') events.onText(event.data, socket);
		});
		socket.addEventListener('close', () =>
			open ? resolve() : reject(new Error('The Push & Pull WebSocket could not be opened')),
		);
	});
}
