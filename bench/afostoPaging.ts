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

const throughNode = (serverUrl: string) =>
	timedRun({
		type: 'afostoOrders',
		parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: true },
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

export async function measureAfostoPaging(): Promise<string[]> {
	const child = fork(join(__dirname, 'afostoListServerProcess.js'), [String(RECORDS), TOKEN]);
	const { url } = await nextMessage<{ url: string }>(child);
	const pages = Math.ceil(RECORDS / PAGE_SIZE);
	const checkRequests = async () => {
		child.send('requests?');
		const { requests } = await nextMessage<{ requests: number }>(child);
		if (requests !== pages) throw new Error(`Expected ${pages} page requests, the server saw ${requests}`);
	};
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
		child.send('stop');
	}
}
