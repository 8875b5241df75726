import type { SimulatorServer } from './framework';
import { simulators, type SandboxEntry } from './simulators';

export interface RunningSimulator {
	entry: SandboxEntry;
	simulator: SimulatorServer;
	url: string;
}

export interface RunningSandbox {
	running: RunningSimulator[];
	/** The base URL of a simulator by its id (ATI, ERA, BITRIX24, ONEC, OKTELL). */
	urlOf(id: string): string;
	stop(): Promise<void>;
}

export function portOf(entry: SandboxEntry): number {
	const override = process.env[`SANDBOX_${entry.id}_PORT`];
	return override ? Number(override) : entry.port;
}

/** Starts every registered simulator on its port; stops the ones started if one cannot. */
export async function startSandbox(
	host = process.env.SANDBOX_HOST ?? '127.0.0.1',
): Promise<RunningSandbox> {
	const running: RunningSimulator[] = [];
	const stop = async () => {
		await Promise.all(running.map(({ simulator }) => simulator.stop()));
	};
	try {
		for (const entry of simulators) {
			const simulator = entry.create();
			const url = await simulator.start(portOf(entry), host);
			running.push({ entry, simulator, url });
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		running,
		urlOf(id) {
			const found = running.find(({ entry }) => entry.id === id);
			if (!found) throw new Error(`No simulator with id ${id} is running`);
			return found.url;
		},
		stop,
	};
}
