import { randomUUID } from 'node:crypto';

import { ABONENT_EXAMPLE, CHAIN_EXAMPLE } from './fixtures';
import type { DemoUser } from './demo-data';

export interface PbxUser {
	id: string;
	login: string;
	name: string;
	state: number;
	callCenter: boolean;
	manual: boolean;
	redirect: boolean;
	lunch: boolean;
	lunchReasonId?: string;
	lunchReasonMsg?: string;
	lineId: string;
}

export interface PbxLine {
	id: string;
	number: string;
	workplace: string;
	userId?: string;
	chainId?: string;
}

export interface PbxCall {
	chainId: string;
	commutationId: string;
	/** The line the command came from. */
	aLineId: string;
	/** The internal line called, when the number is internal. */
	bLineId?: string;
	/** The external number, for city calls. */
	remote: string;
	direction: 'pbx' | 'city';
	sequence: 'direct' | 'back';
	/** `ringing`: waiting for an answer (an auto-dial session); `connected`: talking. */
	phase: 'ringing' | 'connected';
	ringingLineId?: string;
	createdAt: string;
	answeredAt?: string;
	held: boolean;
	lastFlash?: string;
	/** The vendor examples served for the demo call. */
	fixture?: { chain: object; abonentForA: object };
}

export class PbxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export const USER_STATE_NAMES: Record<number, string> = {
	0: 'usDisconnected',
	1: 'usReady',
	2: 'usLunch',
	3: 'usNotAtPlace',
	5: 'usFullbusy',
	6: 'usReserved',
	7: 'usNoPhone',
};

/** Users, their lines and the calls between them, changed as Oktell would change them. */
export class Pbx {
	users = new Map<string, PbxUser>();
	lines = new Map<string, PbxLine>();
	calls = new Map<string, PbxCall>();
	numbers = new Map<string, string[]>();

	constructor(
		private readonly demoUsers: DemoUser[],
		private readonly demoNumbers: Record<string, string[]>,
		private readonly now: () => Date,
	) {
		this.reset();
	}

	reset(): void {
		this.users.clear();
		this.lines.clear();
		this.calls.clear();
		this.numbers = new Map(Object.entries(this.demoNumbers));
		for (const demo of this.demoUsers) {
			this.users.set(demo.id, {
				id: demo.id,
				login: demo.login,
				name: demo.name,
				state: demo.state,
				callCenter: demo.callCenter,
				manual: false,
				redirect: false,
				lunch: false,
				lineId: demo.lineId,
			});
			this.lines.set(demo.lineId, {
				id: demo.lineId,
				number: demo.lineNumber,
				workplace: demo.workplace,
				userId: demo.id,
			});
		}
		this.addDemoCall();
	}

	private addDemoCall(): void {
		const a = this.lines.get('e76c86ea-a28a-4519-b4ff-8879a92c62b7');
		const b = this.lines.get('070aafb0-f47c-4df5-a01f-7bb08ceee269');
		if (!a || !b) return;
		const call: PbxCall = {
			chainId: CHAIN_EXAMPLE.chainid,
			commutationId: '8fc371f2-ae36-4744-ae7f-bee8c79385a8',
			aLineId: a.id,
			bLineId: b.id,
			remote: b.number,
			direction: 'pbx',
			sequence: 'direct',
			phase: 'connected',
			createdAt: CHAIN_EXAMPLE.createtime,
			answeredAt: '2011-07-27 14:41:31',
			held: false,
			fixture: { chain: CHAIN_EXAMPLE, abonentForA: ABONENT_EXAMPLE },
		};
		this.calls.set(call.chainId, call);
		a.chainId = call.chainId;
		b.chainId = call.chainId;
	}

	findUser(value: string): PbxUser | undefined {
		const wanted = value.trim().toLowerCase();
		for (const user of this.users.values()) {
			if ([user.id, user.login.toLowerCase(), user.name.toLowerCase()].includes(wanted))
				return user;
		}
		return undefined;
	}

	/** The line a call command acts for: exactly one of line, user or wp. */
	resolveActor(query: URLSearchParams): PbxLine {
		const given = (['line', 'user', 'wp'] as const).filter((key) => (query.get(key) ?? '') !== '');
		if (given.length !== 1) {
			throw new PbxError(400, 'Specify exactly one of the parameters line, user, wp');
		}
		const key = given[0];
		const value = (query.get(key) as string).trim().toLowerCase();
		let line: PbxLine | undefined;
		if (key === 'user') {
			const user = this.findUser(value);
			line = user ? this.lines.get(user.lineId) : undefined;
		} else {
			line = [...this.lines.values()].find((candidate) =>
				key === 'line'
					? candidate.id === value || candidate.number === value
					: candidate.workplace.toLowerCase() === value,
			);
		}
		if (!line) throw new PbxError(404, `Internal line not found for ${key}=${query.get(key)}`);
		return line;
	}

