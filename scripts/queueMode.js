// n8n in queue mode on this machine, the way a user runs it on several: Postgres and Redis of its
// own (in the git-ignored .queue-runtime/, on project ports, never the system services), one n8n
// main, one webhook processor and workers, all with this package and the partner sandbox's
// credentials. `npm run start:queue`, the queue-mode end-to-end tests and the bench start and stop
// it here.
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { accessSync, chmodSync, closeSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const { N8N_VERSION, RUNTIME, ensureN8nRuntime, n8nEnvironment, runN8nCommand, startN8n } = require('./n8nRuntime');
const { importIntoN8n, installPackage, ownerSession, sandboxCredentials } = require('./playground');

const ROOT = join(__dirname, '..');
const QUEUE_RUNTIME = join(ROOT, '.queue-runtime');
const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
const WORKER_CONCURRENCY = 5;

function log(message) {
	process.stderr.write(`[queue mode] ${message}\n`);
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}: ${result.stderr ?? ''}${result.stdout ?? ''}`);
	}
	return result.stdout ?? '';
}

/** Postgres refuses to run as root: its commands run as the `postgres` user when we are root. */
function asPostgres(command, args, options = {}) {
	return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', command, ...args], options) : run(command, args, options);
}

/** Whether `name` is an executable on the PATH (looked up here, not by a shell given the name). */
function commandExists(name) {
	return (process.env.PATH ?? '').split(delimiter).some((folder) => {
		try {
			accessSync(join(folder, name), constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

/**
 * A secret kept in `file` (created on first use with 24 random bytes, readable by its owner only):
 * the stack's encryption key, and the passwords of its Postgres and Redis, new for each install.
 */
function secretIn(file) {
	if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
	return readFileSync(file, 'utf8').trim();
}

/** The password of the cluster in `folder` (kept beside its data, so a copied cluster keeps it). */
const postgresPassword = (folder) => secretIn(join(folder, 'password'));

/** The environment of a Postgres client of the cluster in `folder`: its password, never on a command line. */
const postgresClientEnvironment = (folder) => ({ env: { ...process.env, PGPASSWORD: postgresPassword(folder) } });

/**
 * Debian's postgresql 15 and redis-server, installed with apt-get when missing. Their system
 * services are not used: each stack runs its own cluster and Redis on its own ports.
 */
function ensureDatabaseServers() {
	const missing = [
		...(existsSync(join(POSTGRES_BIN, 'initdb')) ? [] : ['postgresql']),
		...(commandExists('redis-server') ? [] : ['redis-server']),
	];
	if (missing.length === 0) return;
	log(`installing ${missing.join(' and ')} with apt-get`);
	const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit' }).status === 0;
	if (install()) return;
	run('apt-get', ['update'], { stdio: 'inherit' });
	if (!install()) throw new Error(`apt-get install ${missing.join(' ')} failed`);
}

/** Client authentication of the stack's clusters: a password (SCRAM) over the Unix socket and loopback, nothing else. */
const PG_HBA = ['local all all scram-sha-256', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n');

/**
 * Starts the postgres server of `data` in the background, its settings as arguments (pg_ctl's -o
 * would hand them, the folder's path included, to a shell), and waits until it accepts connections.
 */
function spawnPostgres(folder, data, port) {
	const log = openSync(join(folder, 'postgres.log'), 'a');
	const args = ['-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
	const [command, commandArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, 'postgres'), ...args]] : [join(POSTGRES_BIN, 'postgres'), args];
	const server = spawn(command, commandArgs, { detached: true, stdio: ['ignore', log, log] });
	server.unref();
	closeSync(log);
	for (let attempt = 0; attempt < 300; attempt++) {
		if (spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', String(port)]).status === 0) return;
		if (server.exitCode !== null) break;
		spawnSync('sleep', ['0.1']);
	}
	throw new Error(`postgres on port ${port} did not start; see ${join(folder, 'postgres.log')}`);
}

/**
 * A Postgres cluster in `folder` (created on first use, kept after), listening on 127.0.0.1:`port`
 * and a Unix socket in `folder` only, with a database `n8n` owned by the user `n8n`, whose password
 * is generated for this cluster (`folder/password`, 0600). A new cluster starts as a copy of
 * `template` when given (a cluster n8n has already migrated), with the template's password.
 * A cluster made before passwords (trusted, no password file) gets one on its next start.
 */
function startPostgres(folder, port, template) {
	const data = join(folder, 'data');
	mkdirSync(folder, { recursive: true });
	if (!existsSync(join(data, 'PG_VERSION')) && template) {
		run('cp', ['-a', join(template, 'data'), data]);
		cpSync(join(template, 'password'), join(folder, 'password'));
	}
	const created = !existsSync(join(data, 'PG_VERSION'));
	const trusted = !created && !existsSync(join(folder, 'password'));
	const password = postgresPassword(folder);
	if (process.getuid?.() === 0) run('chown', ['-R', 'postgres:postgres', folder]);
	if (created) {
		asPostgres(join(POSTGRES_BIN, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=scram-sha-256', `--pwfile=${join(folder, 'password')}`, '--encoding=UTF8']);
	}
	spawnPostgres(folder, data, port);
	const client = postgresClientEnvironment(folder);
	if (trusted) {
		asPostgres('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-tAc', `ALTER USER n8n PASSWORD '${password}'`]);
	}
	writeFileSync(join(data, 'pg_hba.conf'), PG_HBA);
	if (process.getuid?.() === 0) run('chown', ['postgres:postgres', join(data, 'pg_hba.conf')]);
	asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, 'reload']);
	const exists = asPostgres('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-tAc', "SELECT 1 FROM pg_database WHERE datname = 'n8n'"], client);
	if (exists.trim() !== '1') asPostgres(join(POSTGRES_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], client);
}

/**
 * A stopped cluster holding an empty n8n database that this n8n version has migrated, made once:
 * n8n's ~400 migrations take minutes on a busy machine, a copy of the result a second. The test
 * stacks start from it; `npm run start:queue` migrates its own database once, as n8n does.
 */
function migratedTemplate(port) {
	// `-password`: templates made before the clusters had passwords are not used.
	const template = join(QUEUE_RUNTIME, `migrated-n8n-${N8N_VERSION}-password`);
	const marker = join(template, 'migrated');
	if (existsSync(marker)) return template;
	rmSync(template, { recursive: true, force: true });
	log(`migrating an empty n8n ${N8N_VERSION} database once (${template})`);
	startPostgres(template, port);
	try {
		const userFolder = mkdtempSync(join(RUNTIME, 'queue-migrate-'));
		try {
			// Any n8n command migrates the database before it runs.
			runN8nCommand(['list:workflow'], n8nEnvironment({
				port: 5999,
				userFolder,
				extra: {
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(port),
					DB_POSTGRESDB_DATABASE: 'n8n',
					DB_POSTGRESDB_USER: 'n8n',
					DB_POSTGRESDB_PASSWORD: postgresPassword(template),
				},
			}));
		} finally {
			rmSync(userFolder, { recursive: true, force: true });
		}
	} finally {
		stopPostgres(template);
	}
	writeFileSync(marker, new Date().toISOString());
	return template;
}

function stopPostgres(folder) {
	if (!existsSync(join(folder, 'data', 'postmaster.pid'))) return;
	try {
		asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', join(folder, 'data'), '-m', 'fast', '-w', 'stop']);
	} catch (error) {
		log(`postgres did not stop: ${error.message}`);
	}
}

/** The password of the stack's Redis (`folder/password`, 0600, generated for this install). */
const redisPassword = (folder) => secretIn(join(folder, 'password'));

/** Runs redis-cli against the Redis in `folder` on `port`, the password passed in its environment (not on a command line, where ps shows it). */
function redisCli(folder, port, args) {
	return spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
		encoding: 'utf8',
		env: { ...process.env, REDISCLI_AUTH: redisPassword(folder) },
	}).stdout?.trim() ?? '';
}

/**
 * Redis on 127.0.0.1:`port` only, with a password, in memory only (n8n's queue needs no
 * persistence across restarts here). Its settings, the password among them, are in a config file
 * readable by its owner only, not on the command line.
 */
function startRedis(folder, port) {
	mkdirSync(folder, { recursive: true });
	const config = join(folder, 'redis.conf');
	const quoted = (text) => JSON.stringify(text);
	writeFileSync(
		config,
		[
			`port ${port}`,
			'bind 127.0.0.1',
			'protected-mode yes',
			`requirepass ${redisPassword(folder)}`,
			'save ""',
			'appendonly no',
			'daemonize yes',
			`dir ${quoted(folder)}`,
			`pidfile ${quoted(join(folder, 'redis.pid'))}`,
			`logfile ${quoted(join(folder, 'redis.log'))}`,
			'',
		].join('\n'),
		{ mode: 0o600 },
	);
	run('redis-server', [config]);
	for (let attempt = 0; attempt < 50; attempt++) {
		if (redisCli(folder, port, ['ping']) === 'PONG') return;
		spawnSync('sleep', ['0.1']);
	}
	throw new Error(`redis on port ${port} did not answer`);
}

function stopRedis(folder) {
	const pidFile = join(folder, 'redis.pid');
	if (!existsSync(pidFile)) return;
	killGroupOrProcess(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM', false);
	rmSync(pidFile, { force: true });
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function killGroupOrProcess(pid, signal, group = true) {
	try {
		process.kill(group ? -pid : pid, signal);
	} catch {
		// already gone
	}
}

/** Waits until `pid` is gone, up to `timeoutMs`. */
async function untilGone(pid, timeoutMs) {
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
		if (!isAlive(pid)) return true;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return !isAlive(pid);
}

/**
 * Where a stack keeps its state, and its ports: n8n main `base`, webhook processor `base + 1`
 * (with `webhookProcessors` 2 or more, the next ones from `base + 3`: roles `webhook-2`, …),
 * workers' health checks from `base + 10` (npm start's sandbox port, base + 2, stays free); Postgres and Redis on the ports given. Each n8n process's
 * task broker listens 100 above its port (n8nRuntime.js), so every process has its own.
 * `environment` adds to what every n8n process of the stack gets.
 */
function describeStack({ folder, userFolder, basePort, postgresPort, redisPort, workers = 2, webhookProcessors = 1, sandboxUrl, mainServesWebhooks = false, environment = {} }) {
	const webhookPorts = Array.from({ length: webhookProcessors }, (_, index) => (index === 0 ? basePort + 1 : basePort + 2 + index));
	return {
		folder,
		environment,
		mainServesWebhooks,
		userFolder,
		mainPort: basePort,
		webhookPort: webhookPorts[0],
		webhookPorts,
		workerPorts: Array.from({ length: workers }, (_, index) => basePort + 10 + index),
		postgresPort,
		redisPort,
		sandboxUrl,
		logs: join(folder, 'logs'),
	};
}

/** The environment every n8n process of the stack shares, as on several machines. */
function sharedEnvironment(stack) {
	mkdirSync(join(stack.folder, 'redis'), { recursive: true });
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(stack.postgresPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: postgresPassword(join(stack.folder, 'postgres')),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(stack.redisPort),
		QUEUE_BULL_REDIS_PASSWORD: redisPassword(join(stack.folder, 'redis')),
		// Credentials are encrypted with it in the shared database: every process needs the same key.
		N8N_ENCRYPTION_KEY: secretIn(join(stack.folder, 'encryption-key')),
		// Resume URLs (Wait for Callback) and trigger URLs (the Afosto subscription) name the webhook processor.
		N8N_WEBHOOK_URL: `http://localhost:${stack.webhookPort}/`,
		// Binary data a worker writes must be readable by the webhook processor and other workers: in
		// the database (n8n 2.x's default in queue mode; said here so that it stays so).
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Workers log "Worker started execution N (job M)" at info.
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		...stack.environment,
	};
}

