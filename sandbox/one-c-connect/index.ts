import { ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD, ONE_C_SERVICE_PATH } from './demo-data';

export {
	OneCConnectSimulator,
	createOneCConnectSimulator,
	type OneCConnectSimulatorOptions,
} from './one-c-simulator';
export {
	ONE_C_DEMO_CHAT_ZIP,
	ONE_C_DEMO_LISTS,
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_OBJECTS,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
} from './demo-data';
export { soapFaultBody } from './soap-reply';
export { partnerWsdl } from './wsdl';
export { PARTNER_OPERATIONS } from './operations';

/** The `oneCConnectApi` credential for the sandbox on its default port. */
export const ONE_C_DEMO_CREDENTIALS = {
	region: 'custom',
	customUrl: `http://127.0.0.1:18104${ONE_C_SERVICE_PATH}`,
	login: ONE_C_DEMO_LOGIN,
	password: ONE_C_DEMO_PASSWORD,
};
