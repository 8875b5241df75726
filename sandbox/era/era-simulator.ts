import { SimulatorServer } from '../framework';
import { BanGuard } from './ban-guard';
import {
	ERA_BAN_FAILURES,
	ERA_BAN_WINDOW_MS,
	ERA_DEMO_CREDENTIALS,
	ERA_DEMO_POINTS,
	ERA_DEMO_USERS,
	type EraUser,
} from './demo-data';
import { createEraGuard } from './era-guard';
import { PointStore, type Point } from './point-store';
import { expireSessions, liftBans, listAllPoints, seed, seedPoints } from './routes/control';
import {
	checkToken,
	createPoint,
	deletePoint,
	getPoint,
	listPoints,
	lookupPoint,
	updatePoint,
} from './routes/integration-points';
import { currentSession, endSession, login } from './routes/sessions';
import { SessionStore } from './session-store';

export interface EraSimulatorOptions {
	users?: EraUser[];
	/** Initial integration points by domain; reset() restores them. */
	points?: Record<string, Point[]>;
	/** How long a session lives after its last use; unknown for the real server. */
	sessionTtlMs?: number;
	banFailures?: number;
	banWindowMs?: number;
}

const POINTS = '/rest/v1/service/integration_points';

export class EraSimulator extends SimulatorServer {
	readonly sessions: SessionStore;
	readonly bans: BanGuard;
	readonly points: PointStore;

	constructor(options: EraSimulatorOptions = {}) {
		super({ name: 'ERA' });
		const users = options.users ?? ERA_DEMO_USERS;
		this.sessions = new SessionStore(options.sessionTtlMs ?? 30 * 60_000);
		this.bans = new BanGuard(
			options.banFailures ?? ERA_BAN_FAILURES,
			options.banWindowMs ?? ERA_BAN_WINDOW_MS,
		);
		this.points = new PointStore(
			options.points ?? { [ERA_DEMO_CREDENTIALS.domain]: ERA_DEMO_POINTS as Point[] },
		);
		const guard = createEraGuard(this.bans, this.sessions);

		this.route('POST', '/rest/v1/iam/sessions', login(users, this.sessions, this.bans))
			.route('GET', '/rest/v1/iam/sessions/current', guard(currentSession))
			.route('PATCH', '/rest/v1/iam/sessions/current', guard(currentSession))
			.route('DELETE', '/rest/v1/iam/sessions/current', guard(endSession(this.sessions)))
			.route('GET', POINTS, guard(listPoints(this.points)))
			.route('POST', POINTS, guard(createPoint(this.points)))
			.route('LOOKUP', POINTS, guard(lookupPoint(this.points)))
			.route('GET', `${POINTS}/:id`, guard(getPoint(this.points)))
			.route('PATCH', `${POINTS}/:id`, guard(updatePoint(this.points)))
			.route('DELETE', `${POINTS}/:id`, guard(deletePoint(this.points)))
			.route('GET', '/rest/v1/service/integration_tokens/:token', guard(checkToken(this.points)))
			.controlRoute('POST', '/era/sessions/expire', expireSessions(this.sessions))
			.controlRoute('DELETE', '/era/bans', liftBans(this.bans))
			.controlRoute('GET', '/era/points', listAllPoints(this.points))
			.controlRoute('POST', '/era/points', seedPoints(this.points));
	}

	/** Adds `count` generated points (codes `<prefix>-00001`…) to the demo domain. */
	seedPoints(count: number, prefix = 'seed', domain: string = ERA_DEMO_CREDENTIALS.domain): void {
		seed(this.points, domain, prefix, count);
	}

	protected override resetState(): void {
		this.points.reset();
		this.sessions.expireAll();
		this.bans.reset();
	}
}

export function createEraSimulator(options: EraSimulatorOptions = {}): EraSimulator {
	return new EraSimulator(options);
}
