/*
 * The 1C-Connect push API for service lines and bots (host push.1c-connect.com), as the vendor's
 * public wiki (1c-connect.atlassian.net/wiki/spaces/PUBLIC) describes it: 4.2.1.1 SetHook (page
 * 1289388306), 4.2.1.2 DelAllHook (1289355653), 4.2.1.3 DelHook (1289355682), 4.2.2.4
 * DropTreatment (1347551359), 4.2.3.1 open treatments (1289355600) with the Treatment object
 * (1289322810), 4.2.3.5 lines (2156429313) with the Line object (1289420955), 4.3.1.1 AppointStart
 * (1348632607), 4.3.1.2 AppointSpec (1348632627), SendMessageLine (2580447274), DropKeyboard
 * (1347551311), SendImageLine (1492091047), the hook message's `data` on a move between lines
 * (1487241255: direction from/to, line_id, treatment_id). Writes answer 200 with no body; errors
 * are 400, 401, 403. The hook call body, its message types and the multipart file send (a `meta`
 * JSON part and a `file` part) follow the vendor's example bot, 1C-Connect/1cconnect-example-bot
 * (src/bot/messages/text.go, src/bot/requests/*.go), and the move to another line (POST
 * /v1/line/reroute/ with to_line_id and quote, message type 89) its text bot,
 * 1C-Connect/1cconnect-text-bot (internal/connect/client/treatment.go), where the wiki pages found
 * say nothing.
 */
import { randomUUID } from 'node:crypto';

import type { RouteHandler, SimRequest, SimResponse } from '../../framework';
import { InvalidJsonError, jsonError } from '../../framework';
import type { Delivery, Hook } from './hook-delivery';
import { deliver } from './hook-delivery';
import type { PushLine } from './push-demo-data';
import {
	PUSH_DEMO_CLIENTS,
	PUSH_DEMO_LINES,
	PUSH_DEMO_SPECIALISTS,
	PUSH_PATH_PREFIX,
} from './push-demo-data';
import type { HookEvent } from './push-events';
import { MESSAGE_TYPE, hookEvent } from './push-events';
import type { Button } from './push-validation';
import {
	BadPushRequest,
	ForbiddenPushRequest,
	backAuthField,
	isUuid,
	keyboardField,
	objectBody,
	optionalUuid,
	uuidField,
} from './push-validation';

export interface Treatment {
	treatment_id: string;
	line_id: string;
	user_id: string;
	initialized_at: string;
	treatment_duration?: number;
	current_specialist: string | null;
}

/** What the line's client sees: messages sent to them, in order, and the keyboard shown. */
export interface SentMessage {
	author_id: string | null;
	text: string;
	keyboard?: Button[][];
	file?: { file_name: string; size: number; comment?: string };
}

export interface Conversation {
	line_id: string;
	user_id: string;
	treatment?: Treatment;
	closed: Treatment[];
	keyboard?: Button[][];
	sent: SentMessage[];
	/** Hook calls of one conversation go out one after another, in the order they happened. */
	chain: Promise<void>;
}

/** How the simulator hosting the push API routes and authenticates. */
export interface PushHost {
	route(method: string, pattern: string, handler: RouteHandler): unknown;
	controlRoute(method: string, pattern: string, handler: RouteHandler): unknown;
	/** Answers 401 unless the request carries the API login and password (HTTP Basic). */
	authenticated(handler: RouteHandler): RouteHandler;
}

export class PushApi {
	readonly lines = new Map<string, PushLine>();
	readonly hooks = new Map<string, Hook>();
	readonly conversations = new Map<string, Conversation>();
	readonly deliveries: Delivery[] = [];
	/** Files clients sent, by ID. */
	readonly files = new Map<string, { name: string; type: string; bytes: Buffer }>();
	private readonly specialists = new Set<string>();
	private readonly subscribers = new Set<string>();

