import type { PullMessage } from './pull-hub';

/** Server versions up to 4 frame each message; version 5 speaks JSON-RPC. */
export function frameMessages(messages: PullMessage[], version: 4 | 5): string {
	if (version === 5) return JSON.stringify(messages.map(rpcMessage));
	return messages
		.map(
			(message, index) =>
				`#!NGINXNMS!#${JSON.stringify({
					id: index + 1,
					mid: message.mid,
					channel: message.channel.publicId,
					tag: `${message.seq}`,
					time: new Date().toUTCString(),
					text: message.text,
				})}#!NGINXNME!#`,
		)
		.join('');
}

export function rpcMessage(message: PullMessage) {
	return {
		jsonrpc: '2.0',
		method: 'incoming.message',
		params: {
			messages: [{ mid: message.mid, channel: message.channel.publicId, body: message.text }],
		},
	};
}