	lineByNumber(number: string): PbxLine | undefined {
		return [...this.lines.values()].find((line) => line.number === number);
	}

	callOf(line: PbxLine): PbxCall | undefined {
		return line.chainId === undefined ? undefined : this.calls.get(line.chainId);
	}

	startCall(line: PbxLine, number: string, direction: string, sequence: string): PbxCall {
		if (this.callOf(line)) throw new PbxError(409, `Line ${line.number} is busy`);
		const target = this.lineByNumber(number);
		const resolved =
			direction === 'pbx' || direction === 'city' ? direction : target ? 'pbx' : 'city';
		if (resolved === 'pbx' && !target)
			throw new PbxError(404, `Internal number ${number} not found`);
		if (resolved === 'pbx' && target && this.callOf(target)) {
			throw new PbxError(409, `Number ${number} is busy`);
		}
		const back = sequence === 'back';
		const call: PbxCall = {
			chainId: randomUUID(),
			commutationId: randomUUID(),
			aLineId: line.id,
			bLineId: resolved === 'pbx' ? target?.id : undefined,
			remote: number,
			direction: resolved,
			sequence: back ? 'back' : 'direct',
			phase: 'ringing',
			ringingLineId: back ? line.id : resolved === 'pbx' ? target?.id : undefined,
			createdAt: stamp(this.now()),
			held: false,
		};
		this.calls.set(call.chainId, call);
		line.chainId = call.chainId;
		if (call.bLineId) (this.lines.get(call.bLineId) as PbxLine).chainId = call.chainId;
		return call;
	}

	answer(line: PbxLine): PbxCall {
		const call = this.callOf(line);
		if (!call || call.phase !== 'ringing' || call.ringingLineId !== line.id) {
			throw new PbxError(409, `No incoming call on line ${line.number}`);
		}
		this.connect(call);
		return call;
	}

	/** The called party answered (an external number, or a control call). */
	connect(call: PbxCall): void {
		call.phase = 'connected';
		call.ringingLineId = undefined;
		call.answeredAt = stamp(this.now());
		for (const line of this.linesOf(call)) {
			const user = line.userId ? this.users.get(line.userId) : undefined;
			if (user) user.state = 5;
		}
	}

	decline(line: PbxLine): void {
		const call = this.callOf(line);
		if (!call || call.phase !== 'ringing' || call.ringingLineId !== line.id) {
			throw new PbxError(409, `No incoming call on line ${line.number}`);
		}
		this.end(call);
	}

	hangUp(line: PbxLine): void {
		const call = this.callOf(line);
		if (!call) throw new PbxError(409, `No active call on line ${line.number}`);
		this.end(call);
	}

	/** Ends the line's auto-dial session; nothing to stop is not an error. */
	stopAutoCall(line: PbxLine): void {
		const call = this.callOf(line);
		if (call && call.phase === 'ringing' && call.aLineId === line.id) this.end(call);
	}

	flash(line: PbxLine, mode: string | null): void {
		const call = this.callOf(line);
		if (!call || call.phase !== 'connected') {
			throw new PbxError(409, `No connected call on line ${line.number}`);
		}
		if (mode !== null && !['abort', 'switch', 'next'].includes(mode)) {
			throw new PbxError(400, `Unknown flash mode ${mode}`);
		}
		call.lastFlash = mode ?? 'default';
		call.held = mode === 'abort' || mode === 'next' ? false : !call.held;
	}

	/** Flash-transfer: the other party is put through to the number and this line is freed. */
	switchCall(line: PbxLine, number: string, direction: string, sequence: string): PbxCall {
		const call = this.callOf(line);
		if (!call) return this.startCall(line, number, direction, sequence);
		const other = this.linesOf(call).find((candidate) => candidate.id !== line.id);
		this.end(call);
		if (!other) return call;
		const transferred = this.startCall(other, number, direction, 'direct');
		return transferred;
	}

	private linesOf(call: PbxCall): PbxLine[] {
		return [call.aLineId, call.bLineId]
			.filter((id): id is string => id !== undefined)
			.map((id) => this.lines.get(id) as PbxLine);
	}

	private end(call: PbxCall): void {
		for (const line of this.linesOf(call)) {
			line.chainId = undefined;
			const user = line.userId ? this.users.get(line.userId) : undefined;
			if (user && user.state === 5) user.state = user.lunch ? 2 : 1;
		}
		this.calls.delete(call.chainId);
	}

	lineState(line: PbxLine): { id: number; name: string } {
		const call = this.callOf(line);
		if (!call) return { id: 1, name: 'lsHookUp' };
		if (call.phase === 'connected') return { id: 32, name: 'lsCommutated' };
		return { id: 4, name: call.ringingLineId === line.id ? 'lsRinging' : 'lsDialing' };
	}
}

/** Oktell's local time format. */
export function stamp(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
