import { performance } from 'node:perf_hooks';
import { median } from './median';

const { untilWebhookAnswers } = require('../../scripts/n8nRuntime.js') as {
	untilWebhookAnswers: (url: string, status: number) => Promise<void>;
};

/**
 * The MasStack Trigger under callback load in a real n8n, next to n8n's own Webhook node under the
 * same load: 1,000 POSTs, 50 at a time, rounds interleaved, medians. Needs the e2e n8n setup.
 */

const CALLBACKS = 1_000;
const CONCURRENCY = 50;
const ROUNDS = 3;

async function fire(url: string, body: (index: number) => unknown): Promise<number> {
	const started = performance.now();
	for (let start = 0; start < CALLBACKS; start += CONCURRENCY) {
		await Promise.all(
			Array.from({ length: Math.min(CONCURRENCY, CALLBACKS - start) }, async (_, offset) => {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body(start + offset)),
				});
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
			}),
		);
	}
	return performance.now() - started;
}

export async function measureCallbackThroughput(n8nUrl: string): Promise<string[]> {
	const trigger = `${n8nUrl}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/refund/success`;
	const webhook = `${n8nUrl}/webhook/e2e-webhook-baseline`;
	const callback = (index: number) => ({ code: 'OK', title: 'Refund done', service_id: `3460${index}` });
	// The trigger refuses an empty list; the Webhook node takes anything.
	await untilWebhookAnswers(trigger, 400);
	await untilWebhookAnswers(webhook, 200);
	await fire(trigger, callback);
	await fire(webhook, callback);
	const triggerTimes: number[] = [];
	const webhookTimes: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		triggerTimes.push(await fire(trigger, callback));
		webhookTimes.push(await fire(webhook, callback));
	}
	const perSecond = (ms: number) => (CALLBACKS / ms) * 1000;
	const ours = perSecond(median(triggerTimes));
	const baseline = perSecond(median(webhookTimes));
	return [
		`callbacks into a real n8n: ${CALLBACKS.toLocaleString('en')} POSTs, ${CONCURRENCY} at a time, median of ${ROUNDS} rounds`,
		`  MasStack Trigger   ${ours.toFixed(0)} callbacks/s`,
		`  n8n Webhook node   ${baseline.toFixed(0)} callbacks/s`,
		`  MasStack Trigger / Webhook node: ${(ours / baseline).toFixed(2)}x (target >= 0.95x)`,
	];
}
