import type { SimulatorServer } from '../../framework';
import { DEMO_LICENSE, DEMO_VERSION } from '../demo-data';
import type { Guard, OktellWorld } from '../world';
import { mapperXml, textResponse, withDeclaration, xmlResponse } from '../xml-reply';

export function serverRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	server
		.route(
			'GET',
			'/getversion',
			guard(() =>
				xmlResponse(
					mapperXml('version', 'version', [
						{ key: 'text', cdata: DEMO_VERSION.text },
						{ key: 'environment', cdata: DEMO_VERSION.environment },
						{ key: 'build', cdata: DEMO_VERSION.build },
						{ key: 'date', value: DEMO_VERSION.date },
						{ key: 'halbuild', cdata: DEMO_VERSION.halbuild },
						{ key: 'haldate', value: DEMO_VERSION.haldate },
					]),
					world.encoding(),
				),
			),
		)
		.route(
			'GET',
			'/getlicensefulltext',
			guard(() => textResponse(DEMO_LICENSE.text)),
		)
		.route(
			'GET',
			'/getlicensefullxml',
			guard(() => xmlResponse(withDeclaration(DEMO_LICENSE.xml), world.encoding())),
		)
		.route(
			'GET',
			'/getlicenseinfo',
			guard((request) => {
				const detail = request.query.get('detail') ?? '';
				if (detail === 'regserial' || detail === 'confirmdate' || detail === 'updatelimitdate') {
					return textResponse(DEMO_LICENSE[detail]);
				}
				return textResponse(`Unknown detail: ${detail}`, 400);
			}),
		);
}
