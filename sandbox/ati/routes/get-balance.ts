import type { RouteHandler } from '../../framework';
import { ATI_DEMO_BALANCE } from '../demo-data';

/** GET /v1.0/balance: the cheap call clients use to test a token. */
export function getBalance(): RouteHandler {
	return () => ({ status: 200, body: ATI_DEMO_BALANCE });
}
