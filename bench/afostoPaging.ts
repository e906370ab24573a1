import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { runNode } from '../scripts/n8nCore/runNode';
import type { NodeRunRequest } from '../scripts/n8nCore/runNode';
import { BareCursorFollower } from './bareCursorFollower';
import { rawCursorLoop } from './rawClients';
import { settleHeap } from './settleHeap';
import { median } from './median';

/**
 * Afosto "Return All" over RECORDS orders in pages of 250, through the node (n8n's own
 * `executionTime` of it) next to a raw cursor loop with Node's http client and a bare node that
 * only follows the cursor through n8n, against the same local server in its own process; rounds
 * alternate them.
 */
const RECORDS = 50_000;
const PAGE_SIZE = 250;
const ROUNDS = 5;
const TOKEN = 'bench-token';

/** The baseline, a minimal cursor loop; `agent: false` opens a new connection per page. */
const rawLoop = (serverUrl: string, agent?: false) => rawCursorLoop(serverUrl, { token: TOKEN, pageSize: PAGE_SIZE, agent });

async function timedRun(request: NodeRunRequest): Promise<{ records: number; executionTime: number }> {
	settleHeap();
	const result = await runNode(request);
	if (result.error) throw result.error;
	const executionTime = Object.values(result.run.data.resultData.runData)[0][0].executionTime;
	return { records: result.json.length, executionTime };
}

/** Return All of Afosto Orders › Order › Get Many; `simplify: false` outputs the whole records. */
const throughNode = (serverUrl: string, simplify = true) =>
	timedRun({
		type: 'afostoOrders',
		parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: true, ...(simplify ? {} : { simplify: false }) },
		credentials: { afostoApi: { baseUrl: serverUrl, accessToken: TOKEN } },
	});

const bareCursorFollower = new BareCursorFollower();

/** The same pages through n8n from a node that does nothing else: n8n's own share. */
const throughBareNode = (serverUrl: string) =>
	timedRun({
		type: bareCursorFollower,
		parameters: { pageSize: PAGE_SIZE },
		credentials: { afostoApi: { baseUrl: serverUrl, accessToken: TOKEN } },
	});

function nextMessage<T>(child: ChildProcess): Promise<T> {
	return new Promise((resolve) => child.once('message', (message) => resolve(message as T)));
}

/** The server of RECORDS orders in its own process, its URL, and a check that a run asked for every page. */
async function startListServer() {
	const child = fork(join(__dirname, 'afostoListServerProcess.js'), [String(RECORDS), TOKEN]);
	const { url } = await nextMessage<{ url: string }>(child);
	const pages = Math.ceil(RECORDS / PAGE_SIZE);
	const checkRequests = async () => {
		child.send('requests?');
		const { requests } = await nextMessage<{ requests: number }>(child);
		if (requests !== pages) throw new Error(`Expected ${pages} page requests, the server saw ${requests}`);
	};
	return { url, pages, checkRequests, stop: () => child.send('stop') };
}

/** Rounds of the spread measurement: enough for the 10th and 90th percentiles to mean something. */
const SPREAD_ROUNDS = 20;

/** The value below which `share` of `values` lie (nearest rank). */
function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/**
 * Whether "Afosto node / bare node" above 1.1× is the node's or the machine's: SPREAD_ROUNDS rounds,
 * each timing the node (Simplify on, as a user gets it), the node with Simplify off, and the bare node
 * twice, in an order that alternates (ABBA) so neither side always runs first; each round's ratios
 * against its first bare run. Bare / bare is the same work twice: its spread is what this machine
 * scatters by, the yardstick for the others.
 */
