import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { asRequest } from '../shared/webhook/webhook-context';
import { createHook, deleteHook, getHook } from './transport/webhooks';
import { ATI_TOPICS, eventsOf, repeatKeyOf } from './webhook-trigger/events';
import { atiRepeatFilter } from './webhook-trigger/repeat-filter';
import { boardIdsOf } from './webhook-trigger/board-ids';
import { isSignedBy } from './webhook-trigger/signature';

// A node of its own, not a mode of the ATI.SU Trigger: that node polls (n8n runs a node either as
// a poller or on webhooks), and workflows saved with it keep working unchanged.

interface Stored extends IDataObject {
	hookId?: string;
	/** hook.key: the key ATI signs the calls with. */
	key?: string;
	/** The boards the subscription names, as created: changed boards need a new subscription. */
	boards?: string;
}

/** A delivery larger than this is refused before its signature is checked: ATI sends a few entities per call. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** ATI's verification challenge is a short token; a longer one is not echoed. */
const MAX_CHALLENGE_LENGTH = 512;
const LIVE_STATES = ['created', 'verification', 'active'];

export class AtiWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATI.SU Webhook Trigger',
		name: 'atiWebhookTrigger',
		icon: { light: 'file:ati.svg', dark: 'file:ati.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["topic"]}}',
		description:
			'Starts the workflow as soon as a load, an order or an invitation changes on ATI.SU',
		defaults: { name: 'ATI.SU Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atiApi', required: true }],
		// n8n registers a node's webhooks one by one in this order, each just before its create():
		// ATI's verification GET arrives while create() subscribes, so the GET one comes first.
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'ati-events' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'ati-events' },
		],
		properties: [
			{
				displayName:
					"ATI.SU calls only HTTPS addresses on a public IPv4 address: n8n's webhook URL must be reachable that way. Activating the workflow subscribes this node's own URL; deactivating it removes the subscription.",
				name: 'httpsNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'options',
				options: ATI_TOPICS,
				default: 'cargoes',
				description: 'What ATI.SU reports; a deleted entity comes as a "deleted" event with its ID',
			},
			{
				displayName: 'Board IDs',
				name: 'boardIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '507f1f77bcf86cd799439011',
				description:
					'The personal boards (площадки) whose loads to follow, separated by commas: 24 letters and digits each, as ATI.SU gives them (ask ATI.SU support if your cabinet does not show them)',
				displayOptions: { show: { topic: ['cargoes.on_boards'] } },
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				if (!stored.hookId) return false;
				const hook = await getHook(asRequest(this), stored.hookId);
				if (!hook) return false;
				const topic = this.getNodeParameter('topic') as string;
				const ours =
					hook.callback === this.getNodeWebhookUrl('default') &&
					hook.topic === topic &&
					LIVE_STATES.includes(hook.status ?? '') &&
					(stored.boards ?? '') === boardIdsOf(this, topic).join(',');
				if (ours && hook.key) stored.key = hook.key;
				return ours;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				const context = asRequest(this);
				const topic = this.getNodeParameter('topic') as string;
				const boards = boardIdsOf(this, topic);
				// A subscription left from before (changed topic, lost state) would deliver twice.
				if (stored.hookId) await deleteHook(context, stored.hookId);
				const url = this.getNodeWebhookUrl('default') as string;
				const id = await createHook(context, topic, url, boards);
				stored.hookId = id;
				stored.boards = boards.join(',');
				stored.key = (await getHook(context, id))?.key;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				if (stored.hookId) await deleteHook(asRequest(this), stored.hookId);
				delete stored.hookId;
				delete stored.key;
				delete stored.boards;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		if (request.method === 'GET') {
			// ATI's verification of a new subscription: answer its challenge as a JSON string.
			const query = this.getQueryData() as IDataObject;
			const challenge = query.challenge;
			if (typeof challenge !== 'string' || challenge.length > MAX_CHALLENGE_LENGTH) {
				response.status(400).json({ message: 'Not an ATI.SU verification request' });
			} else {
				response.status(200).json(challenge);
			}
			return { noWebhookResponse: true };
		}

		const raw = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
		if (raw.length > MAX_BODY_BYTES) {
			response.status(413).json({ message: 'Too large for an ATI.SU delivery' });
			return { noWebhookResponse: true };
		}
		const stored = this.getWorkflowStaticData('node') as Stored;
		const key = stored.key ?? (stored.hookId ? await keyOf(this, stored) : undefined);
		const headers = this.getHeaderData() as IDataObject;
		const header = (name: string) =>
			typeof headers[name] === 'string' ? (headers[name] as string) : undefined;
		const signed =
			key !== undefined &&
			isSignedBy(key, {
				method: 'POST',
				url: this.getNodeWebhookUrl('default') as string,
				date: header('date'),
				digest: header('digest'),
				authorization: header('authorization'),
				body: raw,
			});
		if (!signed) {
			response
				.status(401)
				.json({ message: 'The call is not signed by ATI.SU for this subscription' });
			return { noWebhookResponse: true };
		}

		const events = eventsOf(this.getBodyData());
		if (!events) {
			response.status(400).json({ message: 'Not an ATI.SU delivery' });
			return { noWebhookResponse: true };
		}
		const fresh = [];
		for (const event of events) {
			if (await atiRepeatFilter.firstTime(repeatKeyOf(stored.hookId ?? '', event)))
				fresh.push(event);
		}
		if (fresh.length === 0) {
			response.status(200).json({ received: true });
			return { noWebhookResponse: true };
		}
		return { workflowData: [fresh.map((event) => ({ json: event }))] };
	}
}

/** When the key was last asked for, by subscription: unsigned calls cannot make n8n ask more often. */
const keyAskedAt = new Map<string, number>();
const KEY_ASK_INTERVAL_MS = 60_000;
const KEY_ASK_TIMEOUT_MS = 5_000;

/**
 * The signing key when ATI gave none at subscription (still being verified): asked for at most
 * once a minute, whoever calls the URL.
 */
async function keyOf(context: IWebhookFunctions, stored: Stored): Promise<string | undefined> {
	const hookId = stored.hookId as string;
	if (Date.now() - (keyAskedAt.get(hookId) ?? 0) < KEY_ASK_INTERVAL_MS) return undefined;
	keyAskedAt.set(hookId, Date.now());
	// Asked while a call waits for its answer: briefly, and a failure only refuses this call (401),
	// which ATI sends again.
	stored.key = await getHook(asRequest(context), hookId, KEY_ASK_TIMEOUT_MS).then(
		(hook) => hook?.key,
		() => undefined,
	);
	return stored.key;
}
