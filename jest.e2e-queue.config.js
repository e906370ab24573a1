const base = require('./jest.config.js');

/**
 * @type {import('jest').Config} End-to-end tests in n8n's queue mode: Postgres, Redis, an n8n main,
 * a webhook processor and two workers with this package, against the sandbox. The files run in the
 * order of test/e2e-queue/sequencer.js: the one that kills a worker comes last.
 */
module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.e2e.ts'],
	reporters: ['default'],
	globalSetup: '<rootDir>/test/e2e-queue/startQueueMode.js',
	globalTeardown: '<rootDir>/test/e2e-queue/stopQueueMode.js',
	testSequencer: '<rootDir>/test/e2e-queue/sequencer.js',
	setupFiles: [],
	maxWorkers: 1,
	testTimeout: 120_000,
};
