import { get as httpGet } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';

import { median } from './median';
import { N8N_VERSION, RUNTIME, ensureN8nRuntime, installPackage, ownerSession, startN8n } from './n8nScripts';

/**
 * n8n's start-up with and without the package, and the editor's `types/nodes.json` it serves:
 * two user folders, one with the package installed as a community package and one without, each
 * started once unmeasured (n8n migrates a new database on its first start), then started and
 * stopped in turn ROUNDS times. Each start is timed from spawning n8n to its first answers on
 * /healthz, /healthz/readiness and the editor's REST (/rest/settings), asked every 25 ms.
 */

const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 3);
/** Apart from the peers' n8n (5800) and the ports named there. */
const PORT = 5820;

const OWNER = { email: 'bench@sandbox.local', password: 'Bench-Sandbox-Pa55' };

const PROBES = { health: '/healthz', ready: '/healthz/readiness', editor: '/rest/settings' } as const;
type Probe = keyof typeof PROBES;

interface Start {
	ms: Record<Probe, number>;
	typesBytes: number;
	typesGzipBytes: number;
}

async function firstAnswer(path: string, started: number, stopped: () => boolean): Promise<number> {
	while (!stopped()) {
		const response = await fetch(`http://127.0.0.1:${PORT}${path}`).catch(() => undefined);
		await response?.arrayBuffer();
		if (response?.ok) return performance.now() - started;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`n8n stopped before it answered ${path}`);
}

/**
 * The editor's `types/nodes.json` (it needs a session), asked for with gzip as a browser does:
 * its bytes as n8n sends them, and unpacked.
 */
function nodeTypesSize(cookie: string): Promise<{ typesBytes: number; typesGzipBytes: number }> {
	return new Promise((resolve, reject) => {
		const request = httpGet(`http://127.0.0.1:${PORT}/types/nodes.json`, { headers: { cookie, 'accept-encoding': 'gzip' } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const sent = Buffer.concat(chunks);
				const types = response.headers['content-encoding'] === 'gzip' ? gunzipSync(sent) : sent;
				if (response.statusCode !== 200 || !Array.isArray(JSON.parse(types.toString('utf8')))) {
					reject(new Error(`types/nodes.json: ${response.statusCode}, not a list`));
					return;
				}
				resolve({ typesBytes: types.length, typesGzipBytes: response.headers['content-encoding'] === 'gzip' ? sent.length : gzipSync(types).length });
			});
		});
		request.on('error', reject);
	});
}

async function startOnce(userFolder: string): Promise<Start> {
	let done = false;
	const started = performance.now();
	// startN8n spawns n8n at once (after one refused connection) and polls every 500 ms; the
	// probes here poll finer and time from the same moment.
	const starting = startN8n({ port: PORT, userFolder, logFile: join(userFolder, 'n8n.log') });
	const probes = Promise.all((Object.keys(PROBES) as Probe[]).map(async (probe) => [probe, await firstAnswer(PROBES[probe], started, () => done)] as const));
	// Awaited below; when the start fails they fail too, and that is reported by `starting`.
	probes.catch(() => undefined);
	const n8n = await starting.catch((error: Error) => {
		done = true;
		throw error;
	});
	try {
		const ms = Object.fromEntries(await probes) as Record<Probe, number>;
		return { ms, ...(await nodeTypesSize(await ownerSession(PORT, OWNER))) };
	} finally {
		done = true;
		n8n.stop();
		if (n8n.child.exitCode === null) await new Promise((resolve) => n8n.child.once('exit', resolve));
	}
}

export async function measureStartUp(): Promise<string[]> {
	ensureN8nRuntime();
	const without = mkdtempSync(join(RUNTIME, 'bench-start-without-'));
	const withPackage = mkdtempSync(join(RUNTIME, 'bench-start-with-'));
	try {
		installPackage(withPackage);
		await startOnce(without);
		await startOnce(withPackage);
		const starts: Record<'without' | 'with', Start[]> = { without: [], with: [] };
		for (let round = 0; round < ROUNDS; round++) {
			starts.without.push(await startOnce(without));
			starts.with.push(await startOnce(withPackage));
		}
		const seconds = (variant: 'without' | 'with', probe: Probe) => median(starts[variant].map(({ ms }) => ms[probe])) / 1000;
		const bytes = (variant: 'without' | 'with') => starts[variant].at(-1)!;
		const row = (variant: 'without' | 'with', label: string) =>
			`| ${label} | ${seconds(variant, 'health').toFixed(1)} s | ${seconds(variant, 'ready').toFixed(1)} s | ${seconds(variant, 'editor').toFixed(1)} s | ${bytes(variant).typesBytes.toLocaleString('en')} | ${bytes(variant).typesGzipBytes.toLocaleString('en')} |`;
		const ratio = seconds('with', 'ready') / seconds('without', 'ready');
		const editorRatio = seconds('with', 'editor') / seconds('without', 'editor');
		return [
			`n8n ${N8N_VERSION} start-up, spawn to first answer, median of ${ROUNDS} starts each, interleaved; types/nodes.json as n8n sends it to the editor (gzip) and unpacked`,
			'',
			'| n8n | /healthz | /healthz/readiness | editor REST | types/nodes.json bytes | gzip |',
			'|---|---|---|---|---|---|',
			row('without', 'without the package'),
			row('with', 'with the package'),
			'',
			`  start-up with / without the package: ${ratio.toFixed(2)}x to readiness, ${editorRatio.toFixed(2)}x to the editor's REST (target <= 1.10x); types/nodes.json +${(bytes('with').typesBytes - bytes('without').typesBytes).toLocaleString('en')} bytes (+${(bytes('with').typesGzipBytes - bytes('without').typesGzipBytes).toLocaleString('en')} gzip)`,
		];
	} finally {
		rmSync(without, { recursive: true, force: true });
		rmSync(withPackage, { recursive: true, force: true });
	}
}
