import '../scripts/n8nCore/environment';

import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { runNode } from '../scripts/n8nCore/runNode';
import type { NodeRun } from '../scripts/n8nCore/runNode';
import { measureAfostoListFile } from './afostoListFile';
import { measureAfostoNodeOverhead, measureAfostoPaging } from './afostoPaging';
import { BareBatchSender } from './bareBatchSender';
import { measureChangedPrices } from './changedPrices';
import { measureCallbackThroughput } from './callbackThroughput';
import { measurePeersInN8n } from './peersInN8n';
import { measureQueueThroughput } from './queueThroughput';
import { priceRows, rawPriceSync } from './rawClients';
import { measureScaleInN8n } from './scaleInN8n';
import { settleHeap } from './settleHeap';
import { measureStartUp } from './startUp';
import { median } from './median';

/**
 * `npm run bench`: the scheduled price sync, measured four ways in one run against one local
 * bolttech contract server (in its own process), and reported as ratios so the figures hold on
 * any machine. Rounds interleave them so that machine noise hits all of them alike.
 */

const TOKEN = 'bench-token';
const SKU_COUNT = 100_000;
const BATCH_SIZE = 1_000;
/** One request per item is ~100x slower, so it runs on a sample and is scaled to SKU_COUNT. */
const PER_ITEM_SAMPLE = 2_000;
const ROUNDS = 5;

const rows = priceRows(SKU_COUNT);

async function timed(action: () => Promise<void>): Promise<number> {
	settleHeap();
	const started = performance.now();
	await action();
	return performance.now() - started;
}

/** The baseline: the same batches, built and sent by a minimal script with no n8n in between. */
const rawScript = (serverUrl: string) => rawPriceSync(serverUrl, rows, BATCH_SIZE, TOKEN);

/** n8n's own measure of a node's run (`executionTime` of its task), in ms. */
let lastNodeExecutionTime = 0;

function keepExecutionTime(result: NodeRun, expectedItems: number): void {
	if (result.error) throw result.error;
	if (result.json.length !== expectedItems) throw new Error('a batch report is missing');
	lastNodeExecutionTime = Object.values(result.run.data.resultData.runData)[0][0].executionTime;
}

async function throughNode(serverUrl: string, items: typeof rows, batchSize: number): Promise<void> {
	const result = await runNode({
		type: 'bolttech',
		parameters: { resource: 'catalog', operation: 'updatePrices', productCode: 'RENTAL-BENCH', batchSize },
		credentials: { bolttechApi: { baseUrl: serverUrl, accessToken: TOKEN } },
		items,
	});
	keepExecutionTime(result, Math.ceil(items.length / batchSize));
}

const bareBatchSender = new BareBatchSender();

/** The same batches through n8n from a node that does nothing else: n8n's own share. */
async function throughBareNode(serverUrl: string): Promise<void> {
	const result = await runNode({
		type: bareBatchSender,
		parameters: { productCode: 'RENTAL-BENCH', batchSize: BATCH_SIZE },
		credentials: { bolttechApi: { baseUrl: serverUrl, accessToken: TOKEN } },
		items: rows,
	});
	keepExecutionTime(result, SKU_COUNT / BATCH_SIZE);
}

interface ServerReport {
	url?: string;
	violations?: string[];
	requests?: number;
}

function nextMessage(child: ChildProcess): Promise<ServerReport> {
	return new Promise((resolve) => child.once('message', (message) => resolve(message as ServerReport)));
}

async function main(): Promise<void> {
	const child = fork(join(__dirname, 'contractServerProcess.js'), [TOKEN]);
	const { url } = await nextMessage(child);
	const serverUrl = url!;
	const measure = async (action: () => Promise<void>, expectedRequests: number) => {
		const elapsed = await timed(action);
		child.send('violations?');
		const report = await nextMessage(child);
		if (report.violations?.length) throw new Error(`Off-contract requests: ${report.violations[0]}`);
		if (report.requests !== expectedRequests)
			throw new Error(`Expected ${expectedRequests} requests, the server saw ${report.requests}`);
		return elapsed;
	};
	const batches = SKU_COUNT / BATCH_SIZE;
	try {
		await measure(() => throughNode(serverUrl, rows.slice(0, 5_000), BATCH_SIZE), 5);
		await measure(() => rawScript(serverUrl), batches);
		await measure(() => throughBareNode(serverUrl), batches);

		const nodeTimes: number[] = [];
		const nodeOwnTimes: number[] = [];
		const rawTimes: number[] = [];
		const bareNodeTimes: number[] = [];
		const perItemTimes: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			nodeTimes.push(await measure(() => throughNode(serverUrl, rows, BATCH_SIZE), batches));
			nodeOwnTimes.push(lastNodeExecutionTime);
			rawTimes.push(await measure(() => rawScript(serverUrl), batches));
			await measure(() => throughBareNode(serverUrl), batches);
			bareNodeTimes.push(lastNodeExecutionTime);
			const sample = await measure(() => throughNode(serverUrl, rows.slice(0, PER_ITEM_SAMPLE), 1), PER_ITEM_SAMPLE);
			perItemTimes.push((sample * SKU_COUNT) / PER_ITEM_SAMPLE);
		}
		const node = median(nodeTimes);
		const nodeOwn = median(nodeOwnTimes);
		const raw = median(rawTimes);
		const bareNode = median(bareNodeTimes);
		const perItem = median(perItemTimes);
		const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
		console.log(
			`bolttech price sync: ${SKU_COUNT.toLocaleString('en')} SKUs in batches of ${BATCH_SIZE}, median of ${ROUNDS} rounds`,
		);
		console.log(`  node, Update Prices, as n8n times it       ${seconds(nodeOwn)}`);
		console.log(`  the same, with the harness around it     ${seconds(node)}`);
		console.log(`  raw Node script, same batches            ${seconds(raw)}`);
		console.log(`  a bare node sending the same batches     ${seconds(bareNode)}   (n8n's engine and request stack, no work of its own)`);
		console.log(`  node, batch size 1 (from ${PER_ITEM_SAMPLE.toLocaleString('en')} SKUs)    ${seconds(perItem)}`);
		console.log(`  node / raw script: ${(nodeOwn / raw).toFixed(2)}x as n8n times the node, ${(node / raw).toFixed(2)}x with the harness (target <= 1.30x)`);
		console.log(`  bare node / raw script: ${(bareNode / raw).toFixed(2)}x (what any node pays in n8n); node / bare node: ${(nodeOwn / bareNode).toFixed(2)}x (what Update Prices adds)`);
		console.log(`  batch size 1 / node: ${(perItem / node).toFixed(0)}x slower per item (target >= 50x)`);
	} finally {
		child.send('stop');
	}
}

