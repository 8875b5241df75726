import { CONTROL_PREFIX, type SimulatorServer } from './framework';
import { simulators, type SandboxEntry } from './simulators';

const host = process.env.SANDBOX_HOST ?? '127.0.0.1';

function portOf(entry: SandboxEntry): number {
	const override = process.env[`SANDBOX_${entry.id}_PORT`];
	return override ? Number(override) : entry.port;
}

async function main(): Promise<void> {
	const running: SimulatorServer[] = [];
	const stopAll = async () => {
		await Promise.all(running.map((simulator) => simulator.stop()));
	};

	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.log(`\n${signal}: stopping the sandbox`);
			void stopAll().then(() => process.exit(0));
		});
	}

	try {
		for (const entry of simulators) {
			const simulator = entry.create();
			const url = await simulator.start(portOf(entry), host);
			running.push(simulator);
			console.log(`${simulator.name.padEnd(10)}${url}  ${entry.credentials}`);
			console.log(`${''.padEnd(10)}control: ${url}${CONTROL_PREFIX}/`);
		}
	} catch (error) {
		console.error(`The sandbox could not start: ${(error as Error).message}`);
		await stopAll();
		process.exit(1);
	}
	console.log('\nSandbox running. Press Ctrl+C to stop.');
}

void main();
