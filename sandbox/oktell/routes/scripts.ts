import type { SimResponse, SimulatorServer } from '../../framework';
import { fileResponse } from '../files';
import { PbxError } from '../pbx';
import type { ScriptRun } from '../scripts';
import { runScript } from '../scripts';
import type { Guard, OktellWorld } from '../world';
import type { MapperProperty, XmlEncoding } from '../xml-reply';
import { mapperXml, textResponse, xmlResponse } from '../xml-reply';

/** execsvcscript's XML; the return value as property_simple `name=`, or as CDATA. */
export function scriptXml(run: ScriptRun, encoding: XmlEncoding): SimResponse {
	const properties: MapperProperty[] = [
		{ key: 'started', value: run.started ? '1' : '0', name: run.started ? 'success' : 'fail' },
		{
			key: 'startresult',
			value: run.started ? '0' : '1',
			name: run.started ? 'success' : 'notfound',
		},
	];
	if (run.returnValue !== undefined) {
		properties.push(
			run.script?.style === 'cdata'
				? { key: 'returnvalue', cdata: run.returnValue }
				: { key: 'returnvalue', name: run.returnValue },
		);
	}
	return xmlResponse(mapperXml('result', 'execsvcscript', properties), encoding);
}

/** execsvcscriptplain: the return value as it is, with the script's status and headers. */
export function plainReply(world: OktellWorld, run: ScriptRun): SimResponse {
	if (!run.started) return textResponse('Script not found', 404);
	if (run.returnValue === undefined) return { status: 200 };
	if (run.script?.plainStatus === 'file') {
		const file = world.files.find(run.returnValue, ['C:\\Oktell\\Records', 'C:\\Oktell']);
		if (!file) return textResponse('404 Not Found', 404);
		return fileResponse(file, '1');
	}
	return {
		status: run.script?.plainStatus ?? 200,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...run.script?.plainHeaders },
		body: run.returnValue,
	};
}

export function scriptRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	server
		.route(
			'GET',
			'/execsvcscript',
			guard(async (request) =>
				scriptXml(await runScript(world.scripts, request.query), world.encoding()),
			),
		)
		.route(
			'GET',
			'/execsvcscriptplain',
			guard(async (request) => plainReply(world, await runScript(world.scripts, request.query))),
		)
		.route(
			'GET',
			'/execpluginmethod',
			guard((request) => {
				const key = `${request.query.get('idmodule')}/${request.query.get('idform')}`;
				const method = world.plugins.get(key);
				if (!method) throw new PbxError(404, `Plugin method ${key} not found`);
				const b64 = request.query.get('inputparamsb64');
				const text =
					b64 !== null
						? Buffer.from(b64, 'base64').toString('utf8')
						: (request.query.get('inputparams') ?? '{}');
				let input: Record<string, unknown>;
				try {
					input = JSON.parse(text) as Record<string, unknown>;
				} catch {
					throw new PbxError(400, 'inputparams is not valid JSON');
				}
				return {
					status: 200,
					body: JSON.stringify(method(input)),
					headers: { 'content-type': 'text/plain; charset=utf-8' },
				};
			}),
		);
}
