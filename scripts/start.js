#!/usr/bin/env node
// `npm start`: installs the package's dependencies when they are missing or older than
// package-lock.json, builds the package, installs n8n once, starts the partner sandbox and n8n
// with this package, sandbox credentials and the example workflows. Ctrl-C stops everything.
// `npm start -- --check` does the same in a throwaway n8n user folder, runs one example workflow
// of each partner and a callback through that n8n, prints what they did, stops, and exits non-zero
// on any failure (what CI runs to prove the README's first command).
const { spawnSync } = require('node:child_process');
const { existsSync, lstatSync, mkdtempSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const CHECK = process.argv.includes('--check');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
/** The sandbox credentials name this port. */
const SANDBOX_PORT = 5680;
const OWNER = { email: 'owner@sandbox.local', password: 'Sandbox-Pa55word' };
/** Trigger workflows that should receive callbacks as soon as n8n runs. */
const ACTIVE_WORKFLOWS = ['tpBolttechCatalogCallbacks', 'tpMasStackCallbacks'];

function step(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * A fresh clone has no node_modules; a pull may bring a newer package-lock.json. npm records what
 * it installed in node_modules/.package-lock.json: older than the lock file means out of date.
 */
function ensureDependencies() {
	const modules = join(ROOT, 'node_modules');
	const installed = join(modules, '.package-lock.json');
	const lock = join(ROOT, 'package-lock.json');
	if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
	// A node_modules linked from another checkout (a git worktree) is that checkout's: `npm ci` here
	// would empty it under every other checkout using it.
	if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
		process.stderr.write('[start] node_modules is a link to another checkout\'s; leaving it as it is (run npm ci there if it is out of date)\n');
		return;
	}
	process.stderr.write('[start] installing the package\'s dependencies (npm ci)\n');
	step('npm', ['ci', '--no-audit', '--no-fund']);
}

async function main() {
	ensureDependencies();
	// Builds each package from clean and packs it into release/, where installPackage takes it from.
	step('npm', ['run', 'pack', '--silent']);
	step('npx', ['tsc', '-p', 'tsconfig.runtime.json']);
	// Required only now: a fresh clone's first start has just installed what they need.
	const { RUNTIME, ensureN8nRuntime, startN8n } = require('./n8nRuntime');
	const { examplesNotYetImported, importIntoN8n, installPackage, ownerSession, sandboxCredentials } = require('./playground');
	ensureN8nRuntime();

	const { SandboxServer } = require(join(ROOT, '.build', 'sandbox', 'sandboxServer'));
	const { SANDBOX_PARTNERS, SANDBOX_TOKENS } = require(join(ROOT, '.build', 'sandbox', 'partners'));
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 1_000, join(ROOT, 'sandbox', 'files')).start(SANDBOX_PORT);

	// The check leaves the user's own n8n data alone (inside the runtime folder, so the package's
	// nodes resolve n8n-workflow from n8n's installation).
	const userFolder = CHECK ? mkdtempSync(join(RUNTIME, 'check-')) : join(RUNTIME, 'user');
	installPackage(userFolder);
	// Every start brings the sandbox credentials up to date (new partners included) and adds the
	// example workflows this n8n has not had yet; examples it has stay as the user left them.
	// The examples' callback URLs reach n8n at its own port, the way MasStack would call back.
	const credentials = sandboxCredentials(sandbox.url, SANDBOX_TOKENS);
	const examples = examplesNotYetImported(userFolder, { sandboxUrl: sandbox.url, n8nUrl: `http://localhost:${N8N_PORT}`, credentials });
	importIntoN8n({
		userFolder,
		port: N8N_PORT,
		credentials,
		workflowFolders: examples.ids.length ? [examples.folder] : [],
		activate: ACTIVE_WORKFLOWS.filter((id) => examples.ids.includes(id)),
	});
	examples.noteImported();

	if (CHECK) {
		const { checkExamples } = require('./startCheck');
		let failures = 1;
		try {
			failures = await checkExamples({ userFolder, port: N8N_PORT, owner: OWNER, sandbox });
		} finally {
			await sandbox.stop();
			rmSync(userFolder, { recursive: true, force: true });
		}
		process.exit(failures ? 1 : 0);
	}

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
