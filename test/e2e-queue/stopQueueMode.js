// Jest globalTeardown of the queue-mode end-to-end tests: every n8n process, Redis, Postgres and
// the sandbox stop; the stack's folders go. QUEUE_E2E_KEEP=1 keeps the folders (logs, database).
const { stopQueueMode } = require('../../scripts/queueMode');

module.exports = async () => {
	const running = globalThis.__QUEUE_E2E__;
	if (!running) return;
	await stopQueueMode(running.stack);
	await running.sandbox.stop();
	if (process.env.QUEUE_E2E_KEEP !== '1') running.forget();
};
