// A real n8n (installed by n8nRuntime.js) with this package, the partner sandbox, a fresh user
// folder, the example workflows and the ones the caller adds, and an owner session for n8n's REST
// API: what the end-to-end tests (test/e2e/startN8n.js) and the callback bench run against.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const { RUNTIME, ensureN8nRuntime, startN8n, untilWebhookAnswers } = require('./n8nRuntime');
const { examplesForSandbox, importIntoN8n, installPackage, ownerSession, sandboxCredentials } = require('./playground');

const ROOT = join(__dirname, '..');
const N8N_PORT = 5690;
/** The sandbox credentials name this port. */
const SANDBOX_PORT = 5680;
const OWNER = { email: 'e2e@sandbox.local', password: 'E2e-Sandbox-Pa55' };

function step(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/**
 * Starts it all; `workflowFolders` and `activate` add the caller's workflows to the examples.
 * Sets E2E_N8N_URL, E2E_N8N_COOKIE and E2E_SANDBOX_URL; stopN8nWithSandbox stops it.
 */
async function startN8nWithSandbox({ workflowFolders = [], activate = [] } = {}) {
	// Builds each package from clean and packs it into release/, where installPackage takes it from.
	step('npm', ['run', 'pack', '--silent']);
	step('npx', ['tsc', '-p', 'tsconfig.runtime.json']);
	ensureN8nRuntime();

	const { SandboxServer } = require(join(ROOT, '.build', 'sandbox', 'sandboxServer'));
	const { SANDBOX_PARTNERS, SANDBOX_TOKENS } = require(join(ROOT, '.build', 'sandbox', 'partners'));
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 200, join(ROOT, 'sandbox', 'files')).start(SANDBOX_PORT);

	// Inside .n8n-runtime, so the package's nodes resolve n8n-workflow from n8n's installation.
	const userFolder = mkdtempSync(join(RUNTIME, 'e2e-'));
	installPackage(userFolder);
	const credentials = sandboxCredentials(sandbox.url, SANDBOX_TOKENS);
	const examples = examplesForSandbox({ targetFolder: join(userFolder, 'examples'), sandboxUrl: sandbox.url, n8nUrl: `http://localhost:${N8N_PORT}`, credentials });
	importIntoN8n({
		userFolder,
		port: N8N_PORT,
		credentials,
		workflowFolders: [examples, join(ROOT, 'bench', 'workflows'), ...workflowFolders],
		activate: ['tpBolttechCatalogCallbacks', 'tpMasStackCallbacks', 'e2eMasStackLoad', 'e2eWebhookBaseline', ...activate],
	});
	const n8n = await startN8n({ port: N8N_PORT, userFolder, logFile: join(userFolder, 'n8n.log') }).catch(async (error) => {
		await sandbox.stop();
		throw error;
	});
	// Jest skips the teardown when the setup fails: stop what was started here.
	let cookie;
	try {
		cookie = await ownerSession(N8N_PORT, OWNER);
		// The webhooks are there once the load workflow's trigger refuses an empty list.
		await untilWebhookAnswers(`http://127.0.0.1:${N8N_PORT}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/service/success`, 400);
	} catch (error) {
		n8n.stop();
		await sandbox.stop();
		throw error;
	}

	globalThis.__E2E__ = { sandbox, n8n, userFolder };
	process.env.E2E_N8N_URL = `http://localhost:${N8N_PORT}`;
	process.env.E2E_N8N_COOKIE = cookie;
	process.env.E2E_SANDBOX_URL = sandbox.url;
}

/** Stops what startN8nWithSandbox started and removes its user folder. */
async function stopN8nWithSandbox() {
	const running = globalThis.__E2E__;
	if (!running) return;
	running.n8n.stop();
	await running.sandbox.stop();
	await new Promise((resolve) => (running.n8n.child.exitCode === null ? running.n8n.child.once('exit', resolve) : resolve()));
	rmSync(running.userFolder, { recursive: true, force: true });
}

module.exports = { startN8nWithSandbox, stopN8nWithSandbox };
