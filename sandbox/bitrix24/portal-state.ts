import { BITRIX24_DEMO_USERS, demoDeals } from './demo-data';

export interface Push {
	userIds: number[];
	text: string;
	at: number;
}

/** The portal's CRM data and the pushes it was asked to send. */
export class PortalState {
	deals = demoDeals();
	readonly users = BITRIX24_DEMO_USERS;
	pushes: Push[] = [];

	setDealCount(count: number): void {
		this.deals = demoDeals(count);
	}

	addDeal(fields: Record<string, unknown>): number {
		const id = Math.max(0, ...this.deals.map((deal) => Number(deal.ID))) + 1;
		const strings = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
		this.deals.push({ TITLE: '', STAGE_ID: 'NEW', CURRENCY_ID: 'RUB', ...strings, ID: String(id) });
		return id;
	}

	reset(): void {
		this.deals = demoDeals();
		this.pushes = [];
	}
}