	constructor(
		host: PushHost,
		private readonly now: () => number,
	) {
		this.reset();
		const api = (method: string, path: string, handler: PushHandler) =>
			host.route(method, `${PUSH_PATH_PREFIX}/v1${path}`, host.authenticated(answering(handler)));
		api('POST', '/hook/', (request) => this.setHook(objectBody(request.json())));
		api('DELETE', '/hook/', () => this.deleteHooks());
		api('GET', '/line/', () => ({ status: 200, body: this.lineList() }));
		api('GET', '/line/treatment/', (request) => this.openTreatments(request.query));
		api('POST', '/line/send/message/', (request) => this.sendMessage(objectBody(request.json())));
		api('POST', '/line/send/file/', (request) => this.sendFile(request));
		api('POST', '/line/send/image/', (request) => this.sendFile(request));
		api('POST', '/line/drop/keyboard/', (request) => this.dropKeyboard(objectBody(request.json())));
		api('POST', '/line/drop/treatment/', (request) => this.close(objectBody(request.json())));
		api('POST', '/line/appoint/start/', (request) => this.appoint(objectBody(request.json())));
		api('POST', '/line/appoint/spec/', (request) => this.appoint(objectBody(request.json()), true));
		api('POST', '/line/reroute/', (request) => this.reroute(objectBody(request.json())));
		api('DELETE', '/hook/:type/:id/', (_request, params) => this.deleteHook(params));
		api('GET', '/line/file/:id/', (_request, params) => this.fileContent(params.id));
		const control = (method: string, path: string, action: (request: SimRequest) => unknown) =>
			host.controlRoute(
				method,
				`/one-c-connect/push/${path}`,
				async (request) => await controlled(async () => await action(request)),
			);
		control('POST', 'client-message', (request) => this.clientWrites(objectBody(request.json())));
		control('POST', 'press-button', (request) => this.clientPresses(objectBody(request.json())));
		control('POST', 'client-file', (request) =>
			this.clientSendsFile(objectBody(request.json()), `http://${request.headers.host}`),
		);
		control('GET', 'conversation', (request) => this.conversationView(request.query));
		control('GET', 'hooks', () => [...this.hooks.values()]);
	}

	reset(): void {
		this.lines.clear();
		for (const line of PUSH_DEMO_LINES) this.lines.set(line.line_id, { ...line });
		this.hooks.clear();
		this.conversations.clear();
		this.deliveries.length = 0;
		this.files.clear();
		this.specialists.clear();
		PUSH_DEMO_SPECIALISTS.forEach((id) => this.specialists.add(id));
		this.subscribers.clear();
		PUSH_DEMO_CLIENTS.forEach((id) => this.subscribers.add(id));
	}

	/** A client writes in a line: a treatment opens if none is, and the hooks hear of both. */
	async clientWrites(body: Record<string, unknown>): Promise<Delivery[]> {
		const { line_id, user_id } = this.known(body, { anyClient: true });
		if (typeof body.text !== 'string' || body.text === '') throw new Error('text is required');
		this.subscribers.add(user_id);
		const conversation = this.conversation(line_id, user_id);
		const events: HookEvent[] = [];
		const author = { line_id, user_id, author_id: user_id };
		if (!conversation.treatment) {
			this.openTreatment(conversation);
			events.push(this.event({ ...author, message_type: MESSAGE_TYPE.treatmentStartedByUser }));
		}
		events.push(this.event({ ...author, message_type: MESSAGE_TYPE.text, text: body.text }));
		return await this.announce(conversation, events);
	}

	/**
	 * A client sends a file. No wiki page found shows a file in a hook call, and neither vendor bot
	 * reads one (their hook Message has no file field): the simulator links it as
	 * `data: {file_name, file_size, url}`, the URL on the push API itself behind the API login.
	 */
	async clientSendsFile(body: Record<string, unknown>, origin: string): Promise<Delivery[]> {
		const { line_id, user_id } = this.known(body, { anyClient: true });
		if (typeof body.file_name !== 'string' || typeof body.content !== 'string') {
			throw new Error('file_name and content (base64) are required');
		}
		const id = randomUUID();
		const bytes = Buffer.from(body.content, 'base64');
		const type = typeof body.type === 'string' ? body.type : 'application/octet-stream';
		this.files.set(id, { name: body.file_name, type, bytes });
		const conversation = this.conversation(line_id, user_id);
		const events: HookEvent[] = [];
		const author = { line_id, user_id, author_id: user_id };
		if (!conversation.treatment) {
			this.openTreatment(conversation);
			events.push(this.event({ ...author, message_type: MESSAGE_TYPE.treatmentStartedByUser }));
		}
		const url = `${origin}${PUSH_PATH_PREFIX}/v1/line/file/${id}/`;
		const data = { file_name: body.file_name, file_size: bytes.length, url };
		events.push(this.event({ ...author, message_type: MESSAGE_TYPE.file, data }));
		return await this.announce(conversation, events);
	}

