import { randomUUID } from 'node:crypto';

// The firm's loads as ATI keeps them. The stored shape is the "cargoes" model of
// ati.su/developers/api/webhooks/topics/cargoes (cargo_id, cargo_number, external_id, added_at,
// updated_at, route.loading/unloading.city_id …) with the fields the client sent beside it.

export interface StoredLoad {
	cargo_id: string;
	cargo_number: string;
	added_at: string;
	updated_at: string;
	[field: string]: unknown;
}

export interface CarrierResponse {
	id: string;
	load_id: string;
	ati_id: string;
	contact_id: number;
	price: number | null;
	currency_id: number | null;
	comment: string | null;
	added_at: string;
}

export interface LoadEvent {
	topic: 'cargoes';
	cargoId: string;
	entity: StoredLoad | null;
}

export class LoadStore {
	private readonly loads = new Map<string, StoredLoad>();
	private readonly responses = new Map<string, CarrierResponse[]>();
	private counter = 0;
	private listeners: Array<(event: LoadEvent) => void> = [];

	onChange(listener: (event: LoadEvent) => void): void {
		this.listeners.push(listener);
	}

	list(): StoredLoad[] {
		return [...this.loads.values()];
	}

	get(id: string): StoredLoad | undefined {
		return this.loads.get(id);
	}

	/** A load of the firm that ATI's duplicate rules match, ignoring `exceptId`. */
	duplicateOf(application: Record<string, unknown>, exceptId?: string): StoredLoad | undefined {
		const key = duplicateKey(application);
		return this.list().find(
			(load) => load.cargo_id !== exceptId && sameLoad(duplicateKey(load), key),
		);
	}

	add(application: Record<string, unknown>, now = new Date()): StoredLoad {
		this.counter++;
		const load: StoredLoad = {
			...application,
			cargo_id: randomUUID(),
			cargo_number: `A${String(1000 + this.counter)}`,
			added_at: now.toISOString(),
			updated_at: now.toISOString(),
		};
		this.loads.set(load.cargo_id, load);
		this.emit(load.cargo_id, load);
		return load;
	}

	replace(id: string, application: Record<string, unknown>, now = new Date()): StoredLoad {
		const old = this.loads.get(id) as StoredLoad;
		const load: StoredLoad = {
			...application,
			cargo_id: old.cargo_id,
			cargo_number: old.cargo_number,
			added_at: old.added_at,
			updated_at: now.toISOString(),
		};
		this.loads.set(id, load);
		this.emit(id, load);
		return load;
	}

	renew(id: string, now = new Date()): StoredLoad {
		const load = { ...(this.loads.get(id) as StoredLoad), updated_at: now.toISOString() };
		this.loads.set(id, load);
		this.emit(id, load);
		return load;
	}

	delete(id: string): boolean {
		const existed = this.loads.delete(id);
		if (existed) this.emit(id, null);
		return existed;
	}

	responsesOf(id: string): CarrierResponse[] {
		return this.responses.get(id) ?? [];
	}

	addResponse(id: string, fields: Partial<CarrierResponse>, now = new Date()): CarrierResponse {
		const response: CarrierResponse = {
			id: randomUUID(),
			load_id: id,
			ati_id: String(fields.ati_id ?? '234567'),
			contact_id: Number(fields.contact_id ?? 0),
			price: typeof fields.price === 'number' ? fields.price : null,
			currency_id: typeof fields.currency_id === 'number' ? fields.currency_id : null,
			comment: typeof fields.comment === 'string' ? fields.comment : null,
			added_at: now.toISOString(),
		};
		this.responses.set(id, [...this.responsesOf(id), response]);
		return response;
	}

	reset(): void {
		this.loads.clear();
		this.responses.clear();
		this.counter = 0;
	}

	private emit(cargoId: string, entity: StoredLoad | null): void {
		for (const listener of this.listeners) listener({ topic: 'cargoes', cargoId, entity });
	}
}

interface DuplicateKey {
	cargoType: unknown;
	weight: unknown;
	volume: unknown;
	from: unknown;
	to: unknown;
	date: unknown;
}

/**
 * The parameters ATI's "Дубликаты" rules compare (ati.su/developers/api/loads): cargo type, weight
 * and volume (equal or absent), loading and unloading city, and the loading date.
 */
function duplicateKey(load: Record<string, unknown>): DuplicateKey {
	const route = (load.route ?? {}) as Record<string, Record<string, unknown> | undefined>;
	const cargo = (load.load ?? {}) as Record<string, unknown>;
	return {
		cargoType: cargo.cargo_type,
		weight: cargo.weight,
		volume: cargo.volume,
		from: route.loading?.city_id,
		to: route.unloading?.city_id,
		date: route.loading?.first_date,
	};
}

function sameLoad(a: DuplicateKey, b: DuplicateKey): boolean {
	const equalOrAbsent = (x: unknown, y: unknown) => x === undefined || y === undefined || x === y;
	return (
		a.cargoType === b.cargoType &&
		equalOrAbsent(a.weight, b.weight) &&
		equalOrAbsent(a.volume, b.volume) &&
		a.from === b.from &&
		a.to === b.to &&
		a.date === b.date
	);
}
