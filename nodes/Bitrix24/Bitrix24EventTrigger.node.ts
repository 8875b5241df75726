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

import { isPlainObject } from '../shared/http/reply-shape';
import type { RequestContext } from '../shared/http/vendor-request';
import { answer, asRequest } from '../shared/webhook/webhook-context';
import type { BitrixTarget } from './transport';
import { newHandlerKey, sameSecret } from './event-trigger/application-token';
import {
	DEFAULT_READ_TIMEOUT_SECONDS,
	DEFAULT_REPEAT_WINDOW_SECONDS,
	eventTriggerProperties,
} from './event-trigger/description';
import { chosenEvents } from './event-trigger/chosen-events';
import {
	eventNameOf,
	fieldsOf,
	isDeleteEvent,
	recordIdOf,
	recordKindOf,
} from './event-trigger/event-names';
import type { EventSource } from './event-trigger/event-source';
import { eventSourceOf, otherPortal } from './event-trigger/event-source';
import { formBody } from './event-trigger/form-body';
import { readRecord } from './event-trigger/full-record';
import { isInstallCall, verifiedInstallToken } from './event-trigger/install-token';
import {
	allBound,
	bindHandler,
	boundHandlers,
	unbindHandler,
} from './event-trigger/handler-binding';
import { deliveryKey, repeatFilter } from './event-trigger/repeat-filter';

type Context = IHookFunctions | IWebhookFunctions;

interface Stored extends IDataObject {
	/** The secret part of the handler URL bound with event.bind. */
	handlerKey?: string;
	/** Learnt from the first call by versions before the token was entered in the credential. */
	applicationToken?: string;
	/** Taken from an install call Bitrix24 was shown to have sent (see install-token.ts). */
	installToken?: string;
	/** The outbound webhook's portal, from the first call that carried its token. */
	memberId?: string;
}

/** Bitrix24's install event: its verified call tells a trigger the app's token. */
const INSTALL_EVENT = 'ONAPPINSTALL';

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
		description:
			'Starts the workflow when a deal, lead, contact, task or other record is created, changed or deleted in Bitrix24 (Bitrix24 calls n8n at its URL)',
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
				// Without a token entered, a verified install call is the only other source of one.
				const source = await eventSourceOf(this, true, 'appApplicationToken');
				const wanted = source.token || stored.installToken ? events : [...events, INSTALL_EVENT];
				const already = await boundHandlers(context, APP);
				// Handlers of this node with another key (static data lost) would deliver twice.
				const stale = already.filter(
					(bound) => withoutQuery(bound.handler) === ourUrl(this) && bound.handler !== handler,
				);
				for (const bound of stale) await unbindAll(context, [bound.event], bound.handler);
				try {
					for (const event of wanted) {
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
					await unbindAll(context, wanted, handler);
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
				// Learnt by versions before the token was entered; read only until deactivation.
				delete stored.applicationToken;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const raw = this.getBodyData() as unknown;
		const app = isApp(this);
		const source = await eventSourceOf(this, app, app ? 'appApplicationToken' : 'applicationToken');
		if (app && isInstallCall(raw)) return await takeInstallToken(this, raw, source);
		// Checked on the body as n8n read it, flat, before anything is built from it.
		if (!isTrusted(this, source, formBody.flatField(raw, ['auth', 'application_token']))) {
			const known = source.token ?? (this.getWorkflowStaticData('node') as Stored).installToken;
			return answer(this, 401, { error: known ? TOKEN_MISMATCH : NO_TOKEN });
		}
		const tooLarge = formBody.overLimits(raw);
		if (tooLarge) return answer(this, 400, { error: `The body has ${tooLarge}` });

		const body = formBody.eventBodyOf(raw);
		const auth = (isPlainObject(body.auth) ? body.auth : {}) as IDataObject;
		const stored = this.getWorkflowStaticData('node') as Stored;
		const elsewhere = otherPortal(auth, source, { memberId: stored.memberId, allowed: !app });
		if (elsewhere)
			return answer(this, 403, { error: `The event comes from another portal (${elsewhere})` });
		// The outbound webhook's own token came with it: its member_id is the portal's from now on.
		if (!app && !source.memberId && !stored.memberId && typeof auth.member_id === 'string') {
			stored.memberId = auth.member_id;
		}

		const event = eventNameOf(String(body.event ?? ''));
		if (!event || !chosenEvents(this).includes(event)) return answer(this, 200, RECEIVED);
		const data = (isPlainObject(body.data) ? body.data : {}) as IDataObject;
		const id = recordIdOf(data);
		const entityType = String(fieldsOf(data).ENTITY_TYPE_ID ?? '');
		const windowSeconds = Number(
			this.getNodeParameter('options.repeatWindow', DEFAULT_REPEAT_WINDOW_SECONDS),
		);
		const key = deliveryKey({
			trigger: `${this.getWorkflow().id ?? ''}|${this.getNode().id}`,
			portal: String(auth.member_id ?? auth.domain ?? ''),
			event,
			handlerId: String(body.event_handler_id ?? ''),
			ts: String(body.ts ?? ''),
			subject: id === undefined ? JSON.stringify(data) : `${entityType}|${id}`,
		});
		if (!(await repeatFilter.firstTime(key, windowSeconds * 1000)))
			return answer(this, 200, RECEIVED);

		// Bitrix24 gets its answer before any read: a slow handler is called less often.
		answer(this, 200, RECEIVED);
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
			const target: BitrixTarget = { mode: app ? 'oAuth2' : 'webhook', plan: 'standard' };
			const triggerKey = `${this.getWorkflow().id}|${this.getNode().id}`;
			const timeoutSeconds = Number(
				this.getNodeParameter('options.timeout', DEFAULT_READ_TIMEOUT_SECONDS),
			);
			try {
				item.record = await readRecord(asRequest(this), target, triggerKey, kind, id, data, {
					timeoutMs: Math.max(1, timeoutSeconds) * 1000,
				});
			} catch (error) {
				// The event is not sent again: it runs with what it carries, and says what failed.
				item.error = errorTextOf(error);
			}
		}
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
}

