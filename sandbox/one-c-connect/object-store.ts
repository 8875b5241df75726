import { randomUUID } from 'node:crypto';

import type { ObjectKind } from './object-kinds';

export type Fields = Record<string, unknown>;

export interface StoredObject {
	fields: Fields;
	changedAt: number;
	deleted: boolean;
}

/** Objects of every kind by key, with the time of their last change (for ChangedFrom). */
export class ObjectStore {
	private readonly objects = new Map<string, Map<string, StoredObject>>();

	constructor(private readonly now: () => number) {}

	keyOf(kind: ObjectKind, fields: Fields): string | undefined {
		const parts = kind.key.map((name) => fields[name]);
		if (parts.some((part) => part === undefined || part === null || part === '')) return undefined;
		return parts.map(String).join('|');
	}

	private of(kind: string): Map<string, StoredObject> {
		let objects = this.objects.get(kind);
		if (!objects) this.objects.set(kind, (objects = new Map()));
		return objects;
	}

	get(kind: ObjectKind, fields: Fields): StoredObject | undefined {
		const key = this.keyOf(kind, fields);
		const found = key === undefined ? undefined : this.of(kind.name).get(key);
		return found && !found.deleted ? found : undefined;
	}

	/** The stored object with these key fields, deleted or not. */
	existing(kind: ObjectKind, fields: Fields): StoredObject | undefined {
		const key = this.keyOf(kind, fields);
		return key === undefined ? undefined : this.of(kind.name).get(key);
	}

	exists(kindName: string, id: unknown): boolean {
		const found = this.of(kindName).get(String(id));
		return found !== undefined && !found.deleted;
	}

	/** Adds an object; a kind with one key field gets a new GUID. */
	add(kind: ObjectKind, fields: Fields): StoredObject {
		const complete = { ...fields };
		if (kind.key.length === 1 && !complete[kind.key[0]]) complete[kind.key[0]] = randomUUID();
		const stored: StoredObject = { fields: complete, changedAt: this.now(), deleted: false };
		this.of(kind.name).set(this.keyOf(kind, complete) as string, stored);
		return stored;
	}

	edit(stored: StoredObject, fields: Fields): void {
		Object.assign(stored.fields, fields);
		stored.changedAt = this.now();
	}

	delete(stored: StoredObject): void {
		stored.deleted = true;
		stored.changedAt = this.now();
	}

	/** Deleted objects too: reads with ChangedFrom report them with Deleted = true. */
	all(kind: string): StoredObject[] {
		return [...this.of(kind).values()];
	}

	clear(): void {
		this.objects.clear();
	}
}
