import type { PullMessage } from './pull-hub';

/**
 * Up to version 4 each message is framed JSON `{id, mid, channel, tag, time, text}`; version 5
 * speaks JSON-RPC: an `incoming.message` request whose params are the message itself
 * `{mid, body, sender}`, as Bitrix's pull client reads it (`@bitrix24/b24jssdk`
 * dist/esm/pullClient/client.mjs handleRpcIncomingMessage). Long polling sends them as a batch.
 */
export function frameMessages(messages: PullMessage[], version: 4 | 5): string {
	if (version === 5) return JSON.stringify(messages.map(rpcMessage));
	return messages.map(framedMessage).join('');
}

export function framedMessage(message: PullMessage, index = 0): string {
	return `#!NGINXNMS!#${JSON.stringify({
		id: index + 1,
		mid: message.mid,
		channel: message.channel.publicId,
		tag: `${message.seq}`,
		time: message.time,
		text: message.text,
	})}#!NGINXNME!#`;
}

/** Bitrix's SenderType: 2 is the backend (a REST publication). */
const BACKEND_SENDER = { type: 2, id: '' };

export function rpcMessage(message: PullMessage) {
	return {
		jsonrpc: '2.0',
		method: 'incoming.message',
		params: { mid: message.mid, body: message.text, sender: BACKEND_SENDER },
	};
}
