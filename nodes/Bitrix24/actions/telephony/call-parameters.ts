import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { authModeOf } from '../../transport/portal';

export const callIdProperty: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'externalCall.716f1cb73def9700a23842adf9c4c568.1773130779',
	description: 'The call as Register Call gave it',
};

export const phoneNumberProperty: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+7 999 123-45-67',
	description: "The client's number",
};

/** Bitrix24 keeps call registration to apps; say so before anything is sent. */
export function requireApp(context: IExecuteFunctions): void {
	if (authModeOf(context) === 'oAuth2') return;
	throw inputError(
		context.getNode(),
		'Registering and finishing calls needs a Bitrix24 OAuth2 app; an incoming webhook cannot do it',
		"Bitrix24 logs external calls only for apps. Set Authentication to OAuth2 and connect your app's Bitrix24 OAuth2 API credential (the app needs the telephony scope).",
	);
}
