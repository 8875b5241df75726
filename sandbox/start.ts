import { CONTROL_PREFIX } from './framework';
import { startSandbox } from './run-all';

async function main(): Promise<void> {
	let sandbox;
	try {
		sandbox = await startSandbox();
	} catch (error) {
		console.error(`The sandbox could not start: ${(error as Error).message}`);
		process.exit(1);
	}
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.log(`\n${signal}: stopping the sandbox`);
			void sandbox.stop().then(() => process.exit(0));
		});
	}
	for (const { entry, simulator, url } of sandbox.running) {
		console.log(`${simulator.name.padEnd(10)}${url}  ${entry.credentials}`);
		console.log(`${''.padEnd(10)}control: ${url}${CONTROL_PREFIX}/`);
	}
	console.log('\nSandbox running. Press Ctrl+C to stop.');
}

void main();
