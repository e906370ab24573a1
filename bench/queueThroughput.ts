import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { median } from './median';
import { SandboxServer } from '../sandbox/sandboxServer';
import { SANDBOX_PARTNERS, SANDBOX_TOKENS } from '../sandbox/partners';

/**
 * n8n in queue mode (scripts/queueMode.js: Postgres, Redis, main, webhook processor, workers):
 * MasStack callbacks per second through the webhook processor with two workers, then one, next to
 * n8n's own Webhook node under the same load; then bolttech Update Prices of 100,000 SKUs on a
 * worker. A callback counts once its execution has finished on a worker ("executed"); "answered"
 * is how fast the webhook processor took them in.
 */

interface QueueStack {
	folder: string;
	userFolder: string;
	webhookPort: number;
	webhookPorts: number[];
	workerPorts: number[];
}

const queueMode = require('../../scripts/queueMode.js') as {
	QUEUE_RUNTIME: string;
	describeStack: (options: Record<string, unknown>) => QueueStack;
	sandboxCredentials: (sandboxUrl: string, tokens: unknown) => unknown[];
	startQueueMode: (stack: QueueStack, options: Record<string, unknown>) => Promise<string>;
	stopQueueMode: (stack: QueueStack) => Promise<void>;
	stopRole: (stack: QueueStack, role: string) => Promise<void>;
	queryDatabase: (stack: QueueStack, sql: string) => string[][];
};
const { RUNTIME, untilWebhookAnswers } = require('../../scripts/n8nRuntime.js') as {
	RUNTIME: string;
	untilWebhookAnswers: (url: string, status: number) => Promise<void>;
};

const ROOT = join(__dirname, '..', '..');
/** Apart from npm start's, the single-instance e2e's and the queue e2e's ports. */
const PORTS = { n8n: 5740, postgres: 5760, redis: 5761, sandbox: 5770 };
const CALLBACKS = 500;
const ROUNDS = 4;
const CONCURRENCY = 100;
const SKU_COUNT = 100_000;

/** POSTs CALLBACKS, CONCURRENCY at a time, the i-th to `urls[i % urls.length]` (a round-robin load balancer); returns how long it took and the answers other than 200. */
async function postAll(urls: string[], body: (index: number) => unknown) {
	const started = performance.now();
	const refused: number[] = [];
	for (let start = 0; start < CALLBACKS; start += CONCURRENCY) {
		await Promise.all(
			Array.from({ length: Math.min(CONCURRENCY, CALLBACKS - start) }, async (_, offset) => {
				const index = start + offset;
				const response = await fetch(urls[index % urls.length], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body(index)) });
				await response.arrayBuffer();
				if (response.status !== 200) refused.push(response.status);
			}),
		);
	}
	return { elapsed: performance.now() - started, refused };
}

/** Finished executions of a workflow, from the database. */
function finishedCount(stack: QueueStack, workflowId: string): number {
	return Number(queueMode.queryDatabase(stack, `SELECT count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' AND status NOT IN ('new', 'running')`)[0][0]);
}

