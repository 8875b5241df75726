import type { RouteHandler, SimRequest, SimResponse } from '../framework';
import { SimulatorServer } from '../framework';
import {
	ONE_C_DEMO_LISTS,
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_OBJECTS,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
} from './demo-data';
import type { OperationHandler, SimState } from './handler-types';
import { clientHandlers } from './handlers/clients';
import { historyHandlers } from './handlers/history';
import { objectHandlers } from './handlers/objects';
import { partnerHandlers } from './handlers/partner';
import { serviceRequestHandlers } from './handlers/service-requests';
import { HourlyLimits } from './hourly-limits';
import { KIND_BY_NAME } from './object-kinds';
import { ObjectStore } from './object-store';
import { DEFAULT_MAX_BATCH_ROWS, MAX_BATCH_ROWS, PARTNER_OPERATIONS } from './operations';
import { resultReply, soapFault } from './soap-reply';
import { readSoapRequest } from './soap-request';
import { partnerWsdl } from './wsdl';
import { PushApi } from './push/push-api';

export interface OneCConnectSimulatorOptions {
	/** API login → password; the demo login by default. */
	accounts?: Record<string, string>;
	/** Calls per hour by operation, over the documented ones. */
	hourlyLimits?: Record<string, number>;
	/** The simulator's clock (epoch ms); dates are UTC wall-clock times. */
	now?: () => number;
	/** Start without the demo objects and lists. */
	empty?: boolean;
}

const maxRowsOf = (operation: string) => MAX_BATCH_ROWS[operation] ?? DEFAULT_MAX_BATCH_ROWS;

export class OneCConnectSimulator extends SimulatorServer {
	readonly limits: HourlyLimits;
	private readonly accounts: Record<string, string>;
	private readonly handlers: Record<string, OperationHandler>;
	private readonly state: SimState;
	private readonly seeded: boolean;
	/** The push API (service lines and bots), served under /push on the same port. */
	readonly push: PushApi;

	constructor(options: OneCConnectSimulatorOptions = {}) {
		super({ name: '1C-Connect' });
		const now = options.now ?? Date.now;
		this.accounts = options.accounts ?? { [ONE_C_DEMO_LOGIN]: ONE_C_DEMO_PASSWORD };
		this.limits = new HourlyLimits(options.hourlyLimits);
		this.seeded = !options.empty;
		let number = 0;
		this.state = {
			store: new ObjectStore(now),
			now,
			lists: new Map(),
			paramValues: new Map(),
			messages: new Map(),
			files: new Map(),
			notifications: [],
			nextNumber: () => ++number,
		};
		const all: Record<string, OperationHandler> = {
			...objectHandlers(maxRowsOf),
			...historyHandlers(),
			...clientHandlers(maxRowsOf),
			...serviceRequestHandlers(),
			...partnerHandlers(),
		};
		this.handlers = Object.fromEntries(PARTNER_OPERATIONS.map((name) => [name, all[name]]));
		this.push = new PushApi(
			{
				route: (method, pattern, handler) => this.route(method, pattern, handler),
				controlRoute: (method, pattern, handler) => this.controlRoute(method, pattern, handler),
				authenticated: (handler) => (request, params) =>
					this.loginOf(request) === undefined ? unauthorized() : handler(request, params),
			},
			now,
		);
		this.resetState();

		this.route(
			'GET',
			ONE_C_SERVICE_PATH,
			this.authenticated(() => this.wsdl()),
		)
			.route(
				'POST',
				ONE_C_SERVICE_PATH,
				this.authenticated((request, login) => this.soap(request, login)),
			)
			.controlRoute('GET', '/one-c-connect/objects/:kind', (_request, { kind }) => ({
				status: 200,
				body: this.objects(kind),
			}))
			.controlRoute('POST', '/one-c-connect/objects/:kind', (request, { kind }) =>
				this.control(() => this.addObject(kind, request.json() as Record<string, unknown>)),
			)
			.controlRoute('POST', '/one-c-connect/lists/:operation', (request, { operation }) =>
				this.control(() =>
					this.addListRows(operation, request.json() as Array<Record<string, unknown>>),
				),
			)
			.controlRoute('GET', '/one-c-connect/limits', () => ({
				status: 200,
				body: this.limits.usage(this.state.now()),
			}))
			.controlRoute('POST', '/one-c-connect/limits', (request) =>
				this.control(() => this.limits.set(request.json() as Record<string, number>)),
			);
	}

