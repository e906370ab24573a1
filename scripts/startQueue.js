#!/usr/bin/env node
// `npm run start:queue`: what `npm start` gives (the package, the partner sandbox, its credentials,
// the example workflows, a login), with n8n in queue mode: Postgres and Redis of its own, one n8n
// main, one webhook processor and two workers (scripts/queueMode.js). Ctrl-C stops all of it.
const { spawnSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');

const { RUNTIME } = require('./n8nRuntime');
const { examplesNotYetImported } = require('./playground');
const { QUEUE_RUNTIME, describeStack, sandboxCredentials, startQueueMode, stopQueueMode } = require('./queueMode');

const ROOT = join(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
/** The sandbox credentials and the examples' price list name this port; SANDBOX_PORT moves it when taken. */
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5680);
const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Pa55word' };
/** Trigger workflows that should receive callbacks as soon as n8n runs. */
const ACTIVE_WORKFLOWS = ['tpBolttechCatalogCallbacks', 'tpMasStackCallbacks'];

function step(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
	// Builds each package from clean and packs it into release/, where installPackage takes it from.
	step('npm', ['run', 'pack', '--silent']);
	step('npx', ['tsc', '-p', 'tsconfig.runtime.json']);

	const { SandboxServer } = require(join(ROOT, '.build', 'sandbox', 'sandboxServer'));
	const { SANDBOX_PARTNERS, SANDBOX_TOKENS } = require(join(ROOT, '.build', 'sandbox', 'partners'));
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 1_000, join(ROOT, 'sandbox', 'files')).start(SANDBOX_PORT);

	// Kept between runs, like npm start's user folder: the database holds the workflows and executions.
	const stack = describeStack({
		folder: join(QUEUE_RUNTIME, 'playground'),
		userFolder: join(RUNTIME, 'queue-user'),
		basePort: N8N_PORT,
		postgresPort: 5479,
		redisPort: 6479,
		// The examples' callback URLs name the main port, as under npm start.
		mainServesWebhooks: true,
	});
	mkdirSync(stack.userFolder, { recursive: true });
	const credentials = sandboxCredentials(sandbox.url, SANDBOX_TOKENS);
	const examples = examplesNotYetImported(stack.userFolder, { sandboxUrl: sandbox.url, n8nUrl: `http://localhost:${N8N_PORT}`, credentials });
	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('stopping n8n (main, webhook processor, workers), Redis and Postgres\n');
		await stopQueueMode(stack);
		await sandbox.stop();
		process.exit(code);
	};
	process.once('SIGINT', () => shutdown(0));
	process.once('SIGTERM', () => shutdown(0));

	try {
		await startQueueMode(stack, {
			credentials,
			workflowFolders: examples.ids.length ? [examples.folder] : [],
			activate: ACTIVE_WORKFLOWS.filter((id) => examples.ids.includes(id)),
			owner: OWNER,
		});
	} catch (error) {
		await sandbox.stop();
		throw error;
	}
	examples.noteImported();

	process.stdout.write(
		[
			'',
			`n8n (queue mode) is running at http://localhost:${stack.mainPort}`,
			`  log in as ${OWNER.email} / ${OWNER.password}`,
			`  production webhooks and callbacks: the webhook processor at http://localhost:${stack.webhookPort}/webhook/…`,
			`  ${stack.workerPorts.length} workers run the executions; Postgres on 127.0.0.1:${stack.postgresPort} and Redis on 127.0.0.1:${stack.redisPort}, loopback only, each with a password generated for this install (in ${stack.folder}, readable by its owner only)`,
			`  logs of every n8n process in ${stack.logs}`,
			`  partner sandbox at ${sandbox.url} (Afosto under /afosto, bolttech under /bolttech, MasStack under /masstack)`,
			'  credentials "Afosto (sandbox)", "bolttech (sandbox)", "MasStack (sandbox)" and the example workflows are ready to run',
			'Ctrl-C stops n8n, Redis, Postgres and the sandbox.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