/** Where the stack records the process of each n8n role, so any process (a test) can stop or restart one. */
function recordProcess(stack, role, pid) {
	const file = join(stack.folder, 'processes.json');
	const processes = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	processes[role] = pid;
	writeFileSync(file, JSON.stringify(processes, null, 2));
}

function recordedProcesses(stack) {
	const file = join(stack.folder, 'processes.json');
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

/**
 * Starts one n8n role: `main`, `webhook` (`webhook-<n>` for the n-th webhook processor) or `worker-<n>`. The main process serves production
 * webhooks too only when `stack.mainServesWebhooks` (the playground, whose examples name its port);
 * otherwise they go to the webhook processor alone, as behind a load balancer.
 */
async function startRole(stack, role) {
	const shared = sharedEnvironment(stack);
	mkdirSync(stack.logs, { recursive: true });
	const logFile = join(stack.logs, `${role}.log`);
	let started;
	if (role === 'main') {
		const extra = {
			...shared,
			N8N_EDITOR_BASE_URL: `http://localhost:${stack.mainPort}/`,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: stack.mainServesWebhooks ? 'false' : 'true',
		};
		started = await startN8n({ port: stack.mainPort, userFolder: stack.userFolder, logFile, extra });
	} else if (role.startsWith('webhook')) {
		const port = stack.webhookPorts[role === 'webhook' ? 0 : Number(role.replace('webhook-', '')) - 1];
		started = await startN8n({ port, userFolder: stack.userFolder, logFile, extra: shared, command: ['webhook'] });
	} else {
		const index = Number(role.replace('worker-', ''));
		const healthPort = stack.workerPorts[index - 1];
		started = await startN8n({
			port: healthPort,
			userFolder: stack.userFolder,
			logFile,
			extra: { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
			command: ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
			healthPort,
		});
	}
	recordProcess(stack, role, started.child.pid);
	return started;
}

/** Stops one role's n8n (SIGTERM to its process group, SIGKILL after 20 s) and waits until it is gone. */
async function stopRole(stack, role) {
	const pid = recordedProcesses(stack)[role];
	if (!pid) return;
	killGroupOrProcess(pid, 'SIGTERM');
	if (!(await untilGone(pid, 20_000))) killGroupOrProcess(pid, 'SIGKILL');
	await untilGone(pid, 5_000);
}

/** Kills one role's n8n at once with SIGKILL (the process and its task runner), as a crash would. */
function killRole(stack, role) {
	const pid = recordedProcesses(stack)[role];
	killGroupOrProcess(pid, 'SIGKILL');
	return pid;
}

/**
 * What `n8n publish:workflow --id=<id>` does (WorkflowRepository.publishVersion in n8n 2.40: the
 * current version becomes the active one, if the workflow history has it), for all `ids` in one
 * statement instead of one n8n boot of ~20 s each. Before main starts, as the command.
 */
function publishWorkflows(stack, ids) {
	if (ids.length === 0) return;
	const list = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
	const published = queryDatabase(
		stack,
		`UPDATE workflow_entity AS w SET active = true, "activeVersionId" = w."versionId" WHERE w.id IN (${list}) AND NOT w."isArchived"
		 AND EXISTS (SELECT 1 FROM workflow_history AS h WHERE h."workflowId" = w.id AND h."versionId" = w."versionId") RETURNING w.id`,
	).map(([id]) => id);
	const missing = ids.filter((id) => !published.includes(id));
	if (missing.length) throw new Error(`Could not publish ${missing.join(', ')}: not imported, archived, or without a history version`);
}

/** The workflows of several folders in one folder, for one `n8n import:workflow` instead of one per folder. */
function gatherWorkflows(stack, folders) {
	const gathered = join(stack.folder, 'workflows-to-import');
	rmSync(gathered, { recursive: true, force: true });
	mkdirSync(gathered, { recursive: true });
	for (const folder of folders) {
		for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) cpSync(join(folder, file), join(gathered, file));
	}
	return gathered;
}

/**
 * Starts the whole stack on `stack` (see describeStack): Postgres (from the migrated template with
 * `fromMigratedTemplate`), Redis, the package in the user folder, the sandbox credentials and
 * `workflowFolders` imported (`activate` published), then n8n main, the webhook processor and the
 * workers. Returns the owner's session cookie. On failure, stops what it started.
 */
async function startQueueMode(stack, { workflowFolders = [], activate = [], owner, credentials, fromMigratedTemplate = false }) {
	ensureDatabaseServers();
	ensureN8nRuntime();
	mkdirSync(stack.folder, { recursive: true });
	// The `postgres` user must reach its cluster inside (a mkdtemp folder is private to its owner).
	chmodSync(stack.folder, 0o755);
	try {
		const template = fromMigratedTemplate ? migratedTemplate(stack.postgresPort) : undefined;
		startPostgres(join(stack.folder, 'postgres'), stack.postgresPort, template);
		startRedis(join(stack.folder, 'redis'), stack.redisPort);
		installPackage(stack.userFolder);
		const gathered = gatherWorkflows(stack, workflowFolders);
		importIntoN8n({
			userFolder: stack.userFolder,
			port: stack.mainPort,
			credentials,
			workflowFolders: readdirSync(gathered).length ? [gathered] : [],
			extra: sharedEnvironment(stack),
		});
		rmSync(gathered, { recursive: true, force: true });
		publishWorkflows(stack, activate);
		log('starting n8n main');
		await startRole(stack, 'main');
		log(`starting ${stack.webhookPorts.length} webhook processor(s) and ${stack.workerPorts.length} workers`);
		const webhookRoles = stack.webhookPorts.map((_, index) => (index === 0 ? 'webhook' : `webhook-${index + 1}`));
		await Promise.all([...webhookRoles, ...stack.workerPorts.map((_, index) => `worker-${index + 1}`)].map((role) => startRole(stack, role)));
		return await ownerSession(stack.mainPort, owner);
	} catch (error) {
		await stopQueueMode(stack);
		throw error;
	}
}

/** Stops every n8n process of the stack, then Redis and Postgres. */
async function stopQueueMode(stack) {
	await Promise.all(Object.keys(recordedProcesses(stack)).map((role) => stopRole(stack, role)));
	rmSync(join(stack.folder, 'processes.json'), { force: true });
	stopRedis(join(stack.folder, 'redis'));
	stopPostgres(join(stack.folder, 'postgres'));
}

/** Runs SQL against the stack's database and returns the rows as arrays of strings (tab-separated output). */
function queryDatabase(stack, sql) {
	const output = run('psql', ['-h', '127.0.0.1', '-p', String(stack.postgresPort), '-U', 'n8n', '-d', 'n8n', '-tA', '-F', '\t', '-c', sql], {
		maxBuffer: 512 * 1024 * 1024,
		...postgresClientEnvironment(join(stack.folder, 'postgres')),
	});
	return output
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('\t'));
}

/** Runs redis-cli against the stack's Redis (with its password) and returns what it printed. */
function stackRedis(stack, args) {
	return redisCli(join(stack.folder, 'redis'), stack.redisPort, args);
}

module.exports = {
	QUEUE_RUNTIME,
	describeStack,
	ensureDatabaseServers,
	postgresClientEnvironment,
	redisCli,
	startPostgres,
	startRedis,
	stopPostgres,
	stopRedis,
	killRole,
	queryDatabase,
	stackRedis,
	recordedProcesses,
	sandboxCredentials,
	startQueueMode,
	startRole,
	stopQueueMode,
	stopRole,
};
