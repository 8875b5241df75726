import type { SimRequest, SimulatorServer } from '../../framework';
import type { Pbx, PbxCall, PbxLine } from '../pbx';
import { PbxError } from '../pbx';
import type { Guard, OktellWorld } from '../world';

type Json = Record<string, unknown>;

export function callRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	const { pbx } = world;
	const command = (path: string, act: (line: PbxLine, request: SimRequest) => void) =>
		server.route(
			'GET',
			path,
			guard((request) => {
				act(pbx.resolveActor(request.query), request);
				return { status: 200 };
			}),
		);
	const dial = (request: SimRequest) => {
		const number = request.query.get('number') ?? '';
		if (number === '') throw new PbxError(400, 'The parameter number is required');
		return [
			number,
			request.query.get('direction') ?? '',
			request.query.get('sequence') ?? '',
		] as const;
	};

	command('/wp_autocallstart', (line, request) => pbx.startCall(line, ...dial(request)));
	command('/wp_switchcall', (line, request) => pbx.switchCall(line, ...dial(request)));
	command('/wp_autocallstop', (line) => pbx.stopAutoCall(line));
	command('/wp_flash', (line, request) => pbx.flash(line, request.query.get('mode')));
	command('/wp_answercall', (line) => pbx.answer(line));
	command('/wp_declinecall', (line) => pbx.decline(line));
	command('/wp_abortcall', (line) => pbx.hangUp(line));

	server
		.route(
			'GET',
			'/wp_getchaincontent',
			guard((request) => {
				const call = pbx.callOf(pbx.resolveActor(request.query));
				return { status: 200, body: call ? chainContent(pbx, call) : {} };
			}),
		)
		.route(
			'GET',
			'/wp_getabonentinfo',
			guard((request) => {
				const line = pbx.resolveActor(request.query);
				return { status: 200, body: abonentInfo(pbx, line) };
			}),
		);
}

function party(pbx: Pbx, lineId: string | undefined) {
	const line = lineId ? pbx.lines.get(lineId) : undefined;
	const user = line?.userId ? pbx.users.get(line.userId) : undefined;
	return { line, user };
}

function chainContent(pbx: Pbx, call: PbxCall): Json {
	if (call.fixture) return call.fixture.chain as Json;
	const a = party(pbx, call.aLineId);
	const b = party(pbx, call.bLineId);
	const trace: Json[] = [
		{
			contentelementtype: 'call',
			pbxdirection: call.direction === 'pbx' ? 'internal' : 'outgoing',
			srclineid: a.line?.id,
			srclinenumber: a.line?.number,
			callerid: a.line?.number,
			calledid: call.remote,
			isuser: a.user !== undefined,
			userid: a.user?.id,
			userlogin: a.user?.login,
			username: a.user?.name,
			startqueuetime: call.createdAt,
		},
	];
	if (call.phase === 'connected') {
		trace.push({
			contentelementtype: 'commutation',
			commutationid: call.commutationId,
			connectiontype: call.direction === 'pbx' ? 3 : 1,
			connectiontypestr: call.direction === 'pbx' ? 'ctInnerInner' : 'ctInnerOuter',
			alineid: a.line?.id,
			alinenumber: a.line?.number,
			auserlogin: a.user?.login,
			blineid: b.line?.id ?? null,
			blinenumber: b.line?.number ?? call.remote,
			buserlogin: b.user?.login ?? null,
			timestart: call.createdAt,
			timeanswer: call.answeredAt,
			isrecorded: false,
		});
	}
	return { createtime: call.createdAt, chainid: call.chainId, customfield: '', trace };
}

function abonentInfo(pbx: Pbx, line: PbxLine): Json {
	const state = pbx.lineState(line);
	const call = pbx.callOf(line);
	const head = { currentlinestate: state.id, currentlinestatestr: state.name };
	if (!call) return head;
	if (call.fixture && line.id === call.aLineId) return call.fixture.abonentForA as Json;
	const otherId = line.id === call.aLineId ? call.bLineId : call.aLineId;
	const other = party(pbx, otherId);
	return {
		...head,
		abonentinfo: {
			isuser: other.user !== undefined,
			isextline: other.line === undefined,
			callerlineid: other.line?.id ?? null,
			callerlinenum: other.line?.number ?? call.remote,
			callerid: other.line?.number ?? call.remote,
			callername: other.user?.name ?? call.remote,
			calleruserid: other.user?.id ?? null,
			calleruserlogin: other.user?.login ?? null,
			commutationid: call.commutationId,
			chainid: call.chainId,
		},
	};
}
