/** Environment variables through which e2e/run.ts tells the test files what it started. */
export const E2E_ENV = {
	n8nUrl: 'E2E_N8N_URL',
	dataDir: 'E2E_N8N_DATA_DIR',
	logFile: 'E2E_N8N_LOG_FILE',
	artifactsDir: 'E2E_ARTIFACTS_DIR',
	sandboxPrefix: 'E2E_SANDBOX_',
} as const;

export function e2eSetting(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the e2e tests with npm run test:e2e`);
	return value;
}

export function sandboxUrl(id: string): string {
	return e2eSetting(`${E2E_ENV.sandboxPrefix}${id}`);
}
