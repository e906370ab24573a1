const base = require('./jest.config.js');

/** @type {import('jest').Config} End-to-end tests: a real n8n with this package, against the sandbox. */
module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	globalSetup: '<rootDir>/test/e2e/startN8n.js',
	globalTeardown: '<rootDir>/test/e2e/stopN8n.js',
	setupFiles: [],
	maxWorkers: 1,
	testTimeout: 120_000,
};
