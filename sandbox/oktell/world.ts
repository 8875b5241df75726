import type { RouteHandler, SimResponse } from '../framework';
import type { FileStore } from './files';
import type { Pbx } from './pbx';
import { PbxError } from './pbx';
import type { QueueBoard } from './queues';
import type { ScriptRegistry } from './scripts';
import type { XmlEncoding } from './xml-reply';
import { textResponse } from './xml-reply';

export type PluginMethod = (input: Record<string, unknown>) => unknown;

/** Everything the simulated server knows, shared by its routes. */
export interface OktellWorld {
	pbx: Pbx;
	queues: QueueBoard;
	scripts: ScriptRegistry;
	files: FileStore;
	plugins: Map<string, PluginMethod>;
	encoding(): XmlEncoding;
}

export type Guard = (handler: RouteHandler, open?: boolean) => RouteHandler;

/** Basic auth for Web-API accounts (403 as Oktell answers), and PbxError as a text reply. */
export function createGuard(accounts: ReadonlyMap<string, string>): Guard {
	return (handler, open = false) =>
		async (request, params): Promise<SimResponse> => {
			if (!open && !authorised(accounts, request.headers.authorization)) {
				return textResponse('403 Forbidden', 403);
			}
			try {
				return await handler(request, params);
			} catch (error) {
				if (error instanceof PbxError) return textResponse(error.message, error.status);
				throw error;
			}
		};
}

function authorised(accounts: ReadonlyMap<string, string>, header: string | undefined): boolean {
	const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return false;
	return accounts.get(decoded.slice(0, colon)) === decoded.slice(colon + 1);
}
