import { createHash } from 'node:crypto';

import type { SimRequest, SimResponse } from '../../framework';
import { jsonError } from '../../framework';
import type { OktellSimulator } from '../oktell-simulator';
import type { ServiceScript } from '../scripts';

/** `/__control/oktell/...`: the sandbox's own levers, beside the framework's faults and log. */
export function mountOktellControl(simulator: OktellSimulator): void {
	const body = (request: SimRequest) => request.json() as Record<string, unknown>;
	const guarded =
		(handler: (request: SimRequest, params: Record<string, string>) => SimResponse) =>
		(request: SimRequest, params: Record<string, string>) => {
			try {
				return handler(request, params);
			} catch (error) {
				return jsonError(400, 'bad_request', (error as Error).message);
			}
		};
	simulator
		.controlRoute('GET', '/oktell/state', () => ({ status: 200, body: simulator.state() }))
		// A call record's size and SHA-256, for a check that it arrived somewhere byte for byte.
		.controlRoute('GET', '/oktell/records/:id', (_request, params) => {
			const file = simulator.world.files.byId(simulator.world.files.records, params.id);
			if (!file) return jsonError(404, 'not_found', 'No record with that id');
			return {
				status: 200,
				body: {
					id: params.id,
					path: file.path,
					size: file.bytes.length,
					sha256: createHash('sha256').update(file.bytes).digest('hex'),
				},
			};
		})
		.controlRoute(
			'POST',
			'/oktell/encoding',
			guarded((request) => {
				const { encoding } = body(request);
				if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && encoding !== 'utf-8') {
					throw new Error('encoding must be "utf-16le", "utf-16be" or "utf-8"');
				}
				simulator.xmlEncoding = encoding;
				return { status: 200, body: { encoding } };
			}),
		)
		.controlRoute(
			'POST',
			'/oktell/clock',
			guarded((request) => {
				const seconds = Number(body(request).advanceSeconds);
				if (!Number.isFinite(seconds) || seconds < 0)
					throw new Error('advanceSeconds must be >= 0');
				simulator.advanceClock(seconds);
				return { status: 200, body: { offsetMs: simulator.clockOffsetMs } };
			}),
		)
		.controlRoute(
			'POST',
			'/oktell/queues/:number/calls',
			guarded((request, params) => ({
				status: 201,
				body: simulator.world.queues.addCall(params.number, body(request)),
			})),
		)
		.controlRoute('DELETE', '/oktell/queues/calls/:chainid', (_request, params) =>
			simulator.world.queues.removeCall(params.chainid)
				? { status: 204 }
				: jsonError(404, 'not_found', 'No queued call with that chain id'),
		)
		.controlRoute(
			'PUT',
			'/oktell/queues',
			guarded((request) => {
				const queues = request.json();
				if (!Array.isArray(queues)) throw new Error('Send an array of queues');
				simulator.world.queues.replace(queues as Array<Record<string, unknown>>);
				return { status: 200, body: simulator.world.queues.snapshot() };
			}),
		)
		.controlRoute(
			'POST',
			'/oktell/scripts',
			guarded((request) => {
				const script = body(request) as unknown as ServiceScript;
				if (typeof script.name !== 'string' || typeof script.returnValue !== 'string') {
					throw new Error('A script needs a name and a returnValue (strings)');
				}
				simulator.world.scripts.register(script);
				return { status: 201, body: script };
			}),
		)
		.controlRoute(
			'POST',
			'/oktell/calls/:chainid/connect',
			guarded((_request, params) => {
				const call = simulator.world.pbx.calls.get(params.chainid);
				if (!call) throw new Error('No call with that chain id');
				simulator.world.pbx.connect(call);
				return { status: 200, body: call };
			}),
		);
}
