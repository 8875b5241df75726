import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';
import type { PullCursor } from '../transport/pull-server';

export interface PullEvent extends IDataObject {
	moduleId: string;
	command: string;
	params: IDataObject;
	extra: IDataObject;
	mid: string;
	channel: string;
}

export interface PullBatch {
	events: PullEvent[];
	/** Version 5 sent the bare text `ping`, which wants `pong`. */
	ping: boolean;
	/** The cursor after these messages, when they carry one. */
	cursor?: PullCursor;
}

export const PING = 'ping';
export const PONG = 'pong';
export const acknowledgement = (mid: string) => `mack:${mid}`;

const FRAME = /#!NGINXNMS!#([\s\S]*?)#!NGINXNME!#/g;

/**
 * The messages of one reply as Bitrix's own pull client reads them (`@bitrix24/b24jssdk`
 * dist/esm/pullClient/client.mjs: onIncomingMessage, extractPlainTextMessages,
 * handleRpcIncomingMessage; json-rpc.mjs: parseJsonRpcMessage; the same logic in Bitrix's core,
 * public copy avshatalov48/bitrix-core-business modules/pull/install/js/pull/client/pull.client.js):
 * up to version 4 framed JSON
 * `{mid, channel, tag, time, text}`; from version 5 JSON-RPC requests (one or a batch)
 * `incoming.message` whose params are the message itself, `{mid, body, sender}`, with
 * `user_params` and `dictionary` merged into the body's params, `sender` into its extra.
 */
export function parsePullBody(body: string, version: number): PullBatch {
	if (version >= 5) return body === PING ? { events: [], ping: true } : parseRpc(body);
	const batch: PullBatch = { events: [], ping: false };
	for (const [, json] of body.matchAll(FRAME)) {
		const message = parseObject(json);
		if (!message) continue;
		const event = toEvent(message.mid, message.channel, message.text);
		if (!event) continue;
		batch.events.push(event);
		batch.cursor = {
			mid: event.mid,
			tag: textOrUndefined(message.tag),
			time: textOrUndefined(message.time),
		};
	}
	return batch;
}

function parseRpc(body: string): PullBatch {
	const parsed = parseJson(body);
	const requests = (Array.isArray(parsed) ? parsed : [parsed]).filter(isPlainObject);
	const batch: PullBatch = { events: [], ping: false };
	for (const request of requests) {
		if (request.method !== 'incoming.message' || !isPlainObject(request.params)) continue;
		const fields = request.params;
		const text = typeof fields.body === 'string' ? parseObject(fields.body) : fields.body;
		if (!isPlainObject(text)) continue;
		const params = {
			...(isPlainObject(text.params) ? text.params : {}),
			...(isPlainObject(fields.user_params) ? fields.user_params : {}),
			...(isPlainObject(fields.dictionary) ? fields.dictionary : {}),
		};
		const extra = {
			...(isPlainObject(text.extra) ? text.extra : {}),
			...(fields.sender === undefined ? {} : { sender: fields.sender as IDataObject }),
		};
		const event = toEvent(fields.mid, fields.channel, { ...text, params, extra });
		if (!event) continue;
		batch.events.push(event);
		batch.cursor = { mid: event.mid };
	}
	return batch;
}

function toEvent(mid: unknown, channel: unknown, rawText: unknown): PullEvent | undefined {
	const text = typeof rawText === 'string' ? parseObject(rawText) : rawText;
	if (!isPlainObject(text) || (typeof mid !== 'string' && typeof mid !== 'number'))
		return undefined;
	return {
		moduleId: String(text.module_id ?? ''),
		command: String(text.command ?? ''),
		params: isPlainObject(text.params) ? text.params : {},
		extra: isPlainObject(text.extra) ? text.extra : {},
		mid: String(mid),
		channel: typeof channel === 'string' ? channel : '',
	};
}

function textOrUndefined(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function parseObject(text: string): IDataObject | undefined {
	const parsed = parseJson(text);
	return isPlainObject(parsed) ? parsed : undefined;
}
