import { SimulatorServer, SlidingWindowRateLimiter } from '../framework';
import { createAtiGuard } from './ati-guard';
import { ATI_DEMO_CONTACTS, ATI_DEMO_TOKEN, ATI_REQUESTS_PER_SECOND } from './demo-data';
import { LoadStore } from './load-store';
import { OrderStore } from './order-store';
import { PresenceStore } from './presence-store';
import { listContacts, updateContacts } from './routes/contacts-control';
import { getBalance } from './routes/get-balance';
import { getPresenceState } from './routes/get-presence-state';
import { DICTIONARIES, citySuggestions, dictionary } from './routes/dictionaries';
import { firmContacts, firmSummary } from './routes/firms';
import {
	addCarrierResponse,
	addOrder,
	controlLoads,
	controlOrders,
} from './routes/freight-control';
import {
	createLoad,
	deleteLoad,
	getLoad,
	listLoads,
	loadResponses,
	renewLoad,
	updateLoad,
} from './routes/loads';
import { getOrder, inviteCarrier, searchOrders } from './routes/orders';
import { postPresenceState } from './routes/post-presence-state';
import {
	controlWebhooks,
	createWebhook,
	deleteWebhook,
	redeliver,
	webhookStatus,
} from './routes/webhooks';
import { WebhookHub } from './webhook-hub';

export interface AtiSimulatorOptions {
	tokens?: string[];
	/** Initial presence per code_id; reset() restores it. */
	contacts?: Record<string, string>;
	requestsPerSecond?: number;
}

export class AtiSimulator extends SimulatorServer {
	private readonly presence: PresenceStore;
	readonly loads = new LoadStore();
	readonly orders = new OrderStore();
	readonly webhooks = new WebhookHub();
	private readonly limiter: SlidingWindowRateLimiter;

	constructor(options: AtiSimulatorOptions = {}) {
		super({ name: 'ATI.SU' });
		this.presence = new PresenceStore(options.contacts ?? ATI_DEMO_CONTACTS);
		this.limiter = new SlidingWindowRateLimiter({
			limit: options.requestsPerSecond ?? ATI_REQUESTS_PER_SECOND,
		});
		const guard = createAtiGuard({
			tokens: new Set(options.tokens ?? [ATI_DEMO_TOKEN]),
			limiter: this.limiter,
		});

		this.route('GET', '/presence/state/:code_id/', guard(getPresenceState(this.presence)))
			.route('POST', '/presence/state', guard(postPresenceState(this.presence)))
			.route('GET', '/v1.0/balance', guard(getBalance()))
			.route('POST', '/v2/cargos', guard(createLoad(this.loads)))
			.route('PUT', '/v2/cargos/:id', guard(updateLoad(this.loads)))
			.route('GET', '/v1.0/loads', guard(listLoads(this.loads)))
			.route('GET', '/v1.0/loads/:id', guard(getLoad(this.loads)))
			.route('DELETE', '/v1.0/loads/:id', guard(deleteLoad(this.loads)))
			.route('PUT', '/v1.0/loads/:id/renew', guard(renewLoad(this.loads)))
			.route('GET', '/v1.0/loads/new/:id/responses', guard(loadResponses(this.loads)))
			.route('POST', '/v1.2/orders/search', guard(searchOrders(this.orders)))
			.route('POST', '/v1.2/orders/invites', guard(inviteCarrier(this.orders, this.loads)))
			.route('GET', '/v1.2/orders/:id', guard(getOrder(this.orders)))
			.route('GET', '/v1.0/firms/:atiId/summary', guard(firmSummary()))
			.route('GET', '/v1.0/firms/:atiId/contacts/summary', guard(firmContacts()))
			.controlRoute('GET', '/ati/contacts', listContacts(this.presence))
			.controlRoute('POST', '/ati/contacts', updateContacts(this.presence))
			.route('POST', '/webhooks/v1/create', guard(createWebhook(this.webhooks)))
			.route('GET', '/webhooks/v1/status/:id', guard(webhookStatus(this.webhooks)))
			.route('DELETE', '/webhooks/v1/delete/:id', guard(deleteWebhook(this.webhooks)))
			.controlRoute('GET', '/ati/webhooks', controlWebhooks(this.webhooks))
			.controlRoute('POST', '/ati/webhooks/redeliver', redeliver(this.webhooks))
			.controlRoute('GET', '/ati/loads', controlLoads(this.loads))
			.controlRoute('POST', '/ati/loads/:id/responses', addCarrierResponse(this.loads))
			.controlRoute('GET', '/ati/orders', controlOrders(this.orders))
			.controlRoute('POST', '/ati/orders', addOrder(this.orders));
		this.loads.onChange((event) =>
			this.webhooks.publish(event.topic, event.entityId, event.entity),
		);
		this.orders.onChange((order) => this.webhooks.publish('orders', order.id, order));
		this.route('POST', '/gw/gis-dict/v1/autocomplete/suggestions', guard(citySuggestions()));
		for (const [name, list] of Object.entries(DICTIONARIES)) {
			this.route('GET', `/v1.0/dictionaries/${name}`, guard(dictionary(list)));
		}
	}

	get contacts(): Record<string, string> {
		return this.presence.list();
	}

	setStates(states: Record<string, string>): void {
		this.presence.set(states);
	}

	getState(codeId: string): string {
		return this.presence.get(codeId);
	}

	protected override resetState(): void {
		this.presence.reset();
		this.loads.reset();
		this.orders.reset();
		this.webhooks.reset();
		this.limiter.reset();
	}
}

export function createAtiSimulator(options?: AtiSimulatorOptions): AtiSimulator {
	return new AtiSimulator(options);
}
