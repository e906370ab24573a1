import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Container as ContainerOfN8nCore } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { runNode } from '../scripts/n8nCore/runNode';
import { settleHeap } from './settleHeap';

/**
 * Afosto "Return All" of orders of about 2 KB each (Simplify off), in pages of 250, through the
 * node in this process, with Output "One File" into n8n's binary data in its default mode outside
 * queue mode (filesystem) for a tenth of RECORDS and for RECORDS, and with Output "Items" for
 * ITEM_RECORDS, against the bench's Afosto in its own process. What it measures is memory: the
 * heap's growth while the node runs (its peak, sampled every 20 ms, garbage not yet collected
 * included) and what the run's output keeps on the heap once it is done. Items stop at 100,000:
 * n8n-core's RoutingNode adds a declarative node's items with one `push(...items)`, which
 * overflows the call stack at 200,000 ("Maximum call stack size exceeded").
 */
const RECORDS = 200_000;
const ITEM_RECORDS = 100_000;
const NOTE_BYTES = 1_900;
const TOKEN = 'bench-token';

/** The container n8n-core's helpers look services up in (n8n-core has its own copy of @n8n/di). */
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as { Container: typeof ContainerOfN8nCore };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface HeapRun {
	seconds: number;
	peakGrowth: number;
	keptGrowth: number;
	outputItems: number;
	fileBytes?: number;
}

async function measure(serverUrl: string, listOutput: 'items' | 'file', records: number): Promise<HeapRun> {
	settleHeap();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
	const started = performance.now();
	const result = await runNode({
		type: 'afostoOrders',
		parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: true, simplify: false, listOutput },
		credentials: { afostoApi: { baseUrl: serverUrl, accessToken: TOKEN } },
	});
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	if (result.error) throw result.error;
	const file = result.outputs[0][0]?.binary?.data as IBinaryData | undefined;
	const output = listOutput === 'file' ? result.json[0].records : result.json.length;
	if (output !== records) throw new Error(`Output ${listOutput}: ${String(output)} records, not ${records}`);
	settleHeap();
	const kept = process.memoryUsage().heapUsed;
	// The result stays referenced up to here, as n8n keeps a node's output for the next node.
	return { seconds, peakGrowth: peak - before, keptGrowth: kept - before, outputItems: result.outputs[0].length, fileBytes: file?.bytes };
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
	return new Promise((resolve) => child.once('message', (message) => resolve(message as T)));
}

/** One run against the bench's Afosto serving `records` orders, in its own process. */
async function measureAgainst(records: number, listOutput: 'items' | 'file'): Promise<HeapRun> {
	const child = fork(join(__dirname, 'afostoListServerProcess.js'), [String(records), TOKEN, '0', String(NOTE_BYTES)]);
	try {
		const { url } = await nextMessage<{ url: string }>(child);
		return await measure(url, listOutput, records);
	} finally {
		child.send('stop');
	}
}

export async function measureAfostoListFile(): Promise<string[]> {
	await Container.get(BinaryDataService).init();
	try {
		// The file route first, so that the items route's garbage cannot count against it.
		const smallFile = await measureAgainst(RECORDS / 10, 'file');
		const file = await measureAgainst(RECORDS, 'file');
		const items = await measureAgainst(ITEM_RECORDS, 'items');
		const line = (name: string, run: HeapRun) =>
			`  ${name.padEnd(30)} ${run.seconds.toFixed(1).padStart(6)} s   heap peak +${megabytes(run.peakGrowth).padStart(7)}   kept after the run +${megabytes(run.keptGrowth).padStart(7)}   ${run.outputItems} output item(s)`;
		return [
			`Afosto Return All of orders of about 2 KB in pages of 250 (Simplify off); n8n's binary data in filesystem mode`,
			line(`One File, ${(RECORDS / 10).toLocaleString('en')} orders`, smallFile),
			line(`One File, ${RECORDS.toLocaleString('en')} orders`, file),
			line(`Items, ${ITEM_RECORDS.toLocaleString('en')} orders`, items),
			`  the ${RECORDS.toLocaleString('en')}-order file: ${megabytes(file.fileBytes ?? 0)} on disk; 10x the orders to a file: heap peak ${(file.peakGrowth / smallFile.peakGrowth).toFixed(2)}x; One File (${RECORDS.toLocaleString('en')}) / Items (${ITEM_RECORDS.toLocaleString('en')}) heap peak: ${((100 * file.peakGrowth) / items.peakGrowth).toFixed(0)} %`,
		];
	} finally {
		rmSync(Container.get(BinaryDataConfig).localStoragePath, { recursive: true, force: true });
	}
}
