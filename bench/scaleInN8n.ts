import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { N8N_VERSION, RUNTIME, ensureN8nRuntime, importIntoN8n, installPackage, ownerSession, startN8n } from './n8nScripts';
import { heapFromMetrics, heapOfRun, logOffset } from './n8nHeap';
import { peakMemory, resetPeakMemory } from './n8nProcess';
import type { ExecutionReport } from './peerHooks';
import { BATCH_SIZE, PAGE_SIZE, headerAuthImport, partnerCredentialImport } from './peerWorkflows';
import { priceRows } from './rawClients';
import { ORDER_ROUTES, PRICE_ROUTES, orderWorkflow, priceWorkflow } from './scaleWorkflows';
import type { OrderPartner, OrderRoute, PricePartner, PriceRoute, ScaleWorkflow } from './scaleWorkflows';

/**
 * "At scale": a price list of up to a million SKUs as a CSV file, and Afosto lists of hundreds of
 * thousands of records, each route run ONCE in a FRESH n8n (start, idle, measure the idle heap, one
 * webhook-started execution, measure, stop), so that its peak is its own and not what an earlier
 * run left in the heap. Sizes grow per route until one does not finish (n8n ran out of heap, capped
 * at --max-old-space-size, or the run passed its deadline); larger sizes of that route are skipped.
 * Every finished price run is checked at the partner: ceil(rows / 1,000) requests carrying every
 * row within the bolttech contract; every list run: every page asked for, every record out.
 */

const TOKEN = 'bench-token';
const sizes = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);
const PRICE_SIZES = sizes('BENCH_SCALE_PRICE_SIZES', '100000,300000,1000000');
/** The built-in workflows are tried at this size; the fastest goes on to the larger ones. */
const PEER_TRIAL_SIZE = PRICE_SIZES[0];
const ORDER_SIZES = sizes('BENCH_SCALE_ORDER_SIZES', '100000,300000');
/** The partner's latencies: 0 for every size, then 25 ms at the largest size for the package's routes that finished at 0 (BENCH_SCALE_SLOW_PARTNER_MS=0: none). */
const SLOW_PARTNER_MS = Number(process.env.BENCH_SCALE_SLOW_PARTNER_MS ?? 25);
/** n8n's main process's heap cap: the default would be about 4 GB here too, said explicitly. */
const MAX_OLD_SPACE_MB = Number(process.env.BENCH_SCALE_MAX_OLD_SPACE_MB ?? 4096);
const IDLE_MS = 10_000;
/** BENCH_SCALE_ROUTES=prices/file,prices/items runs those routes alone (a built-in one is then run at every size). */
const ROUTES = process.env.BENCH_SCALE_ROUTES?.split(',');
const chosen = (route: string) => !ROUTES || ROUTES.includes(route);
const RUN_DEADLINE_MS = Number(process.env.BENCH_SCALE_DEADLINE_S ?? 600) * 1000;
/** Apart from npm start's (5678), the e2e's (5690, 5680), the queue bench's (5740–5770), the peers' (5800) and start-up's (5820). */
const N8N_PORT = 5870;
const OWNER = { email: 'bench@sandbox.local', password: 'Bench-Sandbox-Pa55' };

const progress = (message: string) => process.stderr.write(`[scale in n8n] ${message}\n`);

interface PartnerProcess {
	child: ChildProcess;
	url: string;
	ask: <T>(question: string) => Promise<T>;
	stop: () => void;
}

async function partnerProcess(script: string, args: string[]): Promise<PartnerProcess> {
	const child = fork(join(__dirname, script), args);
	const next = <T>() => new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
	const { url } = await next<{ url: string }>();
	const ask = <T>(question: string) => {
		const answer = next<T>();
		child.send(question);
		return answer;
	};
	return { child, url, ask, stop: () => child.send('stop') };
}

