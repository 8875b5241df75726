import type {
	IDataObject,
	IHookFunctions,
	INode,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../shared/http/vendor-request';
import type { BitrixTarget } from './transport';
import { newHandlerKey, sameSecret } from './event-trigger/application-token';
import { DEFAULT_REPEAT_WINDOW_SECONDS, eventTriggerProperties } from './event-trigger/description';
import {
	eventNameOf,
	fieldsOf,
	isDeleteEvent,
	OTHER_EVENT,
	recordIdOf,
	recordKindOf,
} from './event-trigger/event-names';
import { eventBodyOf } from './event-trigger/form-body';
import { readRecord } from './event-trigger/full-record';
import {
	allBound,
	bindHandler,
	boundHandlers,
	unbindHandler,
} from './event-trigger/handler-binding';
import { repeatFilter } from './event-trigger/repeat-filter';

type Context = IHookFunctions | IWebhookFunctions;

interface Stored extends IDataObject {
	/** The secret part of the handler URL bound with event.bind. */
	handlerKey?: string;
	/** The application token learnt from the first keyed call (OAuth2, no token entered). */
	applicationToken?: string;
}

/** Secrets Bitrix24 puts into `auth`, never passed on to the workflow. */
const SECRET_AUTH = ['access_token', 'refresh_token', 'application_token'];

export class Bitrix24EventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Event Trigger',
		name: 'bitrix24EventTrigger',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a deal, lead, task or other record changes in Bitrix24',
		defaults: { name: 'Bitrix24 Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bitrix24OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'bitrix24WebhookApi',
				required: false,
				displayOptions: { show: { authentication: ['webhook'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'bitrix24-events',
			},
		],
		properties: eventTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!isApp(this)) return true;
				const key = (this.getWorkflowStaticData('node') as Stored).handlerKey;
				if (!key) return false;
				return await allBound(asRequest(this), APP, chosenEvents(this), handlerUrl(this, key));
			},

			async create(this: IHookFunctions): Promise<boolean> {
				if (!isApp(this)) return true;
				const stored = this.getWorkflowStaticData('node') as Stored;
				const events = chosenEvents(this);
				const key = stored.handlerKey ?? newHandlerKey();
				const handler = handlerUrl(this, key);
				const context = asRequest(this);
				const already = await boundHandlers(context, APP);
				// Handlers of this node with another key (static data lost) would deliver twice.
				const stale = already.filter(
					(bound) => withoutQuery(bound.handler) === ourUrl(this) && bound.handler !== handler,
				);
				for (const bound of stale) await unbindAll(context, [bound.event], bound.handler);
				try {
					for (const event of events) {
						if (already.some((bound) => bound.event === event && bound.handler === handler))
							continue;
						await bindHandler(context, APP, event, handler);
					}
					if (!(await allBound(context, APP, events, handler))) {
						throw new NodeOperationError(
							this.getNode(),
							'Bitrix24 did not keep the event handlers n8n bound',
							{ description: 'Check that the app has the scopes of these events (crm, task).' },
						);
					}
				} catch (error) {
					// Nothing stays bound after a failed activation.
					await unbindAll(context, events, handler);
					throw nodeErrorOf(this.getNode(), error);
				}
				stored.handlerKey = key;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				if (!isApp(this)) return true;
				const stored = this.getWorkflowStaticData('node') as Stored;
				// Every handler at this node's URL goes, whatever its key (n8n may deactivate with
				// older static data) and also for events since taken off the list.
				await unbindOurs(asRequest(this), ourUrl(this));
				delete stored.handlerKey;
				delete stored.applicationToken;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = eventBodyOf(this.getBodyData());
		const auth = (body.auth ?? {}) as IDataObject;
		if (!isTrusted(this, auth.application_token)) return refuse(this);

		const event = eventNameOf(String(body.event ?? ''));
		// Bitrix24 repeats a call it thinks failed; an event not chosen is answered and dropped.
		if (!event || !chosenEvents(this).includes(event)) return accepted(this);
		const data = (body.data ?? {}) as IDataObject;
		const id = recordIdOf(data);
		const windowSeconds = Number(
			this.getNodeParameter('options.repeatWindow', DEFAULT_REPEAT_WINDOW_SECONDS),
		);
		const portal = String(auth.member_id ?? auth.domain ?? '');
		const entityType = String(fieldsOf(data).ENTITY_TYPE_ID ?? '');
		const repeatKey = [portal, event, entityType, id ?? JSON.stringify(data)].join('|');
		if (!(await repeatFilter.firstTime(repeatKey, windowSeconds * 1000))) return accepted(this);

		const item: IDataObject = {
			event,
			...(id === undefined ? {} : { id }),
			...(entityType ? { entityTypeId: entityType } : {}),
			data,
			ts: body.ts,
			eventHandlerId: body.event_handler_id,
			portal: publicAuth(auth),
		};
		const kind = recordKindOf(event);
		if (this.getNodeParameter('fetchFullRecord', false) && kind && id && !isDeleteEvent(event)) {
			const target: BitrixTarget = { mode: isApp(this) ? 'oAuth2' : 'webhook', plan: 'standard' };
			const triggerKey = `${this.getWorkflow().id}|${this.getNode().id}`;
			// Bitrix24 sends the event again after a failed call: that repeat must not be dropped.
			const forgetOnFailure = async () => await repeatFilter.forget(repeatKey);
			const reading = readRecord(asRequest(this), target, triggerKey, kind, id, data);
			reading.catch(forgetOnFailure);
			item.record = await reading;
		}
		return { workflowData: [[{ json: item }]] };
	}
}

