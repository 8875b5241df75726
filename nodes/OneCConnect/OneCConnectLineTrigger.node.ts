import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answer } from '../shared/webhook/webhook-context';

import { carriesToken, newBackAuthToken } from './line-trigger/back-auth';
import { lineTriggerProperties } from './line-trigger/description';
import { eventOf, isFromSpecialistOrBot, itemOf, readHookCall } from './line-trigger/hook-events';
import { fileLinksOf, withFiles } from './line-trigger/hook-files';
import type { Subscription } from './line-trigger/subscription';
import {
	deleteHook,
	namedSubscription,
	setHook,
	subscribedUrl,
	wantedSubscription,
} from './line-trigger/subscription';
import { searchPushLines } from './methods/push-lines';
import { oneCConnectApiTest } from './methods/credential-test';

interface Stored extends IDataObject {
	/** The bearer token given to SetHook as `back_auth`. */
	backAuthToken?: string;
	/** What activation subscribed, so deactivation removes that even if the parameters changed. */
	subscription?: Subscription & IDataObject;
}

export class OneCConnectLineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C-Connect Line Trigger',
		name: 'oneCConnectLineTrigger',
		icon: { light: 'file:oneCConnect.svg', dark: 'file:oneCConnect.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["subscription"] === "bot" ? "Bot of the line" : "Line events"}}',
		description:
			'Starts the workflow when a client writes in a 1C-Connect service line, presses a button, or a treatment starts or closes',
		defaults: { name: '1C-Connect Line Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneCConnectApi', required: true, testedBy: 'oneCConnectApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'one-c-connect-line',
			},
		],
		properties: lineTriggerProperties,
	};

	methods = { listSearch: { searchPushLines }, credentialTest: { oneCConnectApiTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				if (!stored.backAuthToken) return false;
				const wanted = wantedSubscription(this);
				const same = stored.subscription;
				if (!same || same.type !== wanted.type || same.lineId !== wanted.lineId) return false;
				return (await subscribedUrl(this, wanted)) === wanted.url;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				const wanted = wantedSubscription(this);
				// A new token on every activation: a token that leaked stops working.
				const token = newBackAuthToken();
				await setHook(this, wanted, token);
				stored.backAuthToken = token;
				stored.subscription = { ...wanted };
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const stored = this.getWorkflowStaticData('node') as Stored;
				// Without the stored subscription and without a line there is nothing known to remove:
				// removing every hook of the login would remove other systems' hooks too.
				const subscription = stored.subscription ?? namedSubscription(this);
				// Another system may have set its own hook on the line since: leave that one alone.
				if (subscription && (await subscribedUrl(this, subscription)) === subscription.url) {
					await deleteHook(this, subscription);
				}
				delete stored.backAuthToken;
				delete stored.subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const stored = this.getWorkflowStaticData('node') as Stored;
		// Checked before anything of the body is looked at.
		if (!carriesToken(this.getHeaderData().authorization, stored.backAuthToken)) {
			return answer(this, 401, { error: 'The call does not carry this trigger’s back_auth token' });
		}
		const call = readHookCall(this.getBodyData());
		if (typeof call === 'string') return answer(this, 400, { error: call });
		const events = this.getNodeParameter('events', []) as string[];
		const includeOthers = this.getNodeParameter('options.includeSpecialistMessages', false);
		if (!events.includes(eventOf(call)) || (!includeOthers && isFromSpecialistOrBot(call))) {
			return answer(this, 200, { received: true });
		}
		const links = this.getNodeParameter('options.downloadFiles', false) ? fileLinksOf(call) : [];
		if (links.length === 0) return { workflowData: [[{ json: itemOf(call) }]] };
		// The receipt goes out first: reading files must not keep 1C-Connect waiting.
		answer(this, 200, { received: true });
		const maxMb = Number(this.getNodeParameter('options.maxFileSizeMb', 25)) || 25;
		const item = await withFiles(this, itemOf(call), links, maxMb * 1024 * 1024);
		return { noWebhookResponse: true, workflowData: [[item]] };
	}
}
