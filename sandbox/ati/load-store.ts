import { randomUUID } from 'node:crypto';

// The firm's loads as ATI keeps them: the cargo_application of POST /v2/cargos with the fields
// ATI adds (cargo_application_id, cargo_application_number, added_at, updated_at), as the
// "cargoes" webhook topic (ati.su/developers/api/webhooks/topics/cargoes) delivers it.

export interface StoredLoad {
	cargo_application_id: string;
	cargo_application_number: string;
	added_at: string;
	updated_at: string;
	[field: string]: unknown;
}

/** A counter-offer, in the PascalCase of GET /v1.0/loads/new/{loadId}/responses. */
export interface CarrierResponse {
	ResponseId: string;
	FirmId: number;
	FirmName: string;
	Price: number | null;
	CurrencyId: number | null;
	LoadingDate: string | null;
	IsOutdated: boolean;
	Contact: { Name: string; Phone: string | null; Email: string | null };
}

export interface LoadEvent {
	topic: 'cargoes';
	entityId: string;
	entity: StoredLoad | null;
}

export type LoadWriteOutcome =
	| { kind: 'added'; load: StoredLoad }
	| { kind: 'merged'; load: StoredLoad }
	| { kind: 'duplicate'; of: StoredLoad };

const DAILY_WRITES = { create: 500, update: 5000 };

export class LoadStore {
	private readonly loads = new Map<string, StoredLoad>();
	private readonly responses = new Map<string, CarrierResponse[]>();
	private counter = 0;
	private readonly writesByDay = new Map<string, number>();
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

	/**
	 * Publishes a load unless ATI's rules match one the firm has: the same load with the same
	 * payment is a duplicate (refused); the same load with another payment is merged into it.
	 */
	publish(application: Record<string, unknown>, exceptId?: string): LoadWriteOutcome {
		const similar = this.list().find(
			(load) => load.cargo_application_id !== exceptId && sameLoad(load, application),
		);
		if (!similar) {
			return exceptId === undefined
				? { kind: 'added', load: this.add(application) }
				: { kind: 'added', load: this.replace(exceptId, application) };
		}
		if (samePayment(similar, application)) return { kind: 'duplicate', of: similar };
		const merged = { ...similar, payment: application.payment };
		return { kind: 'merged', load: this.replace(similar.cargo_application_id, merged) };
	}

	add(application: Record<string, unknown>, now = new Date()): StoredLoad {
		this.counter++;
		const load: StoredLoad = {
			...application,
			cargo_application_id: randomUUID(),
			cargo_application_number: `АВТ-${String(100000 + this.counter)}`,
			added_at: now.toISOString(),
			updated_at: now.toISOString(),
		};
		this.loads.set(load.cargo_application_id, load);
		this.emit(load.cargo_application_id, load);
		return load;
	}

	replace(id: string, application: Record<string, unknown>, now = new Date()): StoredLoad {
		const old = this.loads.get(id) as StoredLoad;
		const load: StoredLoad = {
			...application,
			cargo_application_id: old.cargo_application_id,
			cargo_application_number: old.cargo_application_number,
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

	addResponse(id: string, fields: Record<string, unknown>, now = new Date()): CarrierResponse {
		const response: CarrierResponse = {
			ResponseId: randomUUID(),
			FirmId: Number(fields.FirmId ?? 234567),
			FirmName: String(fields.FirmName ?? 'ИП Перевозчиков'),
			Price: typeof fields.Price === 'number' ? fields.Price : null,
			CurrencyId: typeof fields.CurrencyId === 'number' ? fields.CurrencyId : null,
			LoadingDate: typeof fields.LoadingDate === 'string' ? fields.LoadingDate : null,
			IsOutdated: false,
			Contact: { Name: String(fields.ContactName ?? 'Пётр'), Phone: null, Email: null },
		};
		void now;
		this.responses.set(id, [...this.responsesOf(id), response]);
		return response;
	}

	/**
	 * Counts one create or change against ATI's per-contact day (ati.su/developers/documentation/
	 * rules: 500 new loads, 5,000 changes in 24 hours, counted again from 00:00 Moscow time):
	 * false once the day's count is spent. The sandbox has one contact per token.
	 */
	countWrite(kind: 'create' | 'update', now = new Date()): boolean {
		const moscow = new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
		const key = `${kind}:${moscow}`;
		const used = this.writesByDay.get(key) ?? 0;
		if (used >= DAILY_WRITES[kind]) return false;
		this.writesByDay.set(key, used + 1);
		return true;
	}

	reset(): void {
		this.loads.clear();
		this.responses.clear();
		this.writesByDay.clear();
		this.counter = 0;
	}

	private emit(entityId: string, stored: StoredLoad | null): void {
		// The topic page's model names the load cargo_id and cargo_number (ATI's newer API calls
		// them cargo_application_id and cargo_application_number): the delivery carries both.
		const entity = stored && {
			...stored,
			cargo_id: stored.cargo_application_id,
			cargo_number: stored.cargo_application_number,
		};
		for (const listener of this.listeners) listener({ topic: 'cargoes', entityId, entity });
	}
}

type Fields = Record<string, unknown>;
const part = (value: unknown): Fields =>
	typeof value === 'object' && value !== null ? (value as Fields) : {};

/**
 * The parameters ATI's "Дубликаты" rules compare (ati.su/developers/api/loads): cargo type,
 * weight and volume (equal or absent), loading and unloading city and date, body types.
 */
function sameLoad(a: Fields, b: Fields): boolean {
	const equalOrAbsent = (x: unknown, y: unknown) => x === undefined || y === undefined || x === y;
	const [ca, cb] = [part(a.cargo), part(b.cargo)];
	const [ra, rb] = [part(a.route), part(b.route)];
	const point = (route: Fields, name: string) => part(route[name]);
	return (
		ca.cargo_type_id === cb.cargo_type_id &&
		equalOrAbsent(part(ca.weight).value, part(cb.weight).value) &&
		equalOrAbsent(part(ca.volume).value, part(cb.volume).value) &&
		point(ra, 'loading').city_id === point(rb, 'loading').city_id &&
		point(ra, 'loading').first_date === point(rb, 'loading').first_date &&
		point(ra, 'unloading').city_id === point(rb, 'unloading').city_id &&
		JSON.stringify(part(a.truck).body_types ?? []) ===
			JSON.stringify(part(b.truck).body_types ?? [])
	);
}

function samePayment(a: Fields, b: Fields): boolean {
	return JSON.stringify(a.payment ?? null) === JSON.stringify(b.payment ?? null);
}
