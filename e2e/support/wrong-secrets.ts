import { simulators } from '../../sandbox/simulators';
import { sandboxUrl } from './e2e-env';

/** Per credential type, the fields that make the sandbox refuse it. */
export const wrongSecrets: Record<string, Record<string, unknown>> = Object.assign(
	{},
	...simulators.map((entry) => entry.wrongSecrets(() => sandboxUrl(entry.id))),
);

/** What n8n logs when the wrong secrets above are tested: expected, so not a fault of the pack. */
export const expectedLogErrors = [/ERA refused the login: wrong domain, login or password/];
