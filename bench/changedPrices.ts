import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../scripts/n8nCore/runNode';
import { median } from './median';
import { priceRows } from './rawClients';
import { settleHeap } from './settleHeap';

/**
 * bolttech Update Prices against a partner answering after 25 ms (the contract server in its own
 * process): 100,000 prices of which 1% changed since the last run, with and without Send Only
 * Changed Prices (SKUs sent, the node's time as n8n measures it, the memory's size in the saved
 * workflow), and the whole list with 1, 2, 4, 8 and 16 Batches in Flight.
 */
const SKU_COUNT = 100_000;
const BATCH_SIZE = 1_000;
const ANSWER_AFTER_MS = 25;
const ROUNDS = 3;
const TOKEN = 'bench-token';
const IN_FLIGHT = [1, 2, 4, 8, 16];

interface ServerReport {
	url?: string;
	violations?: string[];
	requests?: number;
	rows?: number;
}

function nextMessage(child: ChildProcess): Promise<ServerReport> {
	return new Promise((resolve) => child.once('message', (message) => resolve(message as ServerReport)));
}

export async function measureChangedPrices(): Promise<string[]> {
	const child = fork(join(__dirname, 'contractServerProcess.js'), [TOKEN, String(ANSWER_AFTER_MS)]);
	const serverUrl = (await nextMessage(child)).url!;
	const wire = async () => {
		child.send('violations?');
		const report = await nextMessage(child);
		if (report.violations?.length) throw new Error(`Off-contract requests: ${report.violations[0]}`);
		return { requests: report.requests ?? 0, rows: report.rows ?? 0 };
	};
	const yesterday = priceRows(SKU_COUNT);
	const today = yesterday.map((row, index) => (index % 100 === 42 ? { ...row, price_net: row.price_net + 1 } : row));
	const run = async (items: typeof yesterday, options: IDataObject, staticData: IDataObject = {}) => {
		settleHeap();
		const result = await runNode({
			type: 'bolttech',
			parameters: { resource: 'catalog', operation: 'updatePrices', productCode: 'RENTAL-BENCH', batchSize: BATCH_SIZE, priceSyncOptions: options } as never,
			credentials: { bolttechApi: { baseUrl: serverUrl, accessToken: TOKEN } },
			items,
			mode: 'trigger',
			staticData,
		});
		if (result.error) throw result.error;
		const nodeMs = Object.values(result.run.data.resultData.runData)[0][0].executionTime;
		return { nodeMs, saved: result.savedStaticData ?? staticData, ...(await wire()) };
	};
	const lines: string[] = [];
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	try {
		// Yesterday's run, as the memory today's starts from.
		const { saved: memory } = await run(yesterday, { sendOnlyChanged: true });
		const all: Array<Awaited<ReturnType<typeof run>>> = [];
		const changed: Array<Awaited<ReturnType<typeof run>>> = [];
		for (let round = 0; round < ROUNDS; round++) {
			all.push(await run(today, {}));
			changed.push(await run(today, { sendOnlyChanged: true }, memory));
		}
		const bytes = JSON.stringify(changed[0].saved).length;
		lines.push(
			`bolttech Update Prices, ${SKU_COUNT.toLocaleString('en')} SKUs of which 1% changed, batches of ${BATCH_SIZE}, partner answering after ${ANSWER_AFTER_MS} ms, median of ${ROUNDS} rounds`,
			`  every SKU:                     ${all[0].rows} SKUs in ${all[0].requests} requests, node ${seconds(median(all.map((each) => each.nodeMs)))}`,
			`  Send Only Changed Prices:      ${changed[0].rows} SKUs in ${changed[0].requests} requests, node ${seconds(median(changed.map((each) => each.nodeMs)))}`,
			`  memory in the saved workflow:  ${(bytes / 1e6).toFixed(2)} MB, ${(bytes / SKU_COUNT).toFixed(1)} bytes per SKU`,
		);
		const curve: string[] = [];
		for (const inFlight of IN_FLIGHT) {
			const times: number[] = [];
			for (let round = 0; round < ROUNDS; round++) times.push((await run(yesterday, { batchesInFlight: inFlight })).nodeMs);
			curve.push(`${inFlight}: ${seconds(median(times))}`);
		}
		lines.push(`  every SKU by Batches in Flight (node time): ${curve.join(', ')}`);
	} finally {
		child.send('stop');
	}
	return lines;
}
