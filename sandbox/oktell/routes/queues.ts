import type { SimulatorServer } from '../../framework';
import type { Guard, OktellWorld } from '../world';

export function queueRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	server.route(
		'GET',
		'/gettotalqueueinfo',
		guard(() => ({
			status: 200,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: JSON.stringify(world.queues.snapshot()),
		})),
	);
}