const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };

const isApp = (context: Context) =>
	context.getNodeParameter('authentication', 'oAuth2') === 'oAuth2';

/**
 * The transport is written for execute and trigger contexts; of a hook or webhook context it uses
 * only what those have too: the node, the credentials, n8n's HTTP helpers and the OAuth2 refresh.
 */
const asRequest = (context: Context) => context as unknown as RequestContext;

function chosenEvents(context: Context): string[] {
	const chosen = (context.getNodeParameter('events', []) as string[]).filter(
		(event) => event !== OTHER_EVENT,
	);
	const others = String(context.getNodeParameter('otherEvents', '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const wrong = others.filter((name) => !eventNameOf(name));
	if (wrong.length > 0) {
		throw new NodeOperationError(context.getNode(), `"${wrong[0]}" is not a Bitrix24 event name`, {
			description:
				'Event names hold only letters, digits and underscores, such as ONCRMINVOICEADD; separate several with commas.',
		});
	}
	const named = [...chosen, ...others].map((name) => eventNameOf(name) as string);
	if (named.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Pick events in the Events list, or choose Other and type their names.',
		});
	}
	return [...new Set(named)];
}

function handlerUrl(context: IHookFunctions | IWebhookFunctions, key: string): string {
	const url = new URL(context.getNodeWebhookUrl('default') as string);
	url.searchParams.set('key', key);
	return url.toString();
}

const ourUrl = (context: IHookFunctions) =>
	withoutQuery(String(context.getNodeWebhookUrl('default')));

function withoutQuery(url: string): string {
	const index = url.indexOf('?');
	return index === -1 ? url : url.slice(0, index);
}

async function unbindOurs(context: RequestContext, url: string) {
	const bound = await boundHandlers(context, APP);
	for (const one of bound.filter((candidate) => withoutQuery(candidate.handler) === url)) {
		await unbindAll(context, [one.event], one.handler);
	}
}

async function unbindAll(context: RequestContext, events: string[], handler: string) {
	for (const event of events) {
		try {
			await unbindHandler(context, APP, event, handler);
		} catch {
			// Not bound, or the portal is unreachable: the next activation checks with event.get.
		}
	}
}

/**
 * Outbound webhook: the token the user copied from it. App: the call must come to the handler
 * URL with its secret key, and carry the token entered, or the one the first such call carried.
 */
function isTrusted(context: IWebhookFunctions, given: unknown): boolean {
	if (!isApp(context)) {
		return sameSecret(given, String(context.getNodeParameter('applicationToken', '')));
	}
	const stored = context.getWorkflowStaticData('node') as Stored;
	const key = context.getQueryData() as IDataObject;
	if (!stored.handlerKey || !sameSecret(key.key, stored.handlerKey)) return false;
	const entered = String(context.getNodeParameter('appApplicationToken', ''));
	if (entered) return sameSecret(given, entered);
	if (stored.applicationToken) return sameSecret(given, stored.applicationToken);
	if (typeof given !== 'string' || given === '') return false;
	stored.applicationToken = given;
	return true;
}

/** Errors of the transport are already node errors; anything else becomes one. */
function nodeErrorOf(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}

function publicAuth(auth: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(auth).filter(([key]) => !SECRET_AUTH.includes(key)));
}

function refuse(context: IWebhookFunctions): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(401).json({ error: 'The application token does not match' });
	return { noWebhookResponse: true };
}

function accepted(context: IWebhookFunctions): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(200).json({ received: true });
	return { noWebhookResponse: true };
}
