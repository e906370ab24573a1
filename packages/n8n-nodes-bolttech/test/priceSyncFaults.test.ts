import { connectionReset, noAnswer } from '../../../sandbox/contractServer';
import type { ContractAnswer, ContractResponse } from '../../../sandbox/contractServer';
import type { NodeRun } from '../../../scripts/n8nCore/runNode';
import { incrementalOf, pricesIn, skus, usePriceSync } from '../../../test/harness/priceSyncSetup';

const SKU_COUNT = 10;
const BATCH_SIZE = 2;
/** Batch 3 of 5 holds SKU-00004 and SKU-00005. */
const MIDDLE_BATCH = 3;
/** Retries without waiting, batches one at a time, and a hang that counts as timed out after one second. */
const FAST_RETRIES = { maxRetries: 1, maxRetryWaitSeconds: 0, batchesInFlight: 1 };

const { server, syncPrices: syncPricesOf } = usePriceSync({ batchSize: BATCH_SIZE, priceSyncOptions: FAST_RETRIES, options: { requestTimeout: 1 } });
const syncPrices = (parameters: Record<string, unknown>, continueOnFail = false) =>
	syncPricesOf(skus(SKU_COUNT), parameters, { continueOnFail });

const accepted = (): ContractResponse => ({ status: 200, body: { status: 'success' } });
const errorStatus = (status: number) => (): ContractResponse => ({
	status,
	headers: { 'retry-after': '0' },
	body: { code: 'CATALOG_BUSY', message: `Injected ${status}` },
});

/** Faults after which the same request may succeed later: each is retried. */
const RETRYABLE_FAULTS: Array<[string, () => ContractAnswer, RegExp]> = [
	['429', errorStatus(429), /bolttech answered 429: CATALOG_BUSY: Injected 429/],
	['500', errorStatus(500), /bolttech answered 500: CATALOG_BUSY: Injected 500/],
	['502', errorStatus(502), /bolttech answered 502: CATALOG_BUSY: Injected 502/],
	['503', errorStatus(503), /bolttech answered 503: CATALOG_BUSY: Injected 503/],
	['504', errorStatus(504), /bolttech answered 504: CATALOG_BUSY: Injected 504/],
	['a reset connection', connectionReset, /connection|socket hang up|ECONNRESET/i],
	['no answer (timeout)', noAnswer, /bolttech did not answer POST \/v4\.1\/catalog\/action within 1 s/],
];
/** Answers that say bolttech did not take the list; after the others nobody knows whether it did. */
const isRefusal = (fault: string) => ['429', '503'].includes(fault);

/** 200 answers that are not the JSON the bolttech Catalog API (v4.1) and Verify IMEI (v4) documents. */
const NOT_JSON_ANSWERS: Array<[string, () => ContractResponse, string]> = [
	[
		'an HTML page',
		() => ({
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: Buffer.from('<html><body>Gateway maintenance page</body></html>'),
		}),
		'Item 0: bolttech answered 200 with HTML, not the JSON its documentation describes',
	],
	[
		'malformed JSON',
		() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"status": "succ') }),
		'Item 0: bolttech answered 200 with text that is not JSON, not the JSON its documentation describes',
	],
	[
		'an empty body',
		() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('') }),
		'Item 0: bolttech answered 200 with no body, not the JSON its documentation describes',
	],
];

/** Every SKU given is either in a successful batch's count or in an error item: never success with fewer. */
function expectEverySkuAccountedFor(result: NodeRun) {
	if (result.error) {
		expect(result.outputs.flat()).toHaveLength(0);
		return;
	}
	const acceptedSkus = result.json.filter((item) => item.status === 'success').reduce((sum, item) => sum + Number(item.skus), 0);
	const failedSkus = result.json.filter((item) => item.error).length;
	expect(acceptedSkus + failedSkus).toBe(SKU_COUNT);
}

