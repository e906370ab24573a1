const { rmSync } = require('node:fs');

module.exports = async () => {
	const running = globalThis.__E2E__;
	if (!running) return;
	running.n8n.stop();
	await running.sandbox.stop();
	await new Promise((resolve) => (running.n8n.child.exitCode === null ? running.n8n.child.once('exit', resolve) : resolve()));
	rmSync(running.userFolder, { recursive: true, force: true });
};
