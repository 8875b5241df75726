import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { authModeOf } from '../../transport/portal';

/** Bitrix24 answers WRONG_AUTH_TYPE to webhooks here; say what to do before sending anything. */
export function requireOAuth2(context: IExecuteFunctions, method: string): void {
	if (authModeOf(context) === 'oAuth2') return;
	throw inputError(
		context.getNode(),
		`Realtime operations need a Bitrix24 OAuth2 app; a webhook cannot call ${method}`,
		"Bitrix24 serves Push & Pull channels only to apps. Set Authentication to OAuth2 and connect your app's Bitrix24 OAuth2 API credential.",
	);
}
