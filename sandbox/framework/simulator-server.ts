import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { answerClientError, type ClientErrorInfo } from './client-error';
import {
	CONTROL_PREFIX,
	isControlPath,
	mountControlRoutes,
	type ControlTarget,
} from './control-routes';
import { FaultInjector, faultResponse, type Fault } from './faults';
import { InFlightGauge } from './in-flight';
import { jsonError } from './json-error';
import { rawMethodOf, readRawRequest, writeRawResponse } from './raw-request';
import { RequestLog } from './request-log';
import { RouteTable } from './route-table';
import { createSimRequest, flattenHeaders, readBody, readTarget } from './sim-request';
import type { LoggedRequest, RouteHandler, SimRequest, SimResponse } from './types';
import { writeResponse } from './write-response';

export interface SimulatorServerOptions {
	name: string;
}

export class SimulatorServer implements ControlTarget {
	readonly name: string;

	private readonly vendorRoutes = new RouteTable();
	private readonly controlRoutes = new RouteTable();
	private readonly log = new RequestLog();
	private readonly faultInjector = new FaultInjector();
	private readonly inFlight = new InFlightGauge();
	private readonly rawSockets = new WeakSet<Socket>();
	private server?: Server;
	private url?: string;

	constructor({ name }: SimulatorServerOptions) {
		this.name = name;
		mountControlRoutes(this.controlRoutes, this);
	}

	get baseUrl(): string {
		if (!this.url) throw new Error(`The ${this.name} simulator is not started`);
		return this.url;
	}

	get requests(): readonly LoggedRequest[] {
		return this.log.all;
	}

	/** The most vendor requests answered at once since the requests were last cleared. */
	get maxConcurrentRequests(): number {
		return this.inFlight.peak;
	}

	get faults(): readonly Fault[] {
		return this.faultInjector.pending;
	}

	route(method: string, pattern: string, handler: RouteHandler): this {
		this.vendorRoutes.add(method, pattern, handler);
		return this;
	}

	/** Mounts a simulator's own control route: '/ati/contacts' answers at '/__control/ati/contacts'. */
	controlRoute(method: string, pattern: string, handler: RouteHandler): this {
		this.controlRoutes.add(method, `${CONTROL_PREFIX}${pattern}`, handler);
		return this;
	}

	clearRequests(): void {
		this.log.clear();
		this.inFlight.reset();
	}

	injectFault(fault: Fault | Fault[]): void {
		for (const each of Array.isArray(fault) ? fault : [fault]) this.faultInjector.inject(each);
	}

	clearFaults(): void {
		this.faultInjector.clear();
	}

	reset(): void {
		this.resetState();
		this.clearRequests();
		this.clearFaults();
	}

	/** Restores the simulated vendor's data; subclasses override it. */
	protected resetState(): void {}

	/**
	 * Answers requests Node's parser rejects. A method Node does not know (such as LOOKUP) that has
	 * a route is read from the raw bytes and answered like any other request, then the connection
	 * is closed; other parse errors get the JSON 400/501 of client-error.ts.
	 */
	protected onClientError(error: ClientErrorInfo, socket: Socket): void {
		if (this.rawSockets.has(socket)) return;
		const method = error.code === 'HPE_INVALID_METHOD' ? rawMethodOf(error.rawPacket) : undefined;
		if (!method || !this.vendorRoutes.hasMethod(method)) {
			answerClientError(error, socket);
			return;
		}
		this.rawSockets.add(socket);
		// Node's parser keeps reading the socket and would report every later chunk as an error.
		socket.removeAllListeners('data');
		this.handleRaw(error.rawPacket ?? Buffer.alloc(0), socket).catch(() => socket.destroy());
	}

	/** Answers protocol upgrades (WebSocket); refused unless a simulator overrides it. */
	protected onUpgrade(message: IncomingMessage, socket: Socket, head: Buffer): void {
		void message;
		void head;
		socket.end('HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		if (this.server) throw new Error(`The ${this.name} simulator is already started`);

		const server = createServer((message, res) => {
			this.handle(message, res).catch(() => res.destroy());
		});
		server.on('clientError', (error, socket) => this.onClientError(error, socket as Socket));
		server.on('upgrade', (message, socket, head) =>
			this.onUpgrade(message, socket as Socket, head),
		);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				resolve();
			});
		});

		this.server = server;
		this.url = `http://${host}:${(server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.url = undefined;

		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		server.closeAllConnections();
		await closed;
	}

	private async handle(message: IncomingMessage, res: ServerResponse): Promise<void> {
		const at = Date.now();
		const target = readTarget(message.url);
		const body = await readBody(message);
		const clientGone = new AbortController();
		res.once('close', () => {
			if (!res.writableFinished) clientGone.abort();
		});
		const request = createSimRequest(
			message.method ?? 'GET',
			target,
			flattenHeaders(message.headers),
			body,
			message.socket.remoteAddress,
			clientGone.signal,
		);

		if (isControlPath(request.path)) {
			writeResponse(res, await this.dispatch(this.controlRoutes, request));
			return;
		}
		const leave = this.inFlight.enter();
		try {
			const status = await this.answerVendorRequest(request, res);
			this.log.record(request, target.rawQuery, at, status);
		} finally {
			leave();
		}
	}

	/** Applies a pending fault or runs the route; returns the status sent, 0 for a reset. */
	private async answerVendorRequest(request: SimRequest, res: ServerResponse): Promise<number> {
		const response = await this.vendorResponse(request);
		if (response === 'reset') {
			res.destroy();
			return 0;
		}
		writeResponse(res, response);
		return response.status;
	}

	private async vendorResponse(request: SimRequest): Promise<SimResponse | 'reset'> {
		const fault = this.faultInjector.take(request.method, request.path);
		if (fault?.latencyMs) await delay(fault.latencyMs);
		if (fault?.reset) return 'reset';
		return (fault && faultResponse(fault)) ?? (await this.dispatch(this.vendorRoutes, request));
	}

	/** A request in a method Node's parser refused: the same faults, routes and log as any other. */
	private async handleRaw(first: Buffer, socket: Socket): Promise<void> {
		const at = Date.now();
		let raw;
		try {
			raw = await readRawRequest(first, socket);
		} catch (error) {
			writeRawResponse(socket, jsonError(400, 'bad_request', (error as Error).message));
			return;
		}
		const request = createSimRequest(
			raw.method,
			raw.target,
			raw.headers,
			raw.body,
			socket.remoteAddress,
		);
		const leave = this.inFlight.enter();
		const response = await this.vendorResponse(request).finally(leave);
		if (response === 'reset') socket.destroy();
		else writeRawResponse(socket, response);
		this.log.record(request, raw.target.rawQuery, at, response === 'reset' ? 0 : response.status);
	}

	private async dispatch(routes: RouteTable, request: SimRequest): Promise<SimResponse> {
		const match = routes.find(request.method, request.path);
		if (!match)
			return jsonError(404, 'not_found', `No route for ${request.method} ${request.path}`);
		try {
			return await match.handler(request, match.params);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			return jsonError(500, 'internal_error', reason);
		}
	}
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