	private fileContent(id: string): SimResponse {
		const file = this.files.get(id);
		if (!file) return jsonError(404, 'not_found', 'no such file');
		return { status: 200, headers: { 'content-type': file.type }, body: file.bytes };
	}

	/** A client presses a button of the keyboard shown: its text is the client's next message. */
	async clientPresses(body: Record<string, unknown>): Promise<Delivery[]> {
		const { line_id, user_id } = this.known(body, { anyClient: true });
		const keyboard = this.conversation(line_id, user_id).keyboard ?? [];
		const button = keyboard
			.flat()
			.find((shown) => (body.id !== undefined ? shown.id === body.id : shown.text === body.text));
		if (!button) throw new Error('no such button on the keyboard the client sees');
		return await this.clientWrites({ line_id, user_id, text: button.text });
	}

	private setHook(body: Record<string, unknown>): SimResponse {
		const type = body.type;
		if (type !== 'bot' && type !== 'line') throw new BadPushRequest('type must be bot or line');
		if (typeof body.url !== 'string' || !/^https?:\/\/\S+$/i.test(body.url)) {
			throw new BadPushRequest('url must be an http(s) address');
		}
		const id = type === 'bot' ? uuidField(body, 'id') : optionalUuid(body, 'id');
		if (id !== undefined && !this.lines.has(id)) throw new ForbiddenPushRequest('no such line');
		if (type === 'bot' && !this.lines.get(id!)!.allow_bot) {
			throw new ForbiddenPushRequest('the line does not allow a bot');
		}
		const hook: Hook = { type, url: body.url, back_auth: backAuthField(body) };
		if (id !== undefined) hook.id = id;
		this.hooks.set(hookKey(type, id), hook);
		return noBody();
	}

	/** DelAllHook: every hook but the bots'. */
	private deleteHooks(): SimResponse {
		for (const [key, hook] of this.hooks) if (hook.type !== 'bot') this.hooks.delete(key);
		return noBody();
	}

	private deleteHook(params: Record<string, string>): SimResponse {
		if ((params.type !== 'bot' && params.type !== 'line') || !isUuid(params.id)) {
			throw new BadPushRequest('the path must be /v1/hook/{bot|line}/{id}/');
		}
		this.hooks.delete(hookKey(params.type, params.id.toLowerCase()));
		return noBody();
	}

	private lineList() {
		return [...this.lines.values()].map((line) => ({
			...line,
			hook_bot: this.hooks.get(hookKey('bot', line.line_id))?.url ?? null,
			hook_line:
				(this.hooks.get(hookKey('line', line.line_id)) ?? this.hooks.get(hookKey('line')))?.url ??
				null,
		}));
	}

	private openTreatments(query: URLSearchParams): SimResponse {
		const filter = objectBody(Object.fromEntries(query));
		const line = optionalUuid(filter, 'line_id');
		const user = optionalUuid(filter, 'user_id');
		const open = [...this.conversations.values()]
			.map((conversation) => conversation.treatment)
			.filter((treatment): treatment is Treatment => treatment !== undefined)
			.filter((treatment) => (line ? treatment.line_id === line : true))
			.filter((treatment) => (user ? treatment.user_id === user : true));
		return { status: 200, body: open };
	}

	private sendMessage(body: Record<string, unknown>): SimResponse {
		const { conversation, author } = this.sendTarget(body);
		if (typeof body.text !== 'string' || body.text === '') {
			throw new BadPushRequest('text is required');
		}
		const keyboard = keyboardField(body);
		this.deliverTo(conversation, { author_id: author, text: body.text, keyboard });
		return noBody();
	}

	private async sendFile(request: SimRequest): Promise<SimResponse> {
		let form: FormData;
		try {
			form = await new Response(request.body, {
				headers: { 'content-type': request.headers['content-type'] ?? '' },
			}).formData();
		} catch {
			throw new BadPushRequest('the body must be multipart/form-data');
		}
		const meta = form.get('meta');
		const file = form.get('file');
		if (meta === null || !(file instanceof Blob)) {
			throw new BadPushRequest('a meta part and a file part are required');
		}
		let body: Record<string, unknown>;
		try {
			body = objectBody(JSON.parse(typeof meta === 'string' ? meta : await meta.text()));
		} catch (error) {
			throw new BadPushRequest(`meta is not a JSON object: ${(error as Error).message}`);
		}
		const { conversation, author } = this.sendTarget(body);
		if (typeof body.file_name !== 'string' || body.file_name === '') {
			throw new BadPushRequest('file_name is required');
		}
		const comment = typeof body.comment === 'string' ? body.comment : undefined;
		this.deliverTo(conversation, {
			author_id: author,
			text: comment ?? '',
			keyboard: keyboardField(body),
			file: { file_name: body.file_name, size: file.size, comment },
		});
		return noBody();
	}

