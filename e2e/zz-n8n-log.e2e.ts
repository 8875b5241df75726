import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { E2E_ENV, e2eSetting } from './support/e2e-env';
import { packWarnings } from './support/log-scan';

test("n8n's log holds no error or warning about the pack", () => {
	const log = readFileSync(e2eSetting(E2E_ENV.logFile), 'utf8');
	const found = packWarnings(log);
	assert.deepEqual(found, [], `n8n logged about the pack:\n${found.join('\n')}`);
});
