/**
 * 1,000 MasStack callbacks, 50 at a time, to an active MasStack Trigger workflow in the real n8n:
 * every one is answered 200 and becomes exactly one execution. Throughput is compared with n8n's
 * own Webhook node in `npm run bench`; here only correctness is asserted.
 */

import { executionsOf, n8nUrl, until } from './n8nApi';

async function sendInWaves(total: number, concurrency: number, send: (index: number) => Promise<number>) {
	const statuses: number[] = [];
	for (let start = 0; start < total; start += concurrency) {
		const wave = Array.from({ length: Math.min(concurrency, total - start) }, (_, offset) => send(start + offset));
		statuses.push(...(await Promise.all(wave)));
	}
	return statuses;
}

it('turns 1,000 callbacks sent 50 at a time into exactly 1,000 executions', async () => {
	const url = `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-00000000005f/masstack/service/success`;
	// startN8n.js has waited until n8n registered this very URL.
	const statuses = await sendInWaves(1_000, 50, async (index) => {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'Request-Correlation-Id': `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			},
			body: JSON.stringify({ code: 'OK', title: 'Service created', service_id: `3460${String(index).padStart(7, '0')}` }),
		});
		await response.arrayBuffer();
		return response.status;
	});

	expect(statuses.flatMap((status, index) => (status === 200 ? [] : [`callback ${index}: ${status}`]))).toEqual([]);
	const settled = await until(async () => {
		const { count } = await executionsOf('e2eMasStackLoad', 1);
		return count >= 1_000 ? count : undefined;
	}, 120_000);
	expect(settled).toBe(1_000);
	// A correctness test under load, not a timing test: on a busy 2-core machine 1,000 executions
	// take a few minutes, so it gets room (throughput is measured in `npm run bench`).
}, 360_000);
