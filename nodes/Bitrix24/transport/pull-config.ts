import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from './index';
import { bitrixApiRequest } from './index';

export interface PullConfigRequest {
	cache: boolean;
	reopen: boolean;
	itemIndex?: number;
}

/** pull.application.config.get: the real-time server and this app's channels. */
export async function getPullConfig(
	context: RequestContext,
	target: BitrixTarget,
	request: PullConfigRequest,
): Promise<IDataObject> {
	const reply = await bitrixApiRequest(context, target, {
		method: 'pull.application.config.get',
		params: { CACHE: request.cache ? 'Y' : 'N', REOPEN: request.reopen ? 'Y' : 'N' },
		effect: 'read',
		itemIndex: request.itemIndex,
	});
	const config = reply.result;
	if (!config || typeof config !== 'object' || Array.isArray(config)) {
		throw apiError(context.getNode(), {
			message: 'Bitrix24 sent no Push & Pull configuration',
			description:
				'The portal may not have the Push & Pull module set up with a queue server (SERVER_ERROR); ask its administrator.',
			itemIndex: request.itemIndex,
		});
	}
	return config as IDataObject;
}