export async function measureAfostoNodeOverhead(): Promise<string[]> {
	const server = await startListServer();
	type Run = 'node' | 'unsimplified' | 'bare' | 'bareAgain';
	const runOnce: Record<Run, () => Promise<{ records: number; executionTime: number }>> = {
		node: () => throughNode(server.url),
		unsimplified: () => throughNode(server.url, false),
		bare: () => throughBareNode(server.url),
		bareAgain: () => throughBareNode(server.url),
	};
	const order: Run[] = ['node', 'bare', 'unsimplified', 'bareAgain'];
	try {
		for (const run of order) {
			await runOnce[run]();
			await server.checkRequests();
		}
		const ratios: Record<Exclude<Run, 'bare'>, number[]> = { node: [], unsimplified: [], bareAgain: [] };
		for (let round = 0; round < SPREAD_ROUNDS; round++) {
			const times = {} as Record<Run, number>;
			for (const run of round % 2 === 0 ? order : [...order].reverse()) {
				const { records, executionTime } = await runOnce[run]();
				if (records !== RECORDS) throw new Error(`${run} returned ${records} records`);
				await server.checkRequests();
				times[run] = executionTime;
			}
			for (const run of Object.keys(ratios) as Array<keyof typeof ratios>) ratios[run].push(times[run] / times.bare);
		}
		const line = (label: string, values: number[]) =>
			`  ${label.padEnd(38)} median ${median(values).toFixed(2)}x, 10th-90th percentile ${percentile(values, 0.1).toFixed(2)}-${percentile(values, 0.9).toFixed(2)}x`;
		return [
			`Afosto Return All against a bare node: ${RECORDS.toLocaleString('en')} orders, ${SPREAD_ROUNDS} rounds (ABBA), each round's ratios to its bare run`,
			line('node (Simplify on) / bare node', ratios.node),
			line('node (Simplify off) / bare node', ratios.unsimplified),
			line('bare node / bare node (the noise)', ratios.bareAgain),
		];
	} finally {
		server.stop();
	}
}

export async function measureAfostoPaging(): Promise<string[]> {
	const { url, pages, checkRequests, stop } = await startListServer();
	try {
		await throughNode(url);
		await checkRequests();
		await throughBareNode(url);
		await checkRequests();
		const nodeTimes: number[] = [];
		const bareNodeTimes: number[] = [];
		const rawTimes: number[] = [];
		const newConnectionTimes: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const { records, executionTime } = await throughNode(url);
			if (records !== RECORDS) throw new Error(`The node returned ${records} records`);
			await checkRequests();
			nodeTimes.push(executionTime);
			const bare = await throughBareNode(url);
			if (bare.records !== RECORDS) throw new Error(`The bare node returned ${bare.records} records`);
			await checkRequests();
			bareNodeTimes.push(bare.executionTime);
			settleHeap();
			const started = performance.now();
			if ((await rawLoop(url)) !== RECORDS) throw new Error('The raw loop lost records');
			rawTimes.push(performance.now() - started);
			await checkRequests();
			settleHeap();
			const startedAgain = performance.now();
			if ((await rawLoop(url, false)) !== RECORDS) throw new Error('The raw loop lost records');
			newConnectionTimes.push(performance.now() - startedAgain);
			await checkRequests();
		}
		const node = median(nodeTimes);
		const raw = median(rawTimes);
		const newConnections = median(newConnectionTimes);
		const bareNode = median(bareNodeTimes);
		return [
			`Afosto Return All: ${RECORDS.toLocaleString('en')} orders in ${pages} pages of ${PAGE_SIZE}, median of ${ROUNDS} rounds`,
			`  node, as n8n times it               ${(node / 1000).toFixed(2)} s`,
			`  raw cursor loop (keep-alive)        ${(raw / 1000).toFixed(2)} s`,
			`  raw loop, new connection per page   ${(newConnections / 1000).toFixed(2)} s`,
			`  a bare node following the cursor    ${(bareNode / 1000).toFixed(2)} s   (n8n's engine and request stack, no work of its own)`,
			`  node / raw loop: ${(node / raw).toFixed(2)}x (target <= 1.30x)`,
			`  bare node / raw loop: ${(bareNode / raw).toFixed(2)}x (what any node pays in n8n); node / bare node: ${(node / bareNode).toFixed(2)}x (what the Afosto node adds)`,
			`  node / raw loop with a new connection per page, as n8n's request stack makes: ${(node / newConnections).toFixed(2)}x`,
		];
	} finally {
		stop();
	}
}
