#!/usr/bin/env node
// `npm start`: builds the package, installs n8n once, starts the partner sandbox and n8n with
// this package, sandbox credentials and the example workflows. Ctrl-C stops everything.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const { RUNTIME, ensureN8nRuntime, startN8n } = require('./n8nRuntime');
const { examplesNotYetImported, importIntoN8n, installPackage, ownerSession, sandboxCredentials } = require('./playground');

const ROOT = join(__dirname, '..');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
/** The example workflows' URLs name this port (the price list CSV). */
const SANDBOX_PORT = 5680;
const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Pa55word' };
/** Trigger workflows that should receive callbacks as soon as n8n runs. */
const ACTIVE_WORKFLOWS = ['tpBolttechCatalogCallbacks', 'tpMasStackCallbacks'];

function step(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
	step('npm', ['run', 'build', '--silent']);
	step('npx', ['tsc', '-p', 'tsconfig.runtime.json']);
	ensureN8nRuntime();

	const { SandboxServer } = require(join(ROOT, '.build', 'sandbox', 'sandboxServer'));
	const { SANDBOX_PARTNERS, SANDBOX_TOKENS } = require(join(ROOT, '.build', 'sandbox', 'partners'));
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 1_000, join(ROOT, 'sandbox', 'files')).start(SANDBOX_PORT);

	const userFolder = join(RUNTIME, 'user');
	installPackage(userFolder);
	// Every start brings the sandbox credentials up to date (new partners included) and adds the
	// example workflows this n8n has not had yet; examples it has stay as the user left them.
	const examples = examplesNotYetImported(userFolder, join(ROOT, 'workflows'));
	importIntoN8n({
		userFolder,
		port: N8N_PORT,
		credentials: sandboxCredentials(sandbox.url, SANDBOX_TOKENS),
		workflowFolders: examples.ids.length ? [examples.folder] : [],
		activate: ACTIVE_WORKFLOWS.filter((id) => examples.ids.includes(id)),
	});
	examples.noteImported();
	const n8n = await startN8n({ port: N8N_PORT, userFolder });
	await ownerSession(N8N_PORT, OWNER);

	process.stdout.write(
		[
			'',
			`n8n is running at http://localhost:${N8N_PORT}`,
			`  log in as ${OWNER.email} / ${OWNER.password}`,
			`  partner sandbox at ${sandbox.url} (Afosto under /afosto, bolttech under /bolttech, MasStack under /masstack)`,
			'  credentials "Afosto (sandbox)", "bolttech (sandbox)", "MasStack (sandbox)" and the example workflows are ready to run',
			'Ctrl-C stops n8n and the sandbox.',
			'',
		].join('\n'),
	);

	const shutdown = async () => {
		n8n.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
	n8n.child.once('exit', async (code) => {
		await sandbox.stop();
		process.exit(code ?? 0);
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