	/** Objects of one kind as stored, deleted ones included. */
	objects(kind: string): Array<Record<string, unknown>> {
		return this.state.store
			.all(kind)
			.map((stored) => ({ ...stored.fields, Deleted: stored.deleted }));
	}

	addObject(kind: string, fields: Record<string, unknown>): Record<string, unknown> {
		const known = KIND_BY_NAME.get(kind);
		if (!known) throw new Error(`Unknown object kind ${kind}`);
		const existing = this.state.store.existing(known, fields);
		if (!existing) return this.state.store.add(known, { ...fields }).fields;
		this.state.store.edit(existing, fields);
		existing.deleted = false;
		return existing.fields;
	}

	/** Appends rows to a read-only list such as GetHistoryOfServiceCalls. */
	addListRows(operation: string, rows: Array<Record<string, unknown>>): void {
		if (!Array.isArray(rows)) throw new Error('The body must be an array of rows');
		this.state.lists.set(operation, [...(this.state.lists.get(operation) ?? []), ...rows]);
	}

	get notifications(): ReadonlyArray<Record<string, unknown>> {
		return this.state.notifications;
	}

	protected override resetState(): void {
		this.limits?.reset();
		this.push?.reset();
		const state = this.state;
		if (!state) return;
		state.store.clear();
		state.lists.clear();
		state.paramValues.clear();
		state.messages.clear();
		state.files.clear();
		state.notifications.length = 0;
		if (!this.seeded) return;
		for (const [kind, objects] of Object.entries(ONE_C_DEMO_OBJECTS)) {
			for (const fields of objects) this.state.store.add(KIND_BY_NAME.get(kind)!, { ...fields });
		}
		for (const [operation, rows] of Object.entries(ONE_C_DEMO_LISTS)) {
			state.lists.set(
				operation,
				rows.map((row) => ({ ...row })),
			);
		}
	}

	private control(action: () => unknown): SimResponse {
		try {
			const result = action();
			return { status: 200, body: (result ?? { ok: true }) as object };
		} catch (error) {
			return { status: 400, body: { error: 'bad_request', reason: (error as Error).message } };
		}
	}

	private authenticated(
		handler: (request: SimRequest, login: string) => SimResponse,
	): RouteHandler {
		return (request) => {
			const login = this.loginOf(request);
			return login === undefined ? unauthorized() : handler(request, login);
		};
	}

	/** The API login of a request with the right Basic credentials. */
	private loginOf(request: SimRequest): string | undefined {
		const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
		const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
		const colon = decoded.indexOf(':');
		const login = decoded.slice(0, colon);
		if (
			colon === -1 ||
			this.accounts[login] === undefined ||
			this.accounts[login] !== decoded.slice(colon + 1)
		) {
			return undefined;
		}
		return login;
	}

	private wsdl(): SimResponse {
		return {
			status: 200,
			headers: { 'content-type': 'text/xml; charset=utf-8' },
			body: partnerWsdl(`${this.baseUrl}${ONE_C_SERVICE_PATH}`),
		};
	}

	private soap(request: SimRequest, login: string): SimResponse {
		let call;
		try {
			call = readSoapRequest(request.text());
		} catch (error) {
			return soapFault((error as Error).message, 'soap:Client');
		}
		const { operation } = call;
		const action = (request.headers.soapaction ?? '').replace(/^"|"$/g, '');
		if (action !== '' && !action.endsWith(`#PartnerWebAPI2:${operation}`)) {
			return soapFault(`SOAPAction "${action}" does not name ${operation}`, 'soap:Client');
		}
		const handler = this.handlers[operation];
		if (!handler)
			return soapFault(`Operation ${operation} is not found in PartnerWebAPI2`, 'soap:Client');
		if (!this.limits.tryCall(login, operation, this.state.now())) {
			return resultReply(
				operation,
				'OUT_OF_LIMIT',
				`Превышен лимит вызовов операции ${operation} в час`,
			);
		}
		try {
			const result = handler(call, this.state);
			return resultReply(operation, result.code, result.data);
		} catch (error) {
			return soapFault(`Ошибка выполнения операции ${operation}: ${(error as Error).message}`);
		}
	}
}

/** The same API login serves PartnerWebAPI2 and the push API. */
function unauthorized(): SimResponse {
	return {
		status: 401,
		headers: {
			'www-authenticate': 'Basic realm="1C-Connect"',
			'content-type': 'text/plain; charset=utf-8',
		},
		body: 'Unauthorized',
	};
}

export function createOneCConnectSimulator(
	options?: OneCConnectSimulatorOptions,
): OneCConnectSimulator {
	return new OneCConnectSimulator(options);
}
