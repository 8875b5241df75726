import type { SimRequest, SimResponse, SimulatorServer } from '../../framework';
import type { StoredFile } from '../files';
import { AREAS, FileStore, fileName, fileResponse, WORK_DIR } from '../files';
import { fileNameIn, parseMultipart, partProblem, type UploadedPart } from '../multipart';
import { runScript } from '../scripts';
import type { Guard, OktellWorld } from '../world';
import { escapeXml, textResponse, withDeclaration, xmlResponse } from '../xml-reply';
import { plainReply, scriptXml } from './scripts';

const notFound = () => textResponse('404 Not Found', 404);

export function fileRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	const { files } = world;
	const serve = (file: StoredFile | undefined, request: SimRequest) =>
		file ? fileResponse(file, request.query.get('attachment')) : notFound();

	for (const [kind, map] of [
		['rec', files.records],
		['fax', files.faxes],
		['vm', files.voicemail],
	] as const) {
		server.route(
			'GET',
			`/download/${kind}/:id`,
			guard((request, params) => serve(files.byId(map, params.id), request)),
		);
	}
	server
		.route(
			'GET',
			'/download/files',
			guard((request) => {
				const file = files.find(request.query.get('path') ?? '');
				if (file && !FileStore.inOpenZone(file)) return textResponse('403 Forbidden', 403);
				return serve(file, request);
			}),
		)
		.route(
			'GET',
			'/download/byscript',
			guard(async (request) => {
				const run = await runScript(world.scripts, request.query);
				return serve(run.returnValue ? files.find(run.returnValue) : undefined, request);
			}),
		)
		.route(
			'GET',
			'/getsharedfile',
			guard((request) => {
				const file = files.find(request.query.get('path') ?? '', [
					AREAS.storageshared,
					AREAS.temp,
					AREAS.storage,
					WORK_DIR,
				]);
				return serve(file && FileStore.isShared(file) ? file : undefined, request);
			}, true),
		)
		.route(
			'GET',
			'/downloadrecordbylink',
			guard((request) => {
				const id = files.recordLinks.get(request.query.get('recordlink') ?? '');
				return serve(id === undefined ? undefined : files.byId(files.records, id), request);
			}),
		)
		.route(
			'POST',
			'/upload',
			guard(async (request) => await upload(world, request)),
		);
}

async function upload(world: OktellWorld, request: SimRequest): Promise<SimResponse> {
	const contentType = request.headers['content-type'] ?? '';
	let parts: UploadedPart[];
	if (/^multipart\/form-data/i.test(contentType)) {
		try {
			parts = parseMultipart(request.body, contentType);
		} catch (error) {
			return textResponse((error as Error).message, 400);
		}
	} else if (/^application\/octet-stream/i.test(contentType)) {
		const headers = {
			'content-disposition': request.headers['content-disposition'] ?? '',
			'content-transfer-encoding': request.headers['content-transfer-encoding'] ?? '',
		};
		parts = [
			{ fileName: fileNameIn(headers['content-disposition']), bytes: request.body, headers },
		];
	} else {
		return textResponse(
			'Content-Type must be multipart/form-data or application/octet-stream',
			400,
		);
	}
	const problem = parts.map((part) => partProblem(part.headers)).find(Boolean);
	if (problem) return textResponse(problem, 400);
	const mode = request.query.get('storagemode') ?? 'temp';
	const area = mode === 'storage' || mode === 'storageshared' ? AREAS[mode] : AREAS.temp;
	if (!['temp', 'storage', 'storageshared', 'script', 'scriptplain'].includes(mode)) {
		return textResponse(`Unknown storagemode ${mode}`, 400);
	}
	const subfolder = (request.query.get('subfolder') ?? '')
		.replace(/\//g, '\\')
		.replace(/^\\+|\\+$/g, '');
	const absolute = request.query.get('pathmode') === 'absolute';
	const saved = parts.map((part, index) => {
		const name = part.fileName || `file${index + 1}`;
		if (/[\\/]|\.\./.test(name)) return { name, saved: false };
		const path = [area, subfolder, name].filter((piece) => piece !== '').join('\\');
		world.files.put(path, Buffer.from(part.bytes));
		return {
			name,
			saved: true,
			size: part.bytes.length,
			path: absolute ? path : path.slice(WORK_DIR.length + 1),
		};
	});
	const xml = [
		`<uploadfilesresult count="${saved.length}">`,
		...saved.map((file) =>
			file.saved
				? `  <file name="${escapeXml(file.name)}" saved="1" size="${file.size}" path="${escapeXml(file.path ?? '')}"/>`
				: `  <file name="${escapeXml(fileName(file.name))}" saved="0"/>`,
		),
		'</uploadfilesresult>',
	].join('\r\n');
	if (mode === 'script' || mode === 'scriptplain') {
		const run = await runScript(world.scripts, request.query, xml);
		return mode === 'script' ? scriptXml(run, world.encoding()) : plainReply(world, run);
	}
	return xmlResponse(withDeclaration(xml), world.encoding());
}