/** What one run in a fresh n8n gave; `failure` says why it did not finish. */
interface ScaleRun {
	route: string;
	size: number;
	latencyMs: number;
	nodeMs?: number;
	extractMs?: number;
	wallMs?: number;
	idleHeapMb?: number;
	peakHeapMb?: number;
	peakLiveHeapMb?: number;
	idleLiveHeapMb?: number;
	idleRssMb?: number;
	peakRssMb?: number;
	/** From the webhook's POST to the reported end, as the bench saw it. */
	benchMs?: number;
	failure?: string;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class FreshN8n {
	private n8n?: { child: ChildProcess; stop: () => void };
	private logFile = '';
	private started = 0;

	constructor(
		private readonly userFolder: string,
		private readonly reportFile: string,
		private readonly workflowIds: string[],
	) {}

	/** Starts n8n, activates the workflows on its first start, and lets it idle. */
	async start(): Promise<void> {
		this.started++;
		this.logFile = join(this.userFolder, `n8n-${this.started}.log`);
		this.n8n = await startN8n({
			port: N8N_PORT,
			userFolder: this.userFolder,
			logFile: this.logFile,
			extra: {
				NODE_OPTIONS: `--require=${join(__dirname, 'traceGc.js')} --max-old-space-size=${MAX_OLD_SPACE_MB}`,
				N8N_METRICS: 'true',
				EXTERNAL_HOOK_FILES: join(__dirname, 'peerHooks.js'),
				BENCH_PEERS_REPORT: this.reportFile,
			},
		});
		if (this.started === 1) {
			const cookie = await ownerSession(N8N_PORT, OWNER);
			for (const id of this.workflowIds) {
				const { versionId } = await this.rest<{ versionId: string }>(cookie, `/workflows/${id}`);
				await this.rest(cookie, `/workflows/${id}/activate`, { method: 'POST', body: JSON.stringify({ versionId }) });
			}
		}
		await delay(IDLE_MS);
	}

	private async rest<T>(cookie: string, path: string, init: RequestInit = {}): Promise<T> {
		const response = await fetch(`http://127.0.0.1:${N8N_PORT}/rest${path}`, { ...init, headers: { cookie, 'content-type': 'application/json' } });
		if (!response.ok) throw new Error(`${init.method ?? 'GET'} /rest${path}: ${response.status} ${await response.text()}`);
		return ((await response.json()) as { data: T }).data;
	}

	async stop(): Promise<void> {
		const n8n = this.n8n;
		this.n8n = undefined;
		if (!n8n) return;
		n8n.stop();
		if (n8n.child.exitCode === null && n8n.child.signalCode === null) await new Promise((resolve) => n8n.child.once('exit', resolve));
		// After n8n died (out of heap) its task runner may outlive it, in the group n8n led.
		try {
			process.kill(-n8n.child.pid!, 'SIGTERM');
		} catch {
			// the group is gone
		}
	}

	private reportsSoFar(): ExecutionReport[] {
		if (!existsSync(this.reportFile)) return [];
		return readFileSync(this.reportFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as ExecutionReport);
	}

	/** One execution of `workflow`, started by POSTing `body`; measured as the module says. */
	async run(workflow: ScaleWorkflow, body: Buffer | string, contentType: string): Promise<Omit<ScaleRun, 'route' | 'size' | 'latencyMs'> & { execution?: ExecutionReport }> {
		const n8n = this.n8n!;
		const reported = this.reportsSoFar().length;
		// A full collection at idle (bench/traceGc.ts), so that the idle heap is n8n's live heap.
		process.kill(n8n.child.pid!, 'SIGUSR2');
		await delay(2_000);
		const idleHeapMb = await heapFromMetrics(N8N_PORT);
		const offset = logOffset(this.logFile);
		const groupId = n8n.child.pid!;
		const idleRssMb = resetPeakMemory(groupId);
		const started = performance.now();
		const url = `http://127.0.0.1:${N8N_PORT}/webhook/${workflow.path}`;
		for (const registered = Date.now() + 60_000; ; ) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
			await response.arrayBuffer();
			if (response.ok) break;
			if (response.status !== 404 || Date.now() > registered) throw new Error(`${workflow.id}: the webhook answered ${response.status}`);
			await delay(500);
		}
		let execution: ExecutionReport | undefined;
		let failure: string | undefined;
		let peakRssMb = 0;
		for (const deadline = Date.now() + RUN_DEADLINE_MS; !execution; ) {
			// Read while n8n lives: its processes' peaks go with them.
			peakRssMb = Math.max(peakRssMb, peakMemory(groupId));
			execution = this.reportsSoFar()
				.slice(reported)
				.find(({ workflowId }) => workflowId === workflow.id);
			if (execution) break;
			if (n8n.child.exitCode !== null || n8n.child.signalCode !== null) {
				const log = readFileSync(this.logFile, 'utf8');
				failure = /heap out of memory|Reached heap limit/i.test(log)
					? `n8n ran out of heap (--max-old-space-size=${MAX_OLD_SPACE_MB})`
					: `n8n exited (${n8n.child.exitCode ?? n8n.child.signalCode})`;
				break;
			}
			if (Date.now() > deadline) {
				failure = `not done after ${RUN_DEADLINE_MS / 1000} s`;
				break;
			}
			await delay(100);
		}
		const benchMs = performance.now() - started;
		peakRssMb = Math.max(peakRssMb, peakMemory(groupId));
		const heap = heapOfRun(this.logFile, offset);
		// The heap allocated after the run's last collection is only seen here.
		const endHeapMb = failure ? undefined : await heapFromMetrics(N8N_PORT);
		const measured = {
			idleHeapMb,
			peakHeapMb: Math.max(heap.peakMb, endHeapMb ?? 0),
			peakLiveHeapMb: heap.peakLiveMb,
			idleLiveHeapMb: heap.idleLiveMb,
			idleRssMb,
			peakRssMb,
			benchMs,
		};
		if (failure) return { ...measured, failure };
		if (execution!.status !== 'success' || !execution!.stoppedAt) return { ...measured, failure: `the execution ended ${execution!.status}: ${execution!.error ?? ''}` };
		return {
			...measured,
			execution,
			nodeMs: workflow.measuredNodes.reduce((sum, name) => sum + (execution!.nodes[name]?.executionTime ?? 0), 0),
			extractMs: execution!.nodes['Extract From File']?.executionTime,
			wallMs: Date.parse(execution!.stoppedAt) - Date.parse(execution!.startedAt),
		};
	}
}