	private dropKeyboard(body: Record<string, unknown>): SimResponse {
		const { line_id, user_id } = this.known(body);
		delete this.conversation(line_id, user_id).keyboard;
		return noBody();
	}

	private close(body: Record<string, unknown>): SimResponse {
		const { line_id, user_id } = this.known(body);
		const author = this.specialistOf(body, 'author_id');
		const conversation = this.conversation(line_id, user_id);
		this.endTreatment(conversation);
		const event = this.event({
			line_id,
			user_id,
			author_id: author ?? null,
			message_type: MESSAGE_TYPE.treatmentClosed,
		});
		void this.announce(conversation, [event]);
		return noBody();
	}

	/** AppointStart (any free specialist of the line) or AppointSpec (`spec_id`). */
	private appoint(body: Record<string, unknown>, named = false): SimResponse {
		const { line_id, user_id } = this.known(body);
		const specialist = named ? this.specialistOf(body, 'spec_id', true)! : [...this.specialists][0];
		const conversation = this.conversation(line_id, user_id);
		const treatment = conversation.treatment ?? this.openTreatment(conversation);
		treatment.current_specialist = specialist;
		const event = this.event({
			line_id,
			user_id,
			author_id: specialist,
			message_type: MESSAGE_TYPE.treatmentStartedBySpecialist,
		});
		void this.announce(conversation, [event]);
		return noBody();
	}

	/**
	 * The client's open treatment moves to another line: it ends in this line and a new one opens
	 * there. Each line's hooks hear message type 89 with the other line and treatment in `data`
	 * (direction `to` here, `from` there); the quote comes to the new line as the call's text.
	 * The request and the type-89 `data` follow the vendor's text bot (`TreatmentRerouteRequest`)
	 * and wiki page 1487241255; the 400 for the same line and the quote as `text` are this
	 * simulator's own choices (no page says what the service answers or where the quote shows).
	 */
	private reroute(body: Record<string, unknown>): SimResponse {
		const { line_id, user_id } = this.known(body);
		const to_line_id = uuidField(body, 'to_line_id');
		if (!this.lines.has(to_line_id)) throw new ForbiddenPushRequest('no such line for this login');
		if (to_line_id === line_id) throw new BadPushRequest('to_line_id is the treatment’s own line');
		if (body.quote !== undefined && typeof body.quote !== 'string') {
			throw new BadPushRequest('quote must be a string');
		}
		const from = this.conversation(line_id, user_id);
		const moved = this.endTreatment(from);
		const to = this.conversation(to_line_id, user_id);
		const opened = to.treatment ?? this.openTreatment(to);
		const type = MESSAGE_TYPE.reroutedToOtherLine;
		const left = { line_id, user_id, author_id: null, message_type: type };
		void this.announce(from, [
			this.event({
				...left,
				data: { direction: 'to', line_id: to_line_id, treatment_id: opened.treatment_id },
			}),
		]);
		const arrived = { line_id: to_line_id, user_id, author_id: null, message_type: type };
		void this.announce(to, [
			this.event({
				...arrived,
				text: typeof body.quote === 'string' ? body.quote : '',
				data: { direction: 'from', line_id, treatment_id: moved.treatment_id },
			}),
		]);
		return noBody();
	}

	private sendTarget(body: Record<string, unknown>) {
		const { line_id, user_id } = this.known(body);
		const author = this.specialistOf(body, 'author_id') ?? null;
		const conversation = this.conversation(line_id, user_id);
		return { conversation, author };
	}

	/** A message reaches the client; a keyboard sent stays until DropKeyboard or the next one. */
	private deliverTo(conversation: Conversation, message: SentMessage): void {
		if (!conversation.treatment) this.openTreatment(conversation);
		const sent: SentMessage = { author_id: message.author_id, text: message.text };
		if (message.keyboard) sent.keyboard = message.keyboard;
		if (message.file) sent.file = message.file;
		conversation.sent.push(sent);
		if (message.keyboard) conversation.keyboard = message.keyboard;
	}

