/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	// Each package's tests live in it (packages/*/test/); shared/test/ the shared code's; test/ the harness and the example workflows' test.
	roots: ['<rootDir>/test', '<rootDir>/shared/test', '<rootDir>/packages'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/'],
	testMatch: ['**/*.test.ts'],
	reporters: ['default', '<rootDir>/test/harness/summaryReporter.js'],
	globalSetup: '<rootDir>/test/harness/globalSetup.js',
	globalTeardown: '<rootDir>/test/harness/globalTeardown.js',
	setupFiles: ['<rootDir>/scripts/n8nCore/environment.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	// The harness boots n8n-core once per test file; real HTTP on loopback stays fast.
	testTimeout: 30_000,
};
