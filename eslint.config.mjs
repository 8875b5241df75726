import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		files: ['package.json'],
		rules: {
			// fast-xml-parser is a deliberate runtime dependency: this pack is a regular, not a verified, community package.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// Tests, simulators and scripts are not part of the published package.
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*'],
		rules: {
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
	{
		files: ['sandbox/start.ts', 'scripts/**/*'],
		rules: { 'no-console': 'off' },
	},
];
