import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT } from './layout';
import type { N8nInstance } from './n8n-instance';
import { importedCredentials } from './sandbox-credentials';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => join(EXAMPLES_DIR, name));
}

/** Imports the sandbox credentials and every example workflow (both keep their fixed ids). */
export function importSandboxContent(instance: N8nInstance): void {
	const scratch = mkdtempSync(join(tmpdir(), 'n8n-import-'));
	try {
		const credentialsFile = join(scratch, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(importedCredentials()));
		instance.cliOrThrow(['import:credentials', `--input=${credentialsFile}`]);
		instance.cliOrThrow(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
