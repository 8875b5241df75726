import { SimulatorServer } from '../framework';
import { DEMO_NUMBERS, DEMO_USERS, OKTELL_DEMO_CREDENTIALS } from './demo-data';
import { FileStore } from './files';
import { Pbx } from './pbx';
import { QueueBoard } from './queues';
import { callRoutes } from './routes/calls';
import { mountOktellControl } from './routes/control';
import { fileRoutes } from './routes/files';
import { queueRoutes } from './routes/queues';
import { scriptRoutes } from './routes/scripts';
import { serverRoutes } from './routes/server';
import { userRoutes } from './routes/users';
import { DEMO_SCRIPTS, ScriptRegistry } from './scripts';
import type { OktellWorld, PluginMethod } from './world';
import { createGuard } from './world';
import type { XmlEncoding } from './xml-reply';

export interface OktellSimulatorOptions {
	/** Web-API accounts, login → password. */
	accounts?: Record<string, string>;
	encoding?: XmlEncoding;
}

const DEMO_PLUGINS: Array<[string, PluginMethod]> = [
	[
		'crm/lookup',
		(input) => ({ found: true, customer: { phone: input.phone ?? null, name: 'ООО "Ромашка"' } }),
	],
	['crm/echo', (input) => input],
];

/** A small stateful Oktell server: users, lines and calls, queues, scripts, files. */
export class OktellSimulator extends SimulatorServer {
	readonly world: OktellWorld;
	xmlEncoding: XmlEncoding;
	clockOffsetMs = 0;

	constructor(private readonly options: OktellSimulatorOptions = {}) {
		super({ name: 'Oktell' });
		this.xmlEncoding = options.encoding ?? 'utf-16le';
		const now = () => Date.now() + this.clockOffsetMs;
		this.world = {
			pbx: new Pbx(DEMO_USERS, DEMO_NUMBERS, () => new Date(now())),
			queues: new QueueBoard(now),
			scripts: new ScriptRegistry(DEMO_SCRIPTS),
			files: new FileStore(),
			plugins: new Map(DEMO_PLUGINS),
			encoding: () => this.xmlEncoding,
		};
		const accounts = new Map(
			Object.entries(
				options.accounts ?? { [OKTELL_DEMO_CREDENTIALS.login]: OKTELL_DEMO_CREDENTIALS.password },
			),
		);
		const guard = createGuard(accounts);
		for (const routes of [
			serverRoutes,
			userRoutes,
			callRoutes,
			scriptRoutes,
			fileRoutes,
			queueRoutes,
		]) {
			routes(this, this.world, guard);
		}
		mountOktellControl(this);
	}

	advanceClock(seconds: number): void {
		this.clockOffsetMs += seconds * 1000;
	}

	state() {
		const { pbx, queues } = this.world;
		return {
			encoding: this.xmlEncoding,
			users: [...pbx.users.values()],
			lines: [...pbx.lines.values()].map((line) => ({ ...line, state: pbx.lineState(line).name })),
			calls: [...pbx.calls.values()].map((call) => ({
				...call,
				fixture: call.fixture !== undefined,
			})),
			queues: queues.snapshot(),
			files: [...this.world.files.files.values()].map((file) => ({
				path: file.path,
				size: file.bytes.length,
			})),
		};
	}

	protected override resetState(): void {
		this.xmlEncoding = this.options.encoding ?? 'utf-16le';
		this.clockOffsetMs = 0;
		this.world.pbx.reset();
		this.world.queues.reset();
		this.world.scripts.reset();
		this.world.files.reset();
	}
}

export function createOktellSimulator(options?: OktellSimulatorOptions): OktellSimulator {
	return new OktellSimulator(options);
}
