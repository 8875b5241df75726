import type { SimulatorServer } from '../../framework';
import { fileResponse } from '../files';
import { PbxError, USER_STATE_NAMES } from '../pbx';
import { applyUserState } from '../user-states';
import type { Guard, OktellWorld } from '../world';
import { escapeXml, mapperXml, textResponse, withDeclaration, xmlResponse } from '../xml-reply';

export function userRoutes(server: SimulatorServer, world: OktellWorld, guard: Guard): void {
	const { pbx, files } = world;
	server
		.route(
			'GET',
			'/tst_getuserstate',
			guard((request) => {
				const user = pbx.findUser(request.query.get('iduser') ?? '');
				if (!user) throw new PbxError(404, 'User not found');
				return xmlResponse(
					mapperXml(
						'userstate',
						'user',
						[
							{ key: 'id', value: user.id },
							{ key: 'state', value: String(user.state), name: USER_STATE_NAMES[user.state] },
						],
						user.id,
					),
					world.encoding(),
				);
			}),
		)
		.route(
			'GET',
			'/wp_setuserstate',
			guard((request) => {
				// One of line, user or wp, as for every wp_ command; a line or workplace names the
				// user working on that line.
				const byUser =
					request.query.has('user') && !request.query.has('line') && !request.query.has('wp');
				const actorLine = byUser ? undefined : pbx.resolveActor(request.query);
				const user = actorLine
					? actorLine.userId && pbx.users.get(actorLine.userId)
					: pbx.findUser(request.query.get('user') ?? '');
				if (!user) throw new PbxError(404, 'User not found');
				const line = pbx.lines.get(user.lineId);
				applyUserState(user, request.query, line ? pbx.callOf(line) !== undefined : false);
				return { status: 200 };
			}),
		)
		.route(
			'GET',
			'/tst_getintnumberreadyusers',
			guard((request) => {
				const number = request.query.get('number') ?? '';
				const logins = pbx.numbers.get(number);
				if (!logins) throw new PbxError(404, `Number ${number} not found`);
				const users = logins
					.map((login) => pbx.findUser(login))
					.filter((user) => user !== undefined);
				const ready = users.filter((user) => user.state === 1);
				const busy = users.filter((user) => user.state === 5).length;
				const elements = ready.map(
					(user) => `  <element name="${escapeXml(pbx.lines.get(user.lineId)?.number ?? '')}"/>`,
				);
				const xml = [
					`<group name="${escapeXml(number)}" ready="${ready.length}" busy="${busy}">`,
					...elements,
					'</group>',
				];
				return xmlResponse(withDeclaration(xml.join('\r\n')), world.encoding());
			}),
		)
		.route(
			'GET',
			'/getavatar',
			guard((request) => {
				const path = request.query.get('path') ?? '';
				const byPath = path === '' ? undefined : files.find(path);
				const userId = (request.query.get('userid') ?? '').toLowerCase();
				const file = byPath ?? files.byId(files.avatars, userId);
				if (!file) return textResponse('404 Not Found', 404);
				return fileResponse(file, request.query.get('attachment'));
			}, true),
		);
}