	private known(body: Record<string, unknown>, options: { anyClient?: boolean } = {}) {
		const line_id = uuidField(body, 'line_id');
		const user_id = uuidField(body, 'user_id');
		if (!this.lines.has(line_id)) throw new ForbiddenPushRequest('no such line for this login');
		if (!options.anyClient && !this.subscribers.has(user_id)) {
			throw new BadPushRequest('the user receives no support in this line');
		}
		return { line_id, user_id };
	}

	private specialistOf(body: Record<string, unknown>, name: string, required = false) {
		const id = required ? uuidField(body, name) : optionalUuid(body, name);
		if (id !== undefined && !this.specialists.has(id)) {
			throw new BadPushRequest(`${name} is not a specialist of this company`);
		}
		return id;
	}

	private conversation(line_id: string, user_id: string): Conversation {
		const key = `${line_id}|${user_id}`;
		let conversation = this.conversations.get(key);
		if (!conversation) {
			conversation = { line_id, user_id, closed: [], sent: [], chain: Promise.resolve() };
			this.conversations.set(key, conversation);
		}
		return conversation;
	}

	/** The conversation's open treatment ends, with its duration; none open is a 400. */
	private endTreatment(conversation: Conversation): Treatment {
		const treatment = conversation.treatment;
		if (!treatment) throw new BadPushRequest('the user has no open treatment in this line');
		treatment.treatment_duration = Math.round(
			(this.now() - Date.parse(treatment.initialized_at)) / 1000,
		);
		conversation.closed.push(treatment);
		delete conversation.treatment;
		return treatment;
	}

	private openTreatment(conversation: Conversation): Treatment {
		conversation.treatment = {
			treatment_id: randomUUID(),
			line_id: conversation.line_id,
			user_id: conversation.user_id,
			initialized_at: new Date(this.now()).toISOString(),
			current_specialist: null,
		};
		return conversation.treatment;
	}

	private event(fields: Parameters<typeof hookEvent>[0]): HookEvent {
		return hookEvent(fields, this.now());
	}

	/** Calls every hook that covers the line, for each event in turn, after the earlier ones. */
	private async announce(conversation: Conversation, events: HookEvent[]): Promise<Delivery[]> {
		const done: Delivery[] = [];
		const run = conversation.chain.then(async () => {
			for (const event of events) {
				for (const hook of this.hooksOf(event.line_id)) {
					const delivery = await deliver(hook, event);
					this.deliveries.push(delivery);
					done.push(delivery);
				}
			}
		});
		conversation.chain = run;
		await run;
		return done;
	}

	private hooksOf(lineId: string): Hook[] {
		return [hookKey('bot', lineId), hookKey('line', lineId), hookKey('line')]
			.map((key) => this.hooks.get(key))
			.filter((hook): hook is Hook => hook !== undefined);
	}

	private conversationView(query: URLSearchParams) {
		const conversation = this.conversations.get(`${query.get('line_id')}|${query.get('user_id')}`);
		if (!conversation) throw new Error('no such conversation');
		const { line_id, user_id, treatment, closed, keyboard, sent } = conversation;
		return { line_id, user_id, treatment, closed, keyboard, sent };
	}
}

type PushHandler = (
	request: SimRequest,
	params: Record<string, string>,
) => SimResponse | Promise<SimResponse>;

const hookKey = (type: string, id?: string) => `${type}:${id ?? '*'}`;

const noBody = (): SimResponse => ({ status: 200, body: null });

function answering(handler: PushHandler): RouteHandler {
	return async (request, params) => {
		try {
			return await handler(request, params);
		} catch (error) {
			if (error instanceof ForbiddenPushRequest) {
				return jsonError(403, 'forbidden', error.message);
			}
			if (error instanceof BadPushRequest || error instanceof InvalidJsonError) {
				return jsonError(400, 'bad_request', error.message);
			}
			throw error;
		}
	};
}

async function controlled(action: () => unknown): Promise<SimResponse> {
	try {
		const result = await action();
		return { status: 200, body: (result ?? { ok: true }) as object };
	} catch (error) {
		return { status: 400, body: { error: 'bad_request', reason: (error as Error).message } };
	}
}
