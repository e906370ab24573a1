import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { median } from './median';
import { peakMemory, resetPeakMemory } from './n8nProcess';
import type { ExecutionReport } from './peerHooks';
import { headerAuthImport, orderListWorkflows, partnerCredentialImport, priceSyncWorkflows } from './peerWorkflows';
import type { Partner, PeerWorkflow } from './peerWorkflows';
import { priceRows, rawCursorLoop, rawPriceSync } from './rawClients';
import { RUNTIME, N8N_VERSION, ensureN8nRuntime, importIntoN8n, installPackage, ownerSession, startN8n } from './n8nScripts';

/**
 * "Peers in n8n": in the real n8n `npm start` runs, Update Prices against the workflows a skilled
 * n8n user builds from n8n's own nodes for the same price sync, and Afosto's Return All against the
 * HTTP Request node's own pagination, next to a bare node doing the least any node can. Once with
 * a partner that answers at once and once with one that answers after 25 ms, where a raw script
 * sending the same requests one after another is the floor. One n8n, rounds interleaved, medians;
 * every run is checked to have sent the same requests and records.
 */

const TOKEN = 'bench-token';
const SKU_COUNT = 100_000;
const RECORDS = 50_000;
const LATENCIES_MS = [0, 25];
/**
 * The Afosto orders' shapes (bench/afostoListServerProcess.ts): three fields, and the order of the
 * Afosto API reference's example (about 1.8 KB). The lead of Return All over HTTP Request
 * pagination depends on the records' size, so both are measured in the same run.
 */
const ORDER_SHAPES = ['three-field', 'documented'] as const;
type OrderShape = (typeof ORDER_SHAPES)[number];
const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 5);
/** Apart from npm start's (5678), the e2e's (5690, sandbox 5680) and the queue bench's (5740–5770). */
const N8N_PORT = 5800;
const OWNER = { email: 'bench@sandbox.local', password: 'Bench-Sandbox-Pa55' };


/** Where a long run is, on stderr: the report itself goes to stdout at the end. */
const progress = (message: string) => process.stderr.write(`[peers in n8n] ${message}\n`);

interface ServerProcess {
	child: ChildProcess;
	url: string;
	ask: <T>(question: string) => Promise<T>;
}

async function serverProcess(script: string, args: string[]): Promise<ServerProcess> {
	const child = fork(join(__dirname, script), args);
	const next = <T>() => new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)));
	const { url } = await next<{ url: string }>();
	return {
		child,
		url,
		ask: <T>(question: string) => {
			const answer = next<T>();
			child.send(question);
			return answer;
		},
	};
}

/** One execution as n8n measured it, and the memory of n8n's processes while it ran. */
interface Execution {
	nodeMs: number;
	wallMs: number;
	outputItems: number;
	peakMb: number;
	startRssMb: number;
}

class N8nUnderTest {
	constructor(
		private readonly port: number,
		private readonly cookie: string,
		private readonly groupId: number,
		private readonly reportFile: string,
	) {}

	private async rest<T>(path: string, init: RequestInit = {}): Promise<T> {
		const response = await fetch(`http://127.0.0.1:${this.port}/rest${path}`, {
			...init,
			headers: { cookie: this.cookie, 'content-type': 'application/json', ...init.headers },
		});
		if (!response.ok) throw new Error(`${init.method ?? 'GET'} /rest${path}: ${response.status} ${await response.text()}`);
		return ((await response.json()) as { data: T }).data;
	}

	/**
	 * Publishes the workflows through the REST API, as the editor does: one request each, where
	 * n8n's publish:workflow command would start an n8n process each.
	 */
	async activate(ids: string[]): Promise<void> {
		for (const id of ids) {
			const { versionId } = await this.rest<{ versionId: string }>(`/workflows/${id}`);
			await this.rest(`/workflows/${id}/activate`, { method: 'POST', body: JSON.stringify({ versionId }) });
		}
	}