const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };

const isApp = (context: Context) =>
	context.getNodeParameter('authentication', 'oAuth2') === 'oAuth2';

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
 * The call carries the entered token; an app's call must also come to the handler URL with its
 * secret key, which only Bitrix24 was given.
 */
function isTrusted(context: IWebhookFunctions, source: EventSource, given: unknown): boolean {
	const stored = context.getWorkflowStaticData('node') as Stored;
	// A workflow activated by an earlier version keeps the token it learnt from the portal's call
	// to its secret handler URL until it is deactivated, so its events are not refused meanwhile.
	const learnt = typeof stored.applicationToken === 'string' ? stored.applicationToken : undefined;
	const installed = typeof stored.installToken === 'string' ? stored.installToken : undefined;
	const tokens = isApp(context) ? [source.token, installed ?? learnt] : [source.token];
	if (!tokens.some((token) => token !== undefined && sameSecret(given, token))) return false;
	if (!isApp(context)) return true;
	const key = context.getQueryData() as IDataObject;
	return Boolean(stored.handlerKey) && sameSecret(key.key, String(stored.handlerKey));
}

/**
 * An install call at the handler URL with its secret key: its token is kept once Bitrix24 is shown
 * to have sent it; anything else is refused and changes nothing.
 */
async function takeInstallToken(
	context: IWebhookFunctions,
	raw: unknown,
	source: EventSource,
): Promise<IWebhookResponseData> {
	const stored = context.getWorkflowStaticData('node') as Stored;
	const key = (context.getQueryData() as IDataObject).key;
	const atOurUrl = Boolean(stored.handlerKey) && sameSecret(key, String(stored.handlerKey));
	const token = atOurUrl ? await verifiedInstallToken(context, raw, source.memberId) : undefined;
	if (!token) return answer(context, 401, { error: INSTALL_NOT_VERIFIED });
	stored.installToken = token;
	return answer(context, 200, RECEIVED);
}

const INSTALL_NOT_VERIFIED =
	"The install call could not be shown to come from this app on the credential's portal";

const RECEIVED = { received: true };

const NO_TOKEN =
	'No Application Token is set: enter it in the credential, or reinstall the app in Bitrix24 while this workflow is active (n8n checks the install call with the portal and keeps its token)';
const TOKEN_MISMATCH = 'The application token does not match';

/** Errors of the transport are already node errors; anything else becomes one. */
function nodeErrorOf(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}

function publicAuth(auth: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(auth).filter(([key]) => !SECRET_AUTH.includes(key)));
}

function errorTextOf(error: unknown): string {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return error.description ? `${error.message}: ${error.description}` : error.message;
	}
	return error instanceof Error ? error.message : String(error);
}
