import { performance } from 'node:perf_hooks';

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

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** n8n registers active workflows' webhooks just after it starts listening: wait for the URL. */
async function untilRegistered(url: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		// An empty list is no callback: the trigger refuses it with 400 and starts nothing.
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
		await response.arrayBuffer();
		if (response.status !== 404) return;
		if (Date.now() > deadline) throw new Error(`${url} is still not registered in n8n`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export async function measureCallbackThroughput(n8nUrl: string): Promise<string[]> {
	const trigger = `${n8nUrl}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/refund/success`;
	const webhook = `${n8nUrl}/webhook/e2e-webhook-baseline`;
	const callback = (index: number) => ({ code: 'OK', title: 'Refund done', service_id: `3460${index}` });
	await untilRegistered(trigger);
	await untilRegistered(webhook);
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
