import type { CrmEntity } from './crm/catalog';
import { demoCompanies, demoContacts, demoLeads, demoSmartProcesses, demoTasks } from './crm/demo';
import { SmartProcesses } from './crm/dynamic';
import type { Directories } from './crm/statuses';
import { demoCategories, demoStatuses } from './crm/statuses';
import type { Row } from './crm/query';
import { CrmTable } from './crm/store';
import { demoQuotes } from './crm-extras/quotes';
import { CrmExtrasState } from './crm-extras/state';
import { Tasks } from './crm/tasks';
import { BITRIX24_DEMO_USERS, demoDeals } from './demo-data';
import { WorkState } from './work/work-state';

export interface Push {
	userIds: number[];
	text: string;
	at: number;
}

/** A change of a portal record, named as Bitrix24 names its events (`ONCRMDEALADD`, …). */
export interface RecordChange {
	event: string;
	fields: Record<string, unknown>;
	/** The `auth_connector` of the call that made the change ('' for none). */
	source: string;
}

type RecordChangeListener = (change: RecordChange) => void;

/** The portal's CRM data and the pushes it was asked to send. */
export class PortalState {
	deals = demoDeals();
	users: Row[] = BITRIX24_DEMO_USERS.map((user) => ({ ...user }));
	pushes: Push[] = [];
	/** crm.status.* directories and crm.category.* pipelines. */
	directories: Directories = { statuses: demoStatuses(), categories: demoCategories() };
	private readonly changeListeners = new Set<RecordChangeListener>();
	private writeSource = '';
	private readonly announce = (event: string, fields: Record<string, unknown>) =>
		this.recordChanged(event, fields);
	private leads: Row[] = demoLeads();
	private contacts: Row[] = demoContacts();
	private companies: Row[] = demoCompanies();
	/** CRM records by entity; the deal table is `deals`, which the older methods also use. */
	readonly crm: Record<CrmEntity, CrmTable> = {
		deal: new CrmTable(
			'deal',
			() => this.deals,
			(rows) => (this.deals = rows as Array<Record<string, string>>),
			this.announce,
		),
		lead: new CrmTable(
			'lead',
			() => this.leads,
			(rows) => (this.leads = rows),
			this.announce,
		),
		contact: new CrmTable(
			'contact',
			() => this.contacts,
			(rows) => (this.contacts = rows),
			this.announce,
		),
		company: new CrmTable(
			'company',
			() => this.companies,
			(rows) => (this.companies = rows),
			this.announce,
		),
	};
	readonly smartProcesses = new SmartProcesses(this.announce);
	readonly tasks = new Tasks(this.announce);
	/** Chats, Drive, task work and external calls. */
	readonly work = new WorkState();
	crmExtras = new CrmExtrasState();

	constructor() {
		this.smartProcesses.types = [...demoSmartProcesses(), demoQuotes()];
		this.tasks.rows = demoTasks();
	}

	/** Calls `listener` after every record change; returns the function that stops it. */
	onRecordChange(listener: RecordChangeListener): () => void {
		this.changeListeners.add(listener);
		return () => this.changeListeners.delete(listener);
	}

	recordChanged(event: string, fields: Record<string, unknown>): void {
		const source = this.writeSource;
		for (const listener of this.changeListeners) listener({ event, fields, source });
	}

	/** Runs a REST call whose changes come from `source` (its `auth_connector`). */
	changesFrom<T>(source: string, run: () => T): T {
		const before = this.writeSource;
		this.writeSource = source;
		try {
			return run();
		} finally {
			this.writeSource = before;
		}
	}

	setDealCount(count: number): void {
		this.deals = demoDeals(count);
	}

	addDeal(fields: Record<string, unknown>): number {
		return this.crm.deal.add(fields);
	}

	/** n records of an entity, IDs 1…n (for paging tests and benchmarks). */
	setRecordCount(entity: CrmEntity, count: number): void {
		if (entity === 'deal') return this.setDealCount(count);
		const make = { lead: demoLeads, contact: demoContacts, company: demoCompanies }[entity];
		const template = make()[0];
		this.crm[entity].replace(
			Array.from({ length: count }, (_, index) => ({ ...template, ID: String(index + 1) })),
		);
	}

	reset(): void {
		this.deals = demoDeals();
		this.leads = demoLeads();
		this.contacts = demoContacts();
		this.companies = demoCompanies();
		for (const table of Object.values(this.crm)) table.userFields.length = 0;
		this.smartProcesses.types = [...demoSmartProcesses(), demoQuotes()];
		this.tasks.rows = demoTasks();
		this.crmExtras = new CrmExtrasState();
		this.users = BITRIX24_DEMO_USERS.map((user) => ({ ...user }));
		this.pushes = [];
		this.work.reset();
		this.directories = { statuses: demoStatuses(), categories: demoCategories() };
		for (const table of [...Object.values(this.crm), this.smartProcesses, this.tasks]) {
			table.refused.length = 0;
		}
	}
}
