import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The Postgres and Redis of `npm run start:queue` (scripts/queueMode.js): reachable on loopback
 * and their own Unix socket only, each with a password generated for the install, and started
 * without a shell, so a checkout whose path holds spaces or shell syntax runs them as it is.
 */
const queueMode = require('../../scripts/queueMode.js') as {
	ensureDatabaseServers: () => void;
	postgresClientEnvironment: (folder: string) => { env: NodeJS.ProcessEnv };
	redisCli: (folder: string, port: number, args: string[]) => string;
	startPostgres: (folder: string, port: number) => void;
	startRedis: (folder: string, port: number) => void;
	stopPostgres: (folder: string) => void;
	stopRedis: (folder: string) => void;
};

/** Ports apart from the queue stack's (5800–5830) and the single-instance e2e's. */
const PORTS = { postgres: 5840, redis: 5841 };
const PROOF = 'r';

describe('the databases of npm run start:queue', () => {
	// A folder name a shell would split and run: a space and `$(touch …/r)` (short: a Unix socket's path has at most 107 bytes).
	let parent: string;
	let folder: string;
	beforeAll(() => {
		queueMode.ensureDatabaseServers();
		parent = mkdtempSync(join(tmpdir(), 'qd-'));
		spawnSync('chmod', ['755', parent]);
		folder = join(parent, `a b$(touch ${join(parent, PROOF)});x`);
		queueMode.startPostgres(join(folder, 'postgres'), PORTS.postgres);
		queueMode.startRedis(join(folder, 'redis'), PORTS.redis);
	}, 120_000);
	afterAll(() => {
		queueMode.stopRedis(join(folder, 'redis'));
		queueMode.stopPostgres(join(folder, 'postgres'));
		rmSync(parent, { recursive: true, force: true });
	});

	const psql = (env: NodeJS.ProcessEnv, host = '127.0.0.1') =>
		spawnSync('psql', ['-h', host, '-p', String(PORTS.postgres), '-U', 'n8n', '-d', 'n8n', '-w', '-tAc', 'SELECT 1'], { encoding: 'utf8', env });

	it('start from a folder whose path a shell would have run, without running it', () => {
		expect(existsSync(join(parent, PROOF))).toBe(false);
	});

	it('Postgres asks for the generated password, on loopback and on its socket, and listens on loopback only', () => {
		const withoutPassword = { ...process.env, PGPASSWORD: '' };
		expect(psql(withoutPassword).status).not.toBe(0);
		expect(psql(withoutPassword, join(folder, 'postgres')).status).not.toBe(0);
		expect(psql({ ...process.env, PGPASSWORD: 'wrong' }).status).not.toBe(0);
		expect(psql(queueMode.postgresClientEnvironment(join(folder, 'postgres')).env).stdout.trim()).toBe('1');
		const listening = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(PORTS.postgres), '-U', 'n8n', '-d', 'n8n', '-tAc', 'SHOW listen_addresses'], { encoding: 'utf8', ...queueMode.postgresClientEnvironment(join(folder, 'postgres')) });
		expect(listening.stdout.trim()).toBe('127.0.0.1');
		expect(statSync(join(folder, 'postgres', 'password')).mode & 0o077).toBe(0);
	});

	it('Redis asks for the generated password and listens on loopback only', () => {
		const anonymous = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(PORTS.redis), 'ping'], { encoding: 'utf8', env: { ...process.env, REDISCLI_AUTH: '' } });
		expect(`${anonymous.stdout}${anonymous.stderr}`).toMatch(/NOAUTH/);
		expect(queueMode.redisCli(join(folder, 'redis'), PORTS.redis, ['ping'])).toBe('PONG');
		expect(queueMode.redisCli(join(folder, 'redis'), PORTS.redis, ['config', 'get', 'bind'])).toMatch(/^bind\n127\.0\.0\.1$/);
		expect(statSync(join(folder, 'redis', 'password')).mode & 0o077).toBe(0);
	});
});
