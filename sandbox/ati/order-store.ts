import { randomUUID } from 'node:crypto';

// Orders (заказы) and personal invitations, as ati.su/developers/api/orders/deals and
// ati.su/developers/api/orders/personal-invitations describe them.

export interface StoredOrder {
	id: string;
	load_id: string;
	load_number: string;
	owner_ati_id: string;
	taker_ati_id: string;
	/** 0 reserved, 1–4 in progress, 5 done or archived, below 0 refused or cancelled. */
	status: number;
	updated_at: string;
	added_at: string;
	[field: string]: unknown;
}

export interface StoredInvite {
	id: string;
	load_id: string;
	taker_ati_id: string;
	taker_contacts_list: number[];
	payment: Record<string, unknown>;
	date: string;
	cancellation_date: string;
	is_tracking: boolean;
}

export class OrderStore {
	private readonly orders = new Map<string, StoredOrder>();
	private readonly invites: StoredInvite[] = [];
	private listeners: Array<(order: StoredOrder) => void> = [];

	/** A carrier took a load, or an order changed: what the `orders` webhook topic carries. */
	onChange(listener: (order: StoredOrder) => void): void {
		this.listeners.push(listener);
	}

	list(): StoredOrder[] {
		return [...this.orders.values()].sort((a, b) => a.added_at.localeCompare(b.added_at));
	}

	get(id: string): StoredOrder | undefined {
		return this.orders.get(id);
	}

	add(fields: Record<string, unknown>, now = new Date()): StoredOrder {
		const order: StoredOrder = {
			load_id: randomUUID(),
			load_number: 'АВТ-000000',
			owner_ati_id: '123456',
			taker_ati_id: '234567',
			status: 0,
			...fields,
			id: typeof fields.id === 'string' ? fields.id : randomUUID(),
			added_at: now.toISOString(),
			updated_at: now.toISOString(),
		};
		this.orders.set(order.id, order);
		for (const listener of this.listeners) listener(order);
		return order;
	}

	allInvites(): StoredInvite[] {
		return [...this.invites];
	}

	/** "Приглашение можно отправить каждому контакту один раз": contacts already invited to the load. */
	alreadyInvited(loadId: string, atiId: string, contacts: number[]): number[] {
		const sent = this.invites.filter(
			(invite) => invite.load_id === loadId && invite.taker_ati_id === atiId,
		);
		return contacts.filter((contact) =>
			sent.some((invite) => invite.taker_contacts_list.includes(contact)),
		);
	}

	invite(invite: Omit<StoredInvite, 'id' | 'date'>, now = new Date()): StoredInvite {
		const stored = { ...invite, id: randomUUID(), date: now.toISOString() };
		this.invites.push(stored);
		return stored;
	}

	reset(): void {
		this.orders.clear();
		this.invites.length = 0;
	}
}
