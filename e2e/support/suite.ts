import { RUNTIME_DIR } from '../../runtime/layout';
import { N8nInstance } from '../../runtime/n8n-instance';
import { E2E_ENV, e2eSetting } from './e2e-env';
import { N8nClient } from './n8n-client';

/** The n8n that e2e/run.ts started, seen from a test file. */
export function startedN8n(): { client: N8nClient; cli: N8nInstance } {
	const baseUrl = e2eSetting(E2E_ENV.n8nUrl);
	const port = Number(new URL(baseUrl).port);
	const cli = new N8nInstance({ dataDir: e2eSetting(E2E_ENV.dataDir) ?? RUNTIME_DIR, port });
	return { client: new N8nClient(baseUrl), cli };
}
