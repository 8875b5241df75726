import type { IDataObject } from 'n8n-workflow';

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
	/** JSON-RPC requests (version 5 `ping`) that want an answer, by id. */
	pings: Array<string | number>;
}

const FRAME = /#!NGINXNMS!#([\s\S]*?)#!NGINXNME!#/g;

/** The messages of one reply: framed JSON up to version 4, JSON-RPC from version 5. */
export function parsePullBody(body: string, version: number): PullBatch {
	if (version >= 5 && !body.includes('#!NGINXNMS!#')) return parseRpc(body);
	const events: PullEvent[] = [];
	for (const [, json] of body.matchAll(FRAME)) {
		const message = parseObject(json);
		const event = message && toEvent(message.mid ?? message.id, message.channel, message.text);
		if (event) events.push(event);
	}
	return { events, pings: [] };
}

function parseRpc(body: string): PullBatch {
	const parsed = parseJson(body);
	const requests = (Array.isArray(parsed) ? parsed : [parsed]).filter(isObject);
	const batch: PullBatch = { events: [], pings: [] };
	for (const request of requests) {
		if (
			request.method === 'ping' &&
			(typeof request.id === 'string' || typeof request.id === 'number')
		) {
			batch.pings.push(request.id);
			continue;
		}
		if (request.method !== 'incoming.message' || !isObject(request.params)) continue;
		const params = request.params;
		const messages = Array.isArray(params.messages) ? params.messages : [params.message];
		for (const message of messages.filter(isObject)) {
			const event = toEvent(
				message.mid ?? message.id,
				message.channel,
				message.body ?? message.text,
			);
			if (event) batch.events.push(event);
		}
	}
	return batch;
}

function toEvent(mid: unknown, channel: unknown, rawText: unknown): PullEvent | undefined {
	const text = typeof rawText === 'string' ? parseObject(rawText) : rawText;
	if (!isObject(text) || (typeof mid !== 'string' && typeof mid !== 'number')) return undefined;
	return {
		moduleId: String(text.module_id ?? ''),
		command: String(text.command ?? ''),
		params: isObject(text.params) ? text.params : {},
		extra: isObject(text.extra) ? text.extra : {},
		mid: String(mid),
		channel: typeof channel === 'string' ? channel : '',
	};
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
	return isObject(parsed) ? parsed : undefined;
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}
