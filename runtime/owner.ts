import { createRequire } from 'node:module';
import { join } from 'node:path';

import { N8N_DIR } from './layout';

/** The sandbox n8n's owner login, printed by `npm start` and documented in the README. */
export const OWNER_EMAIL = 'owner@example.com';
export const OWNER_PASSWORD = ['Sandbox', 'Owner', '1'].join('-');

/** n8n takes the owner's password as a bcrypt hash; its own bcryptjs makes it. */
export function ownerEnv(): NodeJS.ProcessEnv {
	const requireFromN8n = createRequire(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(value: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER_EMAIL,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER_PASSWORD, 10),
	};
}
