import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	// Installed runtimes, n8n user data and test artifacts (all git-ignored).
	{ ignores: ['.runtime/**', '.n8n-data/**', 'artifacts/**'] },
	{
		files: ['package.json'],
		rules: {
			// rate-limiter-flexible and ioredis are deliberate runtime dependencies: this pack is a regular, not a verified, community package.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// Tests, simulators and scripts are not part of the published package.
		files: [
			'test/**/*.ts',
			'sandbox/**/*.ts',
			'scripts/**/*',
			'runtime/**/*.ts',
			'e2e/**/*.ts',
			'queue/**/*.ts',
		],
		rules: {
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	{
		files: ['sandbox/start.ts', 'scripts/**/*', 'runtime/**/*.ts', 'e2e/**/*.ts', 'queue/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
	{
		// The developer tooling that installs and runs a real n8n: never part of the package.
		files: ['runtime/**/*.ts', 'e2e/**/*.ts', 'queue/**/*.ts'],
		rules: { '@n8n/community-nodes/no-dangerous-functions': 'off' },
	},
];
