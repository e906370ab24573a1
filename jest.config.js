/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
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