	/**
	 * POSTs `body` to the workflow's webhook and waits for the bench's hook to report the
	 * execution: its nodes' executionTime, startedAt→stoppedAt, and the n8n processes' peak
	 * memory while it ran.
	 */
	async run(workflow: PeerWorkflow, body: string): Promise<Execution> {
		const startRssMb = resetPeakMemory(this.groupId);
		const reported = this.reports.length;
		const url = `http://127.0.0.1:${this.port}/webhook/${workflow.path}`;
		for (const registered = Date.now() + 60_000; ; ) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			await response.arrayBuffer();
			if (response.ok) break;
			// Active workflows' webhooks are registered a moment after n8n answers its health check.
			if (response.status !== 404 || Date.now() > registered) throw new Error(`${workflow.id}: the webhook answered ${response.status}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const deadline = Date.now() + 180_000;
		let execution: ExecutionReport | undefined;
		while (!(execution = this.readReports().slice(reported).find(({ workflowId }) => workflowId === workflow.id))) {
			if (Date.now() > deadline) throw new Error(`${workflow.id}: no execution reported within 3 minutes`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const peakMb = peakMemory(this.groupId);
		if (execution.status !== 'success' || !execution.stoppedAt) throw new Error(`${workflow.id}: the execution ended ${execution.status}: ${execution.error ?? ''}`);
		const nodeMs = workflow.measuredNodes.reduce((sum, name) => sum + (execution.nodes[name]?.executionTime ?? 0), 0);
		const outputItems = execution.nodes[workflow.outputNode]?.lastOutputItems ?? 0;
		return { nodeMs, wallMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt), outputItems, peakMb, startRssMb };
	}

	private reports: ExecutionReport[] = [];

	private readReports(): ExecutionReport[] {
		const lines = existsSync(this.reportFile) ? readFileSync(this.reportFile, 'utf8').split('\n').filter(Boolean) : [];
		this.reports = lines.map((line) => JSON.parse(line) as ExecutionReport);
		return this.reports;
	}
}

/** bench-only nodes for N8N_CUSTOM_EXTENSIONS, which loads `<Class>.node.js` files exporting `<Class>`. */
function writeBareNodes(folder: string): void {
	mkdirSync(folder, { recursive: true });
	for (const [file, name] of [
		['bareBatchSender', 'BareBatchSender'],
		['bareCursorFollower', 'BareCursorFollower'],
	]) {
		writeFileSync(join(folder, `${name}.node.js`), `module.exports = require(${JSON.stringify(join(__dirname, `${file}.js`))});\n`);
	}
}

interface Sample {
	nodeMs: number[];
	wallMs: number[];
	peakMb: number[];
	startMb: number[];
}

const newSample = (): Sample => ({ nodeMs: [], wallMs: [], peakMb: [], startMb: [] });

export async function measurePeersInN8n(): Promise<string[]> {
	ensureN8nRuntime();
	const servers = new Map<number, { bolttech: ServerProcess; afosto: Map<OrderShape, ServerProcess> }>();
	for (const latency of LATENCIES_MS) {
		const afosto = new Map<OrderShape, ServerProcess>();
		for (const shape of ORDER_SHAPES) afosto.set(shape, await serverProcess('afostoListServerProcess.js', [String(RECORDS), TOKEN, String(latency), '0', shape]));
		servers.set(latency, { bolttech: await serverProcess('contractServerProcess.js', [TOKEN, String(latency)]), afosto });
	}
	const afostoServer = (latency: number, shape: OrderShape) => servers.get(latency)!.afosto.get(shape)!;
	/** One partner per latency and order shape; the price sync uses the first shape's (it reads no orders). */
	const partnerOf = (latencyMs: number, shape: OrderShape): Partner => ({
		latencyMs,
		bolttechUrl: servers.get(latencyMs)!.bolttech.url,
		afostoUrl: afostoServer(latencyMs, shape).url,
		bolttechCredential: `benchBolttech${latencyMs}ms`,
		afostoCredential: `benchAfosto${latencyMs}ms-${shape}`,
		orderShape: shape,
	});
	const partners = LATENCIES_MS.map((latencyMs) => partnerOf(latencyMs, ORDER_SHAPES[0]));
	const orderPartners = LATENCIES_MS.flatMap((latencyMs) => ORDER_SHAPES.map((shape) => partnerOf(latencyMs, shape)));
	const priceWorkflows = new Map(partners.map((partner) => [partner.latencyMs, priceSyncWorkflows(partner)]));
	const orderWorkflows = new Map(orderPartners.map((partner) => [`${partner.latencyMs}/${partner.orderShape}`, orderListWorkflows(partner)]));

	const userFolder = mkdtempSync(join(RUNTIME, 'bench-peers-'));
	let n8n: { child: ChildProcess; stop: () => void } | undefined;
	try {
		installPackage(userFolder);
		const customNodes = join(userFolder, 'bench-nodes');
		writeBareNodes(customNodes);
		const workflowFolder = join(userFolder, 'bench-workflows');
		mkdirSync(workflowFolder);
		const all = [...priceWorkflows.values(), ...orderWorkflows.values()].flatMap((variants) => Object.values(variants));
		for (const workflow of all) writeFileSync(join(workflowFolder, `${workflow.id}.json`), JSON.stringify(workflow.json));
		importIntoN8n({
			userFolder,
			port: N8N_PORT,
			credentials: [
				headerAuthImport(TOKEN),
				...partners.map((partner) => partnerCredentialImport('bolttechApi', partner.bolttechCredential, `bench bolttech ${partner.latencyMs}ms`, partner.bolttechUrl, TOKEN)),
				...orderPartners.map((partner) =>
					partnerCredentialImport('afostoApi', partner.afostoCredential, `bench Afosto ${partner.latencyMs}ms-${partner.orderShape}`, partner.afostoUrl, TOKEN),
				),
			],
			workflowFolders: [workflowFolder],
		});
		const reportFile = join(userFolder, 'executions.jsonl');
		n8n = await startN8n({
			port: N8N_PORT,
			userFolder,
			logFile: join(userFolder, 'n8n.log'),
			extra: { N8N_CUSTOM_EXTENSIONS: customNodes, EXTERNAL_HOOK_FILES: join(__dirname, 'peerHooks.js'), BENCH_PEERS_REPORT: reportFile },
		});
		const instance = new N8nUnderTest(N8N_PORT, await ownerSession(N8N_PORT, OWNER), n8n.child.pid!, reportFile);
		await instance.activate(all.map(({ id }) => id));
		progress(`n8n started with ${all.length} workflows`);

		const rows = priceRows(SKU_COUNT);
		const priceList = JSON.stringify({ rows });
		const batches = SKU_COUNT / 1_000;
		const pages = Math.ceil(RECORDS / 250);
		const checkPrices = async (latency: number, what: string) => {
			const report = await servers.get(latency)!.bolttech.ask<{ violations: string[]; requests: number; rows: number }>('violations?');
			if (report.violations.length) throw new Error(`${what}: off-contract requests: ${report.violations[0]}`);
			if (report.requests !== batches || report.rows !== SKU_COUNT)
				throw new Error(`${what}: expected ${batches} requests with ${SKU_COUNT} SKUs, the server saw ${report.requests} with ${report.rows}`);
		};
		const checkPages = async (latency: number, shape: OrderShape, what: string) => {
			const { requests } = await afostoServer(latency, shape).ask<{ requests: number }>('requests?');
			if (requests !== pages) throw new Error(`${what}: expected ${pages} page requests, the server saw ${requests}`);
		};
		const runPrices = async (latency: number, key: keyof ReturnType<typeof priceSyncWorkflows>) => {
			const workflow = priceWorkflows.get(latency)![key];
			const execution = await instance.run(workflow, priceList);
			await checkPrices(latency, workflow.id);
			if (execution.outputItems !== batches) throw new Error(`${workflow.id}: ${execution.outputItems} items out, not one per batch`);
			return execution;
		};
		const runOrders = async (latency: number, shape: OrderShape, key: keyof ReturnType<typeof orderListWorkflows>) => {
			const workflow = orderWorkflows.get(`${latency}/${shape}`)![key];
			const execution = await instance.run(workflow, '{}');
			await checkPages(latency, shape, workflow.id);
			if (execution.outputItems !== RECORDS) throw new Error(`${workflow.id}: ${execution.outputItems} records out, not ${RECORDS}`);
			return execution;
		};
		const rawPrices = async (latency: number) => {
			const started = performance.now();
			await rawPriceSync(servers.get(latency)!.bolttech.url, rows, 1_000, TOKEN);
			const elapsed = performance.now() - started;
			await checkPrices(latency, 'raw script');
			return elapsed;
		};
		const rawOrders = async (latency: number, shape: OrderShape) => {
			const started = performance.now();
			const records = await rawCursorLoop(afostoServer(latency, shape).url, { token: TOKEN, pageSize: 250 });
			const elapsed = performance.now() - started;
			if (records !== RECORDS) throw new Error(`raw cursor loop: ${records} records`);
			await checkPages(latency, shape, 'raw cursor loop');
			return elapsed;
		};

		const priceKeys = ['node', 'bare', 'loop', 'code'] as const;
		const orderKeys = ['node', 'bare', 'http'] as const;
		// Once each, unmeasured: n8n compiles and caches on first use.
		for (const key of priceKeys) await runPrices(0, key);
		for (const shape of ORDER_SHAPES) for (const key of orderKeys) await runOrders(0, shape, key);

		progress('warmed up');
		const samples = new Map<string, Sample>();
		const raw = new Map<string, number[]>();
		const keep = (name: string, execution: Execution) => {
			const sample = samples.get(name) ?? newSample();
			sample.nodeMs.push(execution.nodeMs);
			sample.wallMs.push(execution.wallMs);
			sample.peakMb.push(execution.peakMb);
			sample.startMb.push(execution.startRssMb);
			samples.set(name, sample);
		};
		const keepRaw = (name: string, ms: number) => raw.set(name, [...(raw.get(name) ?? []), ms]);
		const started = performance.now();
		for (let round = 0; round < ROUNDS; round++) {
			for (const latency of LATENCIES_MS) {
				for (const key of priceKeys) keep(`prices/${key}/${latency}`, await runPrices(latency, key));
				keepRaw(`prices/${latency}`, await rawPrices(latency));
				for (const shape of ORDER_SHAPES) {
					for (const key of orderKeys) keep(`orders/${key}/${latency}/${shape}`, await runOrders(latency, shape, key));
					keepRaw(`orders/${latency}/${shape}`, await rawOrders(latency, shape));
				}
			}
			progress(`round ${round + 1} of ${ROUNDS} done`);
		}
		const roundsSeconds = (performance.now() - started) / 1000;
		return report({ samples, raw, roundsSeconds });
	} finally {
		n8n?.stop();
		if (n8n && n8n.child.exitCode === null) await new Promise((resolve) => n8n!.child.once('exit', resolve));
		for (const { bolttech, afosto } of servers.values()) {
			bolttech.child.send('stop');
			for (const server of afosto.values()) server.child.send('stop');
		}
		rmSync(userFolder, { recursive: true, force: true });
	}
}

const LABELS: Record<string, string> = {
	'prices/node': 'Update Prices (this package)',
	'prices/bare': 'bare node (bench/bareBatchSender.ts)',
	'prices/loop': 'Loop Over Items (1,000) + Aggregate + HTTP Request',
	'prices/code': 'Code (chunks of 1,000) + HTTP Request',
	'orders/node': 'Afosto Orders, Return All (this package)',
	'orders/bare': 'bare node (bench/bareCursorFollower.ts)',
	'orders/http': 'HTTP Request, pagination on `x-page`',
};

function report({ samples, raw, roundsSeconds }: { samples: Map<string, Sample>; raw: Map<string, number[]>; roundsSeconds: number }): string[] {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	const of = (name: string) => {
		const sample = samples.get(name)!;
		return { node: median(sample.nodeMs), wall: median(sample.wallMs), peak: median(sample.peakMb), start: median(sample.startMb) };
	};
	const lines = [
		`peers in n8n ${N8N_VERSION}: ${SKU_COUNT.toLocaleString('en')} SKUs in batches of 1,000; ${RECORDS.toLocaleString('en')} Afosto orders in pages of 250 (${ORDER_SHAPES.join(' and ')}); one n8n, ${ROUNDS} interleaved rounds, medians (rounds took ${roundsSeconds.toFixed(0)} s)`,
		'',
		'| partner answers | workflow | node time | wall time | n8n peak RSS (at start) |',
		'|---|---|---|---|---|',
	];
	const targets: string[] = [];
	// The price sync, and Afosto's list once per order shape: each a task of its own, its samples keyed `<task>/<variant>/<latency>[/<shape>]`.
	const tasks = [
		{ task: 'prices', keys: ['node', 'bare', 'loop', 'code'], peers: ['loop', 'code'], name: 'Update Prices', goal: 2, shape: '' },
		...ORDER_SHAPES.map((shape) => ({ task: 'orders', keys: ['node', 'bare', 'http'], peers: ['http'], name: `Afosto Return All (${shape} orders)`, goal: 1.5, shape: `/${shape}` })),
	];
	for (const latency of LATENCIES_MS) {
		const where = latency === 0 ? 'at once' : `after ${latency} ms`;
		for (const { task, keys, peers, name, goal, shape } of tasks) {
			const sampleOf = (key: string) => of(`${task}/${key}/${latency}${shape}`);
			const rawMs = median(raw.get(`${task}/${latency}${shape}`)!);
			for (const key of keys) {
				const { node, wall, peak, start } = sampleOf(key);
				lines.push(`| ${where} | ${LABELS[`${task}/${key}`]}${shape ? ` (${shape.slice(1)} orders)` : ''} | ${seconds(node)} | ${seconds(wall)} | ${peak.toFixed(0)} MB (${start.toFixed(0)}) |`);
			}
			lines.push(`| ${where} | raw Node script, same requests one after another${shape ? ` (${shape.slice(1)} orders)` : ''} | ${seconds(rawMs)} | | |`);
			const ours = sampleOf('node');
			const bare = sampleOf('bare');
			const bestNode = Math.min(...peers.map((key) => sampleOf(key).node));
			const bestWall = Math.min(...peers.map((key) => sampleOf(key).wall));
			targets.push(
				`  ${name}, partner ${where}: ${(bestNode / ours.node).toFixed(2)}x faster than the best built-in workflow in node time, ${(bestWall / ours.wall).toFixed(2)}x in wall time (target >= ${goal}x); node / bare node ${(ours.node / bare.node).toFixed(2)}x (target <= 1.10x)` +
					(latency > 0 ? `; node / raw script ${(ours.node / rawMs).toFixed(2)}x (target <= 1.05x)` : ''),
			);
		}
	}
	return [...lines, '', ...targets];
}
