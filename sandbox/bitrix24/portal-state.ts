import { BITRIX24_DEMO_USERS, demoDeals } from './demo-data';

export interface Push {
	userIds: number[];
	text: string;
	at: number;
}

/** A change of a portal record, named as Bitrix24 names its events (`ONCRMDEALADD`, …). */
export interface RecordChange {
	event: string;
	fields: Record<string, unknown>;
}

type RecordChangeListener = (change: RecordChange) => void;

/** The portal's CRM data and the pushes it was asked to send. */
export class PortalState {
	deals = demoDeals();
	readonly users = BITRIX24_DEMO_USERS;
	pushes: Push[] = [];
	private readonly changeListeners = new Set<RecordChangeListener>();

	/** Calls `listener` after every record change; returns the function that stops it. */
	onRecordChange(listener: RecordChangeListener): () => void {
		this.changeListeners.add(listener);
		return () => this.changeListeners.delete(listener);
	}

	recordChanged(event: string, fields: Record<string, unknown>): void {
		for (const listener of this.changeListeners) listener({ event, fields });
	}

	setDealCount(count: number): void {
		this.deals = demoDeals(count);
	}

	addDeal(fields: Record<string, unknown>): number {
		const id = Math.max(0, ...this.deals.map((deal) => Number(deal.ID))) + 1;
		const strings = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
		this.deals.push({ TITLE: '', STAGE_ID: 'NEW', CURRENCY_ID: 'RUB', ...strings, ID: String(id) });
		this.recordChanged('ONCRMDEALADD', { ID: String(id) });
		return id;
	}

	reset(): void {
		this.deals = demoDeals();
		this.pushes = [];
	}
}