describe('bolttech Catalog: Update Prices under faults', () => {
	describe.each(RETRYABLE_FAULTS)('after %s', (fault, injected, partnerMessage) => {
		it('sends the middle batch again and completes with every SKU', async () => {
			server.scriptNext('catalogAction', accepted, accepted, injected);

			const result = await syncPrices({});

			expect(result.error).toBeUndefined();
			server.assertNoViolations();
			const requests = server.requestsTo('catalogAction');
			expect(requests).toHaveLength(SKU_COUNT / BATCH_SIZE + 1);
			expect(pricesIn(requests[MIDDLE_BATCH])).toEqual(pricesIn(requests[MIDDLE_BATCH - 1]));
			expect(result.json.map((item) => item.attempts)).toEqual([1, 1, 2, 1, 1]);
			expect(result.json.every((item) => item.status === 'success')).toBe(true);
			expectEverySkuAccountedFor(result);
		});

		it('stops at the middle batch once Max Retries are used, naming it and what was and was not sent', async () => {
			server.scriptNext('catalogAction', accepted, accepted, injected, injected, injected);

			const result = await syncPrices({ priceSyncOptions: { ...FAST_RETRIES, maxRetries: 2 } });

			expect(server.requestsTo('catalogAction')).toHaveLength(2 + 3);
			expect(result.error?.message).toMatch(/^Price batch 3 of 5 \(2 SKUs, SKU-00004 to SKU-00005\) failed: /);
			expect(result.error?.message).toMatch(partnerMessage);
			const description = result.error?.description ?? '';
			expect(description).toContain("Accepted before it: 2 batches (4 SKUs); they stay applied, as with Incremental on each batch adds to bolttech's list.");
			expect(description).toContain(
				isRefusal(fault)
					? 'bolttech refused this batch: its 2 SKUs were not updated.'
					: "bolttech's answer does not say whether it took this batch: its 2 SKUs may or may not be updated.",
			);
			expect(description).toContain('Sent 3 times.');
			expect(description).toContain('Not sent: 2 batches after it (4 SKUs).');
			expect(description).toContain('6 of 10 SKUs are not confirmed as updated');
			expectEverySkuAccountedFor(result);
		});

		it("with Continue On Fail reports the middle batch's SKUs as error items and sends the batches after it", async () => {
			server.scriptNext('catalogAction', accepted, accepted, injected, injected);

			const result = await syncPrices({}, true);

			expect(result.error).toBeUndefined();
			expect(server.requestsTo('catalogAction')).toHaveLength(5 + 1);
			expect(result.json.map((item) => item.batch)).toEqual([1, 2, 3, 3, 4, 5]);
			const [first, second] = result.json.filter((item) => item.error);
			expect(first).toMatchObject({
				batch: 3,
				batches: 5,
				firstSku: 'SKU-00004',
				lastSku: 'SKU-00005',
				attempts: 2,
				applied: isRefusal(fault) ? 'no' : 'unknown',
				acceptedBefore: { batches: 2, skus: 4 },
				partner_device_id: 'SKU-00004',
				price_net: 10_004,
			});
			expect(first.error).toMatch(/^Price batch 3 of 5 \(2 SKUs, SKU-00004 to SKU-00005\) failed: /);
			expect(first.description).toContain('Accepted before it: 2 batches (4 SKUs)');
			expect(first.description).toContain('The batches after it are still sent (Continue On Fail)');
			expect(second).toMatchObject({ batch: 3, partner_device_id: 'SKU-00005' });
			expect(result.outputs[0][2].pairedItem).toEqual({ item: 4 });
			expectEverySkuAccountedFor(result);
		});

		it('sends the whole list again as one request (Incremental off) and completes', async () => {
			server.scriptNext('catalogAction', injected);

			const result = await syncPrices({ incremental: false });

			expect(result.error).toBeUndefined();
			const requests = server.requestsTo('catalogAction');
			expect(requests).toHaveLength(2);
			expect(requests.map(incrementalOf)).toEqual([false, false]);
			expect(requests.map((request) => pricesIn(request).length)).toEqual([SKU_COUNT, SKU_COUNT]);
			expect(result.json).toEqual([expect.objectContaining({ batch: 1, batches: 1, skus: SKU_COUNT, attempts: 2, status: 'success' })]);
		});

		it('fails the whole list (Incremental off) once Max Retries are used, saying what bolttech holds', async () => {
			server.scriptNext('catalogAction', injected, injected);

			const result = await syncPrices({ incremental: false });

			expect(server.requestsTo('catalogAction')).toHaveLength(2);
			expect(result.error?.message).toMatch(/^The whole price list \(10 SKUs, SKU-00000 to SKU-00009, one request\) failed: /);
			expect(result.error?.message).toMatch(partnerMessage);
			expect(result.error?.description).toContain(
				isRefusal(fault)
					? 'bolttech refused it: its price list was not replaced and still holds the previous prices. None of the SKUs were updated.'
					: "bolttech's answer does not say whether it took it: bolttech holds either its previous list or the whole new one, never part of it.",
			);
			expectEverySkuAccountedFor(result);
		});

		it('with Continue On Fail reports every SKU of the failed whole list as an error item', async () => {
			server.scriptNext('catalogAction', injected, injected);

			const result = await syncPrices({ incremental: false }, true);

			expect(result.error).toBeUndefined();
			expect(result.json).toHaveLength(SKU_COUNT);
			expect(result.json.every((item) => String(item.error).startsWith('The whole price list (10 SKUs'))).toBe(true);
			expect(result.json[0]).toMatchObject({ batch: 1, batches: 1, incremental: false, acceptedBefore: { batches: 0, skus: 0 } });
			expectEverySkuAccountedFor(result);
		});
	});

	describe.each(NOT_JSON_ANSWERS)('after a 200 with %s', (_answer, injected, message) => {
		it('fails the middle batch without counting it as sent, showing the status and first bytes', async () => {
			server.scriptNext('catalogAction', accepted, accepted, injected);

			const result = await syncPrices({});

			// A 2xx is not a fault to retry: bolttech may have taken the batch.
			expect(server.requestsTo('catalogAction')).toHaveLength(3);
			expect(result.error?.message).toContain(`Price batch 3 of 5 (2 SKUs, SKU-00004 to SKU-00005) failed: ${message}`);
			expect(result.error?.description).toContain("bolttech's answer does not say whether it took this batch: its 2 SKUs may or may not be updated.");
			expect(result.error?.description).toContain('Accepted before it: 2 batches (4 SKUs)');
			expectEverySkuAccountedFor(result);
		});

		it('with Continue On Fail turns that batch into error items, never into a success', async () => {
			server.scriptNext('catalogAction', accepted, accepted, injected);

			const result = await syncPrices({}, true);

			expect(result.json.filter((item) => item.status === 'success').map((item) => item.batch)).toEqual([1, 2, 4, 5]);
			expect(result.json.filter((item) => item.error).map((item) => item.partner_device_id)).toEqual(['SKU-00004', 'SKU-00005']);
			expectEverySkuAccountedFor(result);
		});

		it('fails the whole list (Incremental off), saying bolttech holds the old list or the whole new one', async () => {
			server.scriptNext('catalogAction', injected);

			const result = await syncPrices({ incremental: false });

			expect(server.requestsTo('catalogAction')).toHaveLength(1);
			expect(result.error?.message).toContain(`The whole price list (10 SKUs, SKU-00000 to SKU-00009, one request) failed: ${message}`);
			expect(result.error?.description).toContain('bolttech holds either its previous list or the whole new one, never part of it.');
			expectEverySkuAccountedFor(result);
		});
	});

	it('waits the Retry-After bolttech asks for, capped by Max Wait per Retry', async () => {
		const busy = (): ContractResponse => ({ status: 503, headers: { 'retry-after': '120' }, body: { code: 'BUSY', message: 'Later' } });
		server.scriptNext('catalogAction', accepted, busy);

		const started = Date.now();
		const result = await syncPrices({ priceSyncOptions: { maxRetries: 1, maxRetryWaitSeconds: 1 } });
		const elapsed = Date.now() - started;

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction')).toHaveLength(6);
		expect(elapsed).toBeGreaterThanOrEqual(950);
		expect(elapsed).toBeLessThan(10_000);
	});

	it('does not retry a 400: bolttech refused the batch for a reason sending again will not fix', async () => {
		server.scriptNext('catalogAction', accepted, () => ({ status: 400, body: { code: 'INVALID_DEVICE', message: 'Unknown partner device' } }));

		const result = await syncPrices({});

		expect(server.requestsTo('catalogAction')).toHaveLength(2);
		expect(result.error?.message).toBe(
			'Price batch 2 of 5 (2 SKUs, SKU-00002 to SKU-00003) failed: bolttech answered 400: INVALID_DEVICE: Unknown partner device',
		);
		expect(result.error?.description).toContain('Accepted before it: 1 batch (2 SKUs)');
		expect(result.error?.description).toContain('Not sent: 3 batches after it (6 SKUs).');
	});
});