function csvOf(size: number): Buffer {
	const lines = ['partner_device_id,price_net'];
	for (const { partner_device_id, price_net } of priceRows(size)) lines.push(`${partner_device_id},${price_net}`);
	return Buffer.from(`${lines.join('\n')}\n`);
}

/** Whether the packed package's code knows `parameter` (a route the package gains later). */
function packageKnows(userFolder: string, parameter: string): boolean {
	const nodes = join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-afosto', 'dist');
	const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
	try {
		execFileSync('grep', ['-rqF', parameter, nodes]);
		return true;
	} catch {
		return false;
	}
}

export async function measureScaleInN8n(): Promise<string[]> {
	ensureN8nRuntime();
	const began = performance.now();
	const bolttech = new Map<number, PartnerProcess>();
	const afosto = new Map<number, PartnerProcess>();
	const userFolder = mkdtempSync(join(RUNTIME, 'bench-scale-'));
	let n8n: FreshN8n | undefined;
	try {
		for (const latency of new Set([0, SLOW_PARTNER_MS])) bolttech.set(latency, await partnerProcess('contractServerProcess.js', [TOKEN, String(latency)]));
		for (const records of ORDER_SIZES) afosto.set(records, await partnerProcess('afostoListServerProcess.js', [String(records), TOKEN, '0']));
		const pricePartners = [...bolttech].map(([latencyMs, { url }]): PricePartner => ({ latencyMs, bolttechUrl: url, bolttechCredential: `benchScaleBolttech${latencyMs}ms` }));
		const orderPartners = [...afosto].map(([records, { url }]): OrderPartner => ({ records, afostoUrl: url, afostoCredential: `benchScaleAfosto${records}` }));

		installPackage(userFolder);
		const orderRoutes = ORDER_ROUTES.filter((route) => !route.needsParameter || packageKnows(userFolder, route.needsParameter));
		const skippedOrderRoutes = ORDER_ROUTES.filter((route) => !orderRoutes.includes(route));
		const priceWorkflows = new Map(pricePartners.flatMap((partner) => PRICE_ROUTES.map((route) => [`${route.key}/${partner.latencyMs}`, priceWorkflow(route, partner)] as const)));
		const orderWorkflows = new Map(orderPartners.flatMap((partner) => orderRoutes.map((route) => [`${route.key}/${partner.records}`, orderWorkflow(route, partner)] as const)));
		const all = [...priceWorkflows.values(), ...orderWorkflows.values()];
		const workflowFolder = join(userFolder, 'bench-workflows');
		mkdirSync(workflowFolder);
		for (const workflow of all) writeFileSync(join(workflowFolder, `${workflow.id}.json`), JSON.stringify(workflow.json));
		importIntoN8n({
			userFolder,
			port: N8N_PORT,
			credentials: [
				headerAuthImport(TOKEN),
				...pricePartners.map((partner) => partnerCredentialImport('bolttechApi', partner.bolttechCredential, `bench bolttech ${partner.latencyMs}ms`, partner.bolttechUrl, TOKEN)),
				...orderPartners.map((partner) => partnerCredentialImport('afostoApi', partner.afostoCredential, `bench Afosto ${partner.records}`, partner.afostoUrl, TOKEN)),
			],
			workflowFolders: [workflowFolder],
		});
		n8n = new FreshN8n(userFolder, join(userFolder, 'executions.jsonl'), all.map(({ id }) => id));
		const fresh = n8n;
		const runs: ScaleRun[] = [];

		/**
		 * One run in a fresh n8n; `check` throws when the partner or the output disagree. A run that
		 * fails in any way is reported as such, and the bench goes on with the next.
		 */
		const runOnce = async (
			workflow: ScaleWorkflow,
			size: number,
			latencyMs: number,
			body: Buffer | string,
			contentType: string,
			check: (execution: ExecutionReport) => Promise<void>,
			settle: () => Promise<unknown>,
		): Promise<ScaleRun> => {
			progress(`${workflow.route} at ${size.toLocaleString('en')}, partner after ${latencyMs} ms`);
			let run: ScaleRun = { route: workflow.route, size, latencyMs };
			try {
				await fresh.start();
				const { execution, ...measured } = await fresh.run(workflow, body, contentType);
				run = { ...run, ...measured };
				if (run.failure) await settle();
				else await check(execution!);
			} catch (error) {
				run.failure = `error: ${(error as Error).message.split('\n')[0]}`;
				await settle().catch(() => undefined);
			} finally {
				await fresh.stop();
			}
			// The first run failing says the bench itself is wrong, not a route at its limit.
			if (run.failure?.startsWith('error:') && runs.length === 0) throw new Error(`${workflow.id}: ${run.failure}`);
			runs.push(run);
			progress(run.failure ? `  ${run.failure}` : `  node ${seconds(run.nodeMs)}, wall ${seconds(run.wallMs)}, heap ${growth(run.peakHeapMb, run.idleHeapMb)}`);
			return run;
		};
		const runPrices = (route: PriceRoute, size: number, latencyMs: number) => {
			const workflow = priceWorkflows.get(`${route.key}/${latencyMs}`)!;
			const partner = bolttech.get(latencyMs)!;
			const ask = () => partner.ask<{ violations: string[]; requests: number; rows: number }>('violations?');
			return runOnce(workflow, size, latencyMs, csvOf(size), 'text/csv', async (execution) => {
				const report = await ask();
				const batches = Math.ceil(size / BATCH_SIZE);
				if (report.violations.length) throw new Error(`${workflow.id}: off-contract requests: ${report.violations[0]}`);
				if (report.requests !== batches || report.rows !== size)
					throw new Error(`${workflow.id}: expected ${batches} requests with ${size} SKUs, the server saw ${report.requests} with ${report.rows}`);
				const out = execution.nodes[workflow.outputNode]?.lastOutputItems;
				if (out !== batches) throw new Error(`${workflow.id}: ${out} items out, not one per batch`);
			}, ask);
		};
		const runOrders = (route: OrderRoute, records: number) => {
			const workflow = orderWorkflows.get(`${route.key}/${records}`)!;
			const ask = () => afosto.get(records)!.ask<{ requests: number }>('requests?');
			return runOnce(workflow, records, 0, '{}', 'application/json', async (execution) => {
				const { requests } = await ask();
				const pages = Math.ceil(records / PAGE_SIZE);
				if (requests !== pages) throw new Error(`${workflow.id}: expected ${pages} page requests, the server saw ${requests}`);
				const out = execution.nodes[workflow.outputNode]?.lastOutputItems;
				if (out !== route.outputItems(records)) throw new Error(`${workflow.id}: ${out} items out, not ${route.outputItems(records)}`);
			}, ask);
		};
		/** A route at growing sizes, until one does not finish. */
		const grow = async <T>(sizes: number[], once: (size: number) => Promise<ScaleRun>) => {
			for (const size of sizes) if ((await once(size)).failure) break;
		};

		const packageRoutes = PRICE_ROUTES.filter((route) => !route.builtIn && chosen(`prices/${route.key}`));
		for (const route of packageRoutes) await grow(PRICE_SIZES, (size) => runPrices(route, size, 0));
		const trials = [];
		for (const route of PRICE_ROUTES.filter(({ builtIn, key }) => builtIn && chosen(`prices/${key}`))) trials.push({ route, run: await runPrices(route, PEER_TRIAL_SIZE, 0) });
		const finished = trials.filter(({ run }) => !run.failure);
		const best = finished.sort((a, b) => a.run.wallMs! - b.run.wallMs!)[0]?.route;
		if (best) await grow(PRICE_SIZES.slice(1), (size) => runPrices(best, size, 0));
		const largest = PRICE_SIZES.at(-1)!;
		// The package's routes only: the built-in HTTP Request sends its batches all at once, so a slow partner changes little for it.
		for (const route of SLOW_PARTNER_MS > 0 ? packageRoutes : []) {
			const atLargest = runs.find((run) => run.route === `prices/${route.key}` && run.size === largest && run.latencyMs === 0);
			if (atLargest && !atLargest.failure) await runPrices(route, largest, SLOW_PARTNER_MS);
		}
		for (const route of orderRoutes.filter(({ key }) => chosen(`orders/${key}`))) await grow(ORDER_SIZES, (records) => runOrders(route, records));

		const minutes = (performance.now() - began) / 60_000;
		return report(runs, { best, trials: trials.map(({ route }) => route), skippedOrderRoutes, minutes });
	} finally {
		await n8n?.stop();
		for (const partner of [...bolttech.values(), ...afosto.values()]) partner.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

const seconds = (ms?: number) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);
const mb = (value?: number) => (value === undefined ? '' : `${value.toFixed(0)} MB`);
const growth = (peak?: number, idle?: number) => (peak === undefined || idle === undefined ? '' : `+${(peak - idle).toFixed(0)} MB`);

function label(route: string): string {
	const [task, key] = route.split('/');
	return (task === 'prices' ? PRICE_ROUTES : ORDER_ROUTES).find((candidate) => candidate.key === key)!.label;
}

/** Per 100,000 more rows between the smallest and the largest finished size of a route. */
function slopes(runs: ScaleRun[]): string[] {
	const lines: string[] = [];
	for (const route of [...new Set(runs.map((run) => run.route))]) {
		const done = runs.filter((run) => run.route === route && run.latencyMs === 0 && !run.failure).sort((a, b) => a.size - b.size);
		if (done.length < 2) continue;
		const [first, last] = [done[0], done.at(-1)!];
		const per = (last.size - first.size) / 100_000;
		lines.push(
			`  ${label(route)}: per 100,000 more rows (${first.size.toLocaleString('en')} → ${last.size.toLocaleString('en')}): node time +${((last.nodeMs! - first.nodeMs!) / per / 1000).toFixed(2)} s, wall +${((last.wallMs! - first.wallMs!) / per / 1000).toFixed(2)} s, peak heap growth +${((last.peakHeapMb! - last.idleHeapMb! - (first.peakHeapMb! - first.idleHeapMb!)) / per).toFixed(0)} MB, peak RSS growth +${((last.peakRssMb! - last.idleRssMb! - (first.peakRssMb! - first.idleRssMb!)) / per).toFixed(0)} MB`,
		);
	}
	return lines;
}

function report(
	runs: ScaleRun[],
	{ best, trials, skippedOrderRoutes, minutes }: { best?: PriceRoute; trials: PriceRoute[]; skippedOrderRoutes: OrderRoute[]; minutes: number },
): string[] {
	const lines = [
		`at scale in n8n ${N8N_VERSION}: each run in a fresh n8n (idle ${IDLE_MS / 1000} s, one webhook-started execution), --max-old-space-size=${MAX_OLD_SPACE_MB}; the whole step took ${minutes.toFixed(1)} minutes`,
		'',
		'| rows | partner answers | route | node time | Extract From File | wall time | n8n heap in use, idle → peak (growth) | n8n live heap, idle → peak after a full GC (growth) | n8n + runner RSS, idle → peak (growth) |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const run of runs) {
		const answers = run.latencyMs === 0 ? 'at once' : `after ${run.latencyMs} ms`;
		const rows = run.size.toLocaleString('en');
		if (run.failure) {
			lines.push(`| ${rows} | ${answers} | ${label(run.route)} | **did not finish: ${run.failure}** | | | ${mb(run.idleHeapMb)} → ${mb(run.peakHeapMb)} | | ${mb(run.idleRssMb)} → ${mb(run.peakRssMb)} |`);
			continue;
		}
		lines.push(
			`| ${rows} | ${answers} | ${label(run.route)} | ${seconds(run.nodeMs)} | ${seconds(run.extractMs)} | ${seconds(run.wallMs)} | ${mb(run.idleHeapMb)} → ${mb(run.peakHeapMb)} (${growth(run.peakHeapMb, run.idleHeapMb)}) | ${run.peakLiveHeapMb === undefined ? 'no full GC during the run' : `${mb(run.idleLiveHeapMb)} → ${mb(run.peakLiveHeapMb)} (${growth(run.peakLiveHeapMb, run.idleLiveHeapMb)})`} | ${mb(run.idleRssMb)} → ${mb(run.peakRssMb)} (${growth(run.peakRssMb, run.idleRssMb)}) |`,
		);
	}
	lines.push('', 'Slopes:', ...slopes(runs), '');
	lines.push(`  built-in price workflows tried at ${PEER_TRIAL_SIZE.toLocaleString('en')} rows: ${trials.map(({ label: name }) => name).join('; ')}; fastest (wall time), run at larger sizes: ${best?.label ?? 'none finished'}`);
	for (const route of skippedOrderRoutes) lines.push(`  skipped: ${route.label} (the packed package has no "${route.needsParameter}" parameter yet)`);
	const largest = PRICE_SIZES.at(-1)!;
	const at = (key: string) => runs.find((run) => run.route === `prices/${key}` && run.size === largest && run.latencyMs === 0);
	const file = at('file');
	const items = at('items');
	if (file && !file.failure) {
		const live = file.peakLiveHeapMb === undefined || file.idleLiveHeapMb === undefined ? undefined : file.peakLiveHeapMb - file.idleLiveHeapMb;
		lines.push(
			`  target: file route peak heap growth < 100 MB at ${largest.toLocaleString('en')} rows: heap in use ${growth(file.peakHeapMb, file.idleHeapMb)} (${file.peakHeapMb! - file.idleHeapMb! < 100 ? 'met' : 'not met'}), live heap after full collections ${live === undefined ? 'not seen (no full GC)' : `+${live.toFixed(0)} MB (${live < 100 ? 'met' : 'not met'})`}`,
		);
		if (items && !items.failure)
			lines.push(
				`  target: file route at least as fast as the items route: file ${seconds(file.wallMs)} wall / ${seconds(file.nodeMs)} node; items ${seconds(items.wallMs)} wall (Extract From File ${seconds(items.extractMs)} + Update Prices ${seconds(items.nodeMs)}) (${file.wallMs! <= items.wallMs! ? 'met' : 'not met'})`,
			);
		else lines.push(`  target: file route at least as fast as the items route: the items route did not finish at ${largest.toLocaleString('en')} rows (${items?.failure ?? 'not run'})`);
	}
	return lines;
}
