import type { Fault } from './faults';
import { jsonError } from './json-error';
import { parseFaults } from './parse-fault';
import type { RouteTable } from './route-table';
import type { LoggedRequest } from './types';

export const CONTROL_PREFIX = '/__control';

export interface ControlTarget {
	readonly name: string;
	readonly requests: readonly LoggedRequest[];
	readonly maxConcurrentRequests: number;
	readonly faults: readonly Fault[];
	clearRequests(): void;
	injectFault(fault: Fault | Fault[]): void;
	clearFaults(): void;
	reset(): void;
}

export function isControlPath(path: string): boolean {
	return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

export function mountControlRoutes(routes: RouteTable, target: ControlTarget): void {
	const at = (path: string) => `${CONTROL_PREFIX}${path}`;

	routes.add('GET', at('/health'), () => ({ status: 200, body: { name: target.name, ok: true } }));

	routes.add('GET', at('/requests'), () => ({ status: 200, body: target.requests }));
	routes.add('GET', at('/requests/concurrency'), () => ({
		status: 200,
		body: { max: target.maxConcurrentRequests },
	}));
	routes.add('DELETE', at('/requests'), () => {
		target.clearRequests();
		return { status: 204 };
	});

	routes.add('GET', at('/faults'), () => ({ status: 200, body: target.faults }));
	routes.add('POST', at('/faults'), (request) => {
		let faults: Fault[];
		try {
			faults = parseFaults(request.json());
		} catch (error) {
			return jsonError(400, 'bad_request', (error as Error).message);
		}
		target.injectFault(faults);
		return { status: 201, body: target.faults };
	});
	routes.add('DELETE', at('/faults'), () => {
		target.clearFaults();
		return { status: 204 };
	});

	routes.add('POST', at('/reset'), () => {
		target.reset();
		return { status: 204 };
	});
}