/** Starts the e2e n8n (installing it on first use), measures, and stops it. */
async function callbackThroughputInN8n(): Promise<void> {
	const { startN8nWithSandbox, stopN8nWithSandbox } = require('../../scripts/n8nWithSandbox.js') as {
		startN8nWithSandbox: () => Promise<void>;
		stopN8nWithSandbox: () => Promise<void>;
	};
	await startN8nWithSandbox();
	try {
		for (const line of await measureCallbackThroughput(process.env.E2E_N8N_URL as string)) console.log(line);
	} finally {
		await stopN8nWithSandbox();
	}
}

async function afostoPaging(): Promise<void> {
	for (const line of await measureAfostoPaging()) console.log(line);
}

/** Afosto Return All against a bare node over many rounds, with the machine's own spread beside it. */
async function afostoOverhead(): Promise<void> {
	for (const line of await measureAfostoNodeOverhead()) console.log(line);
}

/** Afosto Return All into one file against one item per record: the heap's growth. */
async function afostoListFile(): Promise<void> {
	for (const line of await measureAfostoListFile()) console.log(line);
}

/** Update Prices with Send Only Changed Prices and by Batches in Flight, against a partner 25 ms away. */
async function changedPrices(): Promise<void> {
	for (const line of await measureChangedPrices()) console.log(line);
}

/** n8n in queue mode: callbacks with two workers and one, and a price sync on a worker. */
async function queueModeThroughput(): Promise<void> {
	for (const line of await measureQueueThroughput()) console.log(line);
}

/** The steps in a real n8n install the packed packages: `npm run pack` first. */
function packPackages(): void {
	const build = spawnSync('npm', ['run', 'pack', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error('npm run pack failed');
}

/**
 * In the real n8n: the nodes against the workflows users would build from n8n's own nodes, then
 * n8n's start-up with and without the package.
 */
async function peersInN8n(): Promise<void> {
	packPackages();
	for (const line of await measurePeersInN8n()) console.log(line);
	console.log('');
	for (const line of await measureStartUp()) console.log(line);
}

/** A million SKUs from a CSV file and large Afosto lists, each route in a fresh n8n (bench/scaleInN8n.ts). */
async function scaleInN8n(packed = true): Promise<void> {
	if (!packed) packPackages();
	for (const line of await measureScaleInN8n()) console.log(line);
}

/**
 * `npm run bench` runs every step but the queue-mode one; `--queue` adds it at the end (it
 * installs Postgres and Redis when missing); `--no-n8n` leaves out the steps in a real n8n.
 * `--<step>-only` runs one step alone (ONLY_STEPS).
 */
const inN8n = !process.argv.includes('--no-n8n');
const everything = () =>
	main()
		.then(afostoPaging)
		.then(afostoOverhead)
		.then(afostoListFile)
		.then(changedPrices)
		.then(() => (inN8n ? peersInN8n() : undefined))
		.then(() => (inN8n ? scaleInN8n() : undefined))
		.then(() => (inN8n ? callbackThroughputInN8n() : undefined))
		.then(() => (process.argv.includes('--queue') ? queueModeThroughput() : undefined));

/** The steps that run alone, by flag: the peers in n8n (with n8n's start-up), the routes at scale, … */
const ONLY_STEPS: Record<string, () => Promise<void>> = {
	'--queue-only': queueModeThroughput,
	'--peers-only': peersInN8n,
	'--scale-only': () => scaleInN8n(false),
	'--afosto-file-only': afostoListFile,
	'--afosto-overhead-only': afostoOverhead,
	'--changed-prices-only': changedPrices,
};
const only = Object.entries(ONLY_STEPS).find(([flag]) => process.argv.includes(flag))?.[1] ?? everything;
only()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