async function untilFinished(stack: QueueStack, workflowId: string, count: number): Promise<void> {
	for (const deadline = Date.now() + 600_000; finishedCount(stack, workflowId) < count; ) {
		if (Date.now() > deadline) throw new Error(`${workflowId}: fewer than ${count} executions finished in 10 minutes`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

interface Throughput {
	answered: number;
	executed: number;
	refused: number[];
}

/** Fires CALLBACKS at `urls` and times them until answered and until their executions finished. */
async function throughput(stack: QueueStack, workflowId: string, urls: string[]): Promise<Throughput> {
	const before = finishedCount(stack, workflowId);
	const started = performance.now();
	const { elapsed, refused } = await postAll(urls, (index) => ({ code: 'OK', title: 'Service created', service_id: `7${String(index).padStart(8, '0')}` }));
	const accepted = CALLBACKS - refused.length;
	await untilFinished(stack, workflowId, before + accepted);
	const executedMs = performance.now() - started;
	return { answered: (accepted / elapsed) * 1000, executed: (accepted / executedMs) * 1000, refused };
}

const TRIGGER_PATH = 'e2e00000-0000-4000-8000-00000000005f/masstack/service/success';

/**
 * The MasStack Trigger and n8n's Webhook node with `webhookProcessors` of the stack's webhook
 * processors behind a round-robin balancer: ROUNDS rounds each, in the order trigger, webhook,
 * webhook, trigger… (ABBA), so a drift of the machine during the step weighs on both alike; the
 * median of each.
 */
async function callbackLines(stack: QueueStack, workers: number, webhookProcessors: number): Promise<string[]> {
	const bases = stack.webhookPorts.slice(0, webhookProcessors).map((port) => `http://127.0.0.1:${port}/webhook`);
	const runs = { trigger: [] as Throughput[], baseline: [] as Throughput[] };
	for (let round = 0; round < ROUNDS; round++) {
		const order = round % 2 === 0 ? (['trigger', 'baseline'] as const) : (['baseline', 'trigger'] as const);
		for (const which of order) {
			runs[which].push(
				which === 'trigger'
					? await throughput(stack, 'e2eMasStackLoad', bases.map((base) => `${base}/${TRIGGER_PATH}`))
					: await throughput(stack, 'e2eWebhookBaseline', bases.map((base) => `${base}/e2e-webhook-baseline`)),
			);
		}
	}
	const trigger = { answered: median(runs.trigger.map(({ answered }) => answered)), executed: median(runs.trigger.map(({ executed }) => executed)) };
	const baseline = { answered: median(runs.baseline.map(({ answered }) => answered)), executed: median(runs.baseline.map(({ executed }) => executed)) };
	const rate = (value: number) => `${value.toFixed(0).padStart(4)}/s`;
	const refusals = [...runs.trigger, ...runs.baseline].flatMap(({ refused }) => refused);
	return [
		`  ${workers} worker(s) (concurrency 5 each), ${webhookProcessors} webhook processor(s), median of ${ROUNDS}:`,
		`    MasStack Trigger   answered ${rate(trigger.answered)}   executed ${rate(trigger.executed)}   (rounds: ${runs.trigger.map(({ executed }) => executed.toFixed(0)).join(', ')})`,
		`    n8n Webhook node   answered ${rate(baseline.answered)}   executed ${rate(baseline.executed)}   (rounds: ${runs.baseline.map(({ executed }) => executed.toFixed(0)).join(', ')})`,
		`    MasStack Trigger / Webhook node, executed: ${(trigger.executed / baseline.executed).toFixed(2)}x`,
		...(refusals.length ? [`    refused (not counted): ${refusals.length}, with ${[...new Set(refusals)].join(', ')}`] : []),
	];
}

async function priceSyncLine(stack: QueueStack): Promise<string> {
	const rows = Array.from({ length: SKU_COUNT }, (_, index) => ({ partner_device_id: `SKU-${String(index).padStart(6, '0')}`, price_net: 10_000 + (index % 90_000) }));
	const started = performance.now();
	const response = await fetch(`http://127.0.0.1:${stack.webhookPort}/webhook/bench-price-sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rows }),
	});
	const answer = (await response.json()) as { batches?: Array<{ status: string }> };
	const elapsed = performance.now() - started;
	const batches = answer.batches ?? [];
	if (response.status !== 200 || batches.length !== SKU_COUNT / 1_000 || batches.some(({ status }) => status !== 'success')) {
		throw new Error(`Update Prices on a worker did not report ${SKU_COUNT / 1_000} successful batches: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
	}
	return `  bolttech Update Prices, ${SKU_COUNT.toLocaleString('en')} SKUs in ${batches.length} batches of 1,000 on a worker: ${(elapsed / 1000).toFixed(1)} s from POST to answer (the webhook processor receives the list, a worker sends it)`;
}

/** Starts a queue-mode stack with the sandbox, measures, stops it, and returns the report's lines. */
export async function measureQueueThroughput(): Promise<string[]> {
	const sandbox = await new SandboxServer(SANDBOX_PARTNERS, 200, join(ROOT, 'sandbox', 'files')).start(PORTS.sandbox);
	mkdirSync(queueMode.QUEUE_RUNTIME, { recursive: true });
	const stack = queueMode.describeStack({
		folder: mkdtempSync(join(queueMode.QUEUE_RUNTIME, 'bench-')),
		userFolder: mkdtempSync(join(RUNTIME, 'queue-bench-')),
		basePort: PORTS.n8n,
		postgresPort: PORTS.postgres,
		redisPort: PORTS.redis,
		workers: 2,
		webhookProcessors: 2,
		// Info logs of every execution would weigh on the figures.
		environment: { N8N_LOG_LEVEL: 'warn' },
	});
	try {
		await queueMode.startQueueMode(stack, {
			credentials: queueMode.sandboxCredentials(sandbox.url, SANDBOX_TOKENS),
			workflowFolders: [join(ROOT, 'bench', 'workflows')],
			activate: ['e2eMasStackLoad', 'e2eWebhookBaseline', 'queuePriceSync'],
			owner: { email: 'bench@sandbox.local', password: 'Bench-Sandbox-Pa55' },
			fromMigratedTemplate: true,
		});
		for (const port of stack.webhookPorts) await untilWebhookAnswers(`http://127.0.0.1:${port}/webhook/${TRIGGER_PATH}`, 400);
		const lines = [
			`callbacks into n8n in queue mode (webhook processors, Postgres, Redis): ${CALLBACKS.toLocaleString('en')} POSTs a round, ${CONCURRENCY} at a time, load average ${loadavg()[0].toFixed(1)} at the start`,
		];
		for (const webhookProcessors of [1, 2]) lines.push(...(await callbackLines(stack, 2, webhookProcessors)));
		await queueMode.stopRole(stack, 'worker-2');
		for (const webhookProcessors of [1, 2]) lines.push(...(await callbackLines(stack, 1, webhookProcessors)));
		lines.push(await priceSyncLine(stack));
		return lines;
	} finally {
		await queueMode.stopQueueMode(stack);
		await sandbox.stop();
		rmSync(stack.folder, { recursive: true, force: true });
		rmSync(stack.userFolder, { recursive: true, force: true });
	}
}
