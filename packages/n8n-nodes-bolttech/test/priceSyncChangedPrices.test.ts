import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { MAX_REMEMBERED_SKUS, PriceMemory, decodeMemory, skuKeyOf } from '../nodes/Bolttech/resources/catalog/priceMemory';
import type { PriceRow } from '../nodes/Bolttech/resources/catalog/priceRows';
import { startLoopbackServer, stopServer, urlOf } from '../../../sandbox/loopbackServer';
import type { NodeRun } from '../../../scripts/n8nCore/runNode';
import { BOLTTECH_TOKEN } from '../../../test/harness/bolttechSetup';
import { onePercentChanged, pricesIn, skus, usePriceSync } from '../../../test/harness/priceSyncSetup';

/**
 * Send Only Changed Prices and Batches in Flight, through n8n-core: each run starts from the static
 * data the previous run left for n8n to save (savedStaticData: nothing in manual mode, as n8n 2.x
 * saves none then), as n8n loads it with the workflow before each production execution.
 */

/**
 * A partner in front of the contract server that answers each request after `delayMs` and counts
 * how many it holds at once, and when each request arrived and was answered.
 */
class SlowPartner {
	/** How long the partner takes to answer a batch of these SKUs. */
	delayOf: (skus: string[]) => number = () => 30;
	inFlight = 0;
	maxInFlight = 0;
	readonly timeline: Array<{ skus: string[]; prices: number[]; arrived: number; answered: number }> = [];
	private server?: Server;

	constructor(private readonly contract: { handle(request: IncomingMessage, response: ServerResponse): Promise<void> }) {}

	get url() {
		return urlOf(this.server, 'slow partner');
	}

	async start() {
		this.server = await startLoopbackServer((request, response) => {
			this.inFlight++;
			this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
			const entry = { skus: [] as string[], prices: [] as number[], arrived: performance.now(), answered: 0 };
			this.timeline.push(entry);
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('finish', () => {
				this.inFlight--;
				entry.answered = performance.now();
			});
			request.on('end', () => {
				const rows = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { payload: { asset_model_prices: Array<{ partner_device_id: string; price_net: number }> } }).payload
					.asset_model_prices;
				entry.skus = rows.map((row) => row.partner_device_id);
				entry.prices = rows.map((row) => row.price_net);
				// The contract server reads the body again: hand it a request that replays it.
				const { Readable } = require('node:stream') as typeof import('node:stream');
				const replay = Object.assign(Readable.from([Buffer.concat(chunks)]), { headers: request.headers, method: request.method, url: request.url });
				setTimeout(() => void this.contract.handle(replay as unknown as IncomingMessage, response), this.delayOf(entry.skus));
			});
		});
	}

	reset() {
		this.delayOf = () => 30;
		this.inFlight = 0;
		this.maxInFlight = 0;
		this.timeline.length = 0;
	}

	async stop() {
		await stopServer(this.server);
	}
}

const { server, syncPrices, sentSkus } = usePriceSync({ batchSize: 500, priceSyncOptions: { sendOnlyChanged: true, maxRetryWaitSeconds: 0 } });
const slowPartner = new SlowPartner(server);
beforeAll(async () => await slowPartner.start());
afterAll(async () => await slowPartner.stop());
beforeEach(() => slowPartner.reset());

/** The node's memory as n8n keeps it between executions of the workflow. */
class SavedWorkflow {
	staticData: IDataObject = {};

	async run(items: object[], parameters: Record<string, unknown> = {}, mode: WorkflowExecuteMode = 'webhook', extra: Record<string, unknown> = {}): Promise<NodeRun> {
		const result = await syncPrices(items, parameters, { mode, staticData: this.staticData, ...extra });
		// n8n saves static data a node changed, unless the execution is manual.
		if (result.savedStaticData) this.staticData = result.savedStaticData;
		return result;
	}
}

const options = (more: Record<string, unknown>) => ({ priceSyncOptions: { sendOnlyChanged: true, maxRetryWaitSeconds: 0, ...more } });

describe('bolttech Update Prices: Send Only Changed Prices', () => {
	it('sends every SKU on the first production run and remembers them in about 14 bytes per SKU of static data', async () => {
		const workflow = new SavedWorkflow();

		const result = await workflow.run(skus(2000));

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(sentSkus()).toEqual(skus(2000).map((row) => row.partner_device_id));
		expect(result.json).toHaveLength(4);
		expect(result.json[0]).toMatchObject({
			batch: 1,
			batches: 4,
			skus: 500,
			status: 'success',
			priceChanges: { new: 2000, changed: 0, unchanged: 0, missingFromInput: 0, rememberedBeforeRun: 0, memory: 'updated' },
		});
		const saved = JSON.stringify(workflow.staticData);
		// One string of 14 characters per SKU, under the node's name and the product code.
		expect(saved.length).toBeGreaterThanOrEqual(2000 * 14);
		expect(saved.length).toBeLessThan(2000 * 14 + 100);
		expect(Object.keys(workflow.staticData)).toEqual(['node:Node Under Test']);
	});

	it('sends only the 1% of SKUs whose price changed on the next run, and counts new, changed, unchanged and missing ones', async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(2000));
		server.reset();

		// 20 changed prices, 5 SKUs gone from the list, 3 new ones.
		const list = [...onePercentChanged(2000).slice(5), { partner_device_id: 'NEW-1', price_net: 1 }, { partner_device_id: 'NEW-2', price_net: 2 }, { partner_device_id: 'NEW-3', price_net: 3 }];
		const result = await workflow.run(list);

		expect(result.error).toBeUndefined();
		const changed = onePercentChanged(2000).filter((row, index) => index % 100 === 7);
		expect(server.requestsTo('catalogAction')).toHaveLength(1);
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([...changed, { partner_device_id: 'NEW-1', price_net: 1 }, { partner_device_id: 'NEW-2', price_net: 2 }, { partner_device_id: 'NEW-3', price_net: 3 }]);
		expect(result.json).toEqual([
			expect.objectContaining({ batch: 1, batches: 1, skus: 23, status: 'success', priceChanges: { new: 3, changed: 20, unchanged: 1975, missingFromInput: 5, rememberedBeforeRun: 2000, memory: 'updated' } }),
		]);

		server.reset();
		const again = await workflow.run(list);
		expect(server.requestsTo('catalogAction')).toHaveLength(0);
		// Nothing sent, nothing to write: n8n has no changed static data to save.
		expect(again.changedStaticData).toBeUndefined();
		expect(again.json).toEqual([
			{ batches: 0, skus: 0, incremental: true, status: 'unchanged', priceChanges: { new: 0, changed: 0, unchanged: 1998, missingFromInput: 5, rememberedBeforeRun: 2003, memory: 'as before (nothing sent)' } },
		]);
	});

	it("forgets a failed batch's SKUs, so that the next run sends them again; the batches not sent keep their old entries", async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(1000), { batchSize: 10 });
		server.reset();
		// 30 changed prices: batches of 10, the second refused, the third not sent as the run stops.
		const list = skus(1000).map((row, index) => (index < 30 ? { ...row, price_net: row.price_net + 5 } : row));
		server.scriptNext(
			'catalogAction',
			() => ({ status: 200, body: { status: 'success' } }),
			() => ({ status: 400, body: { code: 'INVALID_DEVICE', message: 'Unknown partner device' } }),
		);

		const failed = await workflow.run(list, { batchSize: 10, ...options({ batchesInFlight: 1 }) });

		expect(failed.error?.message).toBe('Price batch 2 of 3 (10 SKUs, SKU-00010 to SKU-00019) failed: bolttech answered 400: INVALID_DEVICE: Unknown partner device');
		expect(failed.error?.description).toContain('Not sent: 1 batch after it (10 SKUs).');
		expect(server.requestsTo('catalogAction')).toHaveLength(2);
		// The run failed, and n8n still saves the memory the node left (n8n-core hands it to workflowExecuteAfter).
		expect(failed.savedStaticData).toBeDefined();

		server.reset();
		const rerun = await workflow.run(list, { batchSize: 10 });

		expect(rerun.error).toBeUndefined();
		// Batch 1's SKUs were accepted; batch 2's were refused and batch 3's never sent.
		expect(sentSkus()).toEqual(list.slice(10, 30).map((row) => row.partner_device_id));
		expect(rerun.json[0]).toMatchObject({ priceChanges: { new: 10, changed: 10, unchanged: 980 } });
	});

	it("forgets a batch whose answer does not say whether bolttech took it (a 500), and resends it even when the price went back", async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(20), { batchSize: 10 });
		server.reset();
		const raised = skus(20).map((row) => ({ ...row, price_net: row.price_net + 1 }));
		server.scriptNext('catalogAction', () => ({ status: 200, body: { status: 'success' } }), () => ({ status: 500, body: { code: 'ERROR', message: 'Internal' } }));
		const failed = await workflow.run(raised, { batchSize: 10, ...options({ maxRetries: 0, batchesInFlight: 1 }) });
		expect(failed.error?.message).toContain('Price batch 2 of 2');
		server.reset();

		// bolttech may hold the raised prices of batch 2: the old prices are not "unchanged" for it.
		await workflow.run(skus(20), { batchSize: 10 });

		expect(sentSkus()).toEqual(skus(20).map((row) => row.partner_device_id));
	});

	it('with Dry Run outputs the SKUs that would be sent and the counts, sending nothing and changing no memory', async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(300));
		server.reset();
		const before = JSON.stringify(workflow.staticData);
		const list = [...onePercentChanged(300), { partner_device_id: 'NEW-1', price_net: 1 }];

		const result = await workflow.run(list, options({ dryRun: true }));

		expect(result.error).toBeUndefined();
		expect(server.received).toHaveLength(0);
		expect(result.changedStaticData).toBeUndefined();
		expect(JSON.stringify(workflow.staticData)).toBe(before);
		expect(result.json).toEqual([
			{
				dryRun: true,
				productCode: 'RENTAL-ES-01',
				skusToSend: 4,
				batchesToSend: 1,
				priceChanges: { new: 1, changed: 3, unchanged: 297, missingFromInput: 0, rememberedBeforeRun: 300, memory: 'not changed (Dry Run)' },
				wouldSend: [
					{ change: 'changed', partner_device_id: 'SKU-00007', price_net: 10008 },
					{ change: 'changed', partner_device_id: 'SKU-00107', price_net: 10108 },
					{ change: 'changed', partner_device_id: 'SKU-00207', price_net: 10208 },
					{ change: 'new', partner_device_id: 'NEW-1', price_net: 1 },
				],
			},
		]);
	});

	it('reads the memory in a manual run but does not change it, so a test run never changes what production runs remember', async () => {
		const workflow = new SavedWorkflow();
		const manualFirst = await workflow.run(skus(300), {}, 'manual');
		expect(sentSkus()).toHaveLength(300);
		expect(manualFirst.changedStaticData).toBeUndefined();
		expect(manualFirst.json[0]).toMatchObject({ priceChanges: { new: 300, memory: 'not changed (manual run)' } });

		await workflow.run(skus(300));
		server.reset();
		const before = JSON.stringify(workflow.staticData);
		const manual = await workflow.run(onePercentChanged(300), {}, 'manual');

		expect(sentSkus()).toEqual(['SKU-00007', 'SKU-00107', 'SKU-00207']);
		// The node did not touch the static data: n8n-core has nothing changed to hand on.
		expect(manual.changedStaticData).toBeUndefined();
		expect(JSON.stringify(workflow.staticData)).toBe(before);

		server.reset();
		// The next production run still sees the three as changed.
		await workflow.run(onePercentChanged(300));
		expect(sentSkus()).toEqual(['SKU-00007', 'SKU-00107', 'SKU-00207']);
	});

	it('sends only the last price of a SKU listed twice, and remembers that one', async () => {
		const workflow = new SavedWorkflow();
		const twice = [
			{ partner_device_id: 'A', price_net: 100 },
			{ partner_device_id: 'B', price_net: 5 },
			{ partner_device_id: 'A', price_net: 200 },
		];
		const first = await workflow.run(twice);
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([[{ partner_device_id: 'B', price_net: 5 }, { partner_device_id: 'A', price_net: 200 }]]);
		expect(first.json[0]).toMatchObject({ priceChanges: { new: 2, changed: 0, unchanged: 0 } });

		server.reset();
		await workflow.run([{ partner_device_id: 'A', price_net: 200 }, { partner_device_id: 'B', price_net: 5 }]);
		await workflow.run(twice);
		expect(server.received).toHaveLength(0);

		await workflow.run([{ partner_device_id: 'A', price_net: 200 }, { partner_device_id: 'A', price_net: 100 }]);
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([[{ partner_device_id: 'A', price_net: 100 }]]);
	});

	it('sends both SKUs of a shared fingerprint on every run and remembers neither, while the other SKUs are remembered', async () => {
		// These two partner device IDs (no EAN) share hash48's 48-bit fingerprint: found once by a
		// birthday search over SKU-0 … SKU-33554431 (2^25 keys, the fingerprints in a Float64Array,
		// sorted, equal neighbours looked up), not committed; the second hash tells them apart.
		const [first, second] = [
			{ partner_device_id: 'SKU-9428399', price_net: 100 },
			{ partner_device_id: 'SKU-23304169', price_net: 200 },
		];
		expect(skuKeyOf({ itemIndex: 0, wire: first })).toBe(skuKeyOf({ itemIndex: 1, wire: second }));
		const other = { partner_device_id: 'SKU-OTHER', price_net: 300 };
		const workflow = new SavedWorkflow();

		await workflow.run([first, other, second]);

		// Both go, in list order: neither replaces the other as a later price of "the same" SKU would.
		expect(server.requestsTo('catalogAction').flatMap(pricesIn)).toEqual([first, other, second]);
		const remembered = decodeMemory((workflow.staticData['node:Node Under Test'] as { rememberedPrices: IDataObject }).rememberedPrices['RENTAL-ES-01']);
		expect([...remembered.keys()]).toEqual([skuKeyOf({ itemIndex: 1, wire: other })]);

		server.reset();
		await workflow.run([first, other, second]);
		expect(server.requestsTo('catalogAction').flatMap(pricesIn)).toEqual([first, second]);
	});

	it('leaves a full list (Incremental off) as it is: one request with every SKU, and forgets the memory it makes stale', async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(50));
		server.reset();

		const full = await workflow.run(skus(50), { incremental: false });
		expect(full.error).toBeUndefined();
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([skus(50)]);
		expect(full.json[0]).not.toHaveProperty('priceChanges');

		server.reset();
		await workflow.run(skus(50));
		expect(sentSkus()).toHaveLength(50);
	});

	it('forgets the memory when a production run sends with the option off, so turning it back on sends everything', async () => {
		const workflow = new SavedWorkflow();
		await workflow.run(skus(50));
		await workflow.run(onePercentChanged(50), { priceSyncOptions: {} });
		server.reset();

		await workflow.run(onePercentChanged(50));

		expect(sentSkus()).toHaveLength(50);
	});

	it('reads a CSV file with Send Only Changed Prices and Dry Run', async () => {
		const workflow = new SavedWorkflow();
		const csv = (rows: Array<{ partner_device_id: string; price_net: number }>) => `partner_device_id,price_net\n${rows.map((row) => `${row.partner_device_id},${row.price_net}`).join('\n')}\n`;
		const fromFile = async (rows: Array<{ partner_device_id: string; price_net: number }>, more: Record<string, unknown> = {}) =>
			await workflow.run([], { priceMapping: 'file', batchSize: 2, ...options(more) }, 'webhook', { binaryItems: fileItem(csv(rows)) });

		const first = await fromFile([...skus(5), { partner_device_id: 'SKU-00001', price_net: 7 }]);
		expect(first.error).toBeUndefined();
		expect(sentSkus()).toEqual(['SKU-00000', 'SKU-00001', 'SKU-00002', 'SKU-00003', 'SKU-00004']);
		expect(server.requestsTo('catalogAction').flatMap(pricesIn)).toContainEqual({ partner_device_id: 'SKU-00001', price_net: 7 });
		expect(first.json[0]).toMatchObject({ batches: 3, priceChanges: { new: 5 } });

		server.reset();
		const changed = [...skus(5).slice(0, 4), { partner_device_id: 'SKU-00004', price_net: 1 }, { partner_device_id: 'SKU-00001', price_net: 7 }];
		const dry = await fromFile(changed, { dryRun: true });
		expect(server.received).toHaveLength(0);
		expect(dry.json[0]).toMatchObject({ skusToSend: 1, wouldSend: [{ change: 'changed', partner_device_id: 'SKU-00004', price_net: 1 }], priceChanges: { changed: 1, unchanged: 4 } });

		const second = await fromFile(changed);
		expect(second.error).toBeUndefined();
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([[{ partner_device_id: 'SKU-00004', price_net: 1 }]]);
	});
});

/** One input item holding a price list file. */
function fileItem(text: string): INodeExecutionData[] {
	return [{ json: {}, binary: { data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType: 'text/csv', fileName: 'prices' } }, pairedItem: { item: 0 } }];
}

describe('bolttech Update Prices: Batches in Flight', () => {
	const throughSlowPartner = async (items: object[], parameters: Record<string, unknown>) =>
		await syncPrices(items, parameters, { credentials: { bolttechApi: { baseUrl: slowPartner.url, accessToken: BOLTTECH_TOKEN } } });

	it.each([1, 3, 4])('keeps at most %i batches waiting for bolttech at once, and reports them in order', async (limit) => {
		const result = await throughSlowPartner(skus(400), { batchSize: 10, priceSyncOptions: { batchesInFlight: limit } });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(slowPartner.timeline).toHaveLength(40);
		expect(slowPartner.maxInFlight).toBe(limit);
		expect(result.json.map((report) => report.batch)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
	});

	it('holds back a batch naming a SKU of a batch still in flight until that one is answered, so the later price is the last one sent', async () => {
		// SKU-00013 in batch 2 at 1 and in batch 4 at 3; every batch takes 30 ms to answer. Batch 1
		// goes alone (it would fetch an OAuth2 token), then batches 2 to 5 may be in flight together.
		const list = skus(50).map((row, index) => (index === 13 ? { ...row, price_net: 1 } : row));
		list.splice(35, 0, { partner_device_id: 'SKU-00013', price_net: 3 });

		const result = await throughSlowPartner(list, { batchSize: 10, priceSyncOptions: { batchesInFlight: 4 } });

		expect(result.error).toBeUndefined();
		const holding = slowPartner.timeline.filter((entry) => entry.skus.includes('SKU-00013'));
		expect(holding.map((entry) => entry.prices[entry.skus.indexOf('SKU-00013')])).toEqual([1, 3]);
		expect(holding[1].arrived).toBeGreaterThanOrEqual(holding[0].answered);
		// Batch 3 did not wait: it went out with batch 2.
		const batch3 = slowPartner.timeline.find((entry) => entry.skus.includes('SKU-00020'));
		expect(batch3!.arrived).toBeLessThan(holding[0].answered);
		expect(slowPartner.maxInFlight).toBeGreaterThan(1);
	});

	it('with several in flight, a failed batch names the batches accepted after it and those never sent', async () => {
		// Batch 1 goes alone; batch 2 is refused at once; batches 3 and 4, sent with it, are accepted 60 ms later.
		const isBatch2 = (rows: string[]) => rows.includes('SKU-00010');
		slowPartner.delayOf = (rows) => (isBatch2(rows) ? 5 : 60);
		server.scriptEvery('catalogAction', (request) =>
			isBatch2(pricesIn(request).map((row) => row.partner_device_id))
				? { status: 400, body: { code: 'INVALID_DEVICE', message: 'Unknown partner device' } }
				: { status: 200, body: { status: 'success' } },
		);

		const result = await throughSlowPartner(skus(100), { batchSize: 10, priceSyncOptions: { batchesInFlight: 3 } });

		expect(result.error?.message).toBe('Price batch 2 of 10 (10 SKUs, SKU-00010 to SKU-00019) failed: bolttech answered 400: INVALID_DEVICE: Unknown partner device');
		// No batch started after the refusal; the two in flight with it were awaited.
		expect(slowPartner.timeline).toHaveLength(4);
		expect(result.error?.description).toBe(
			[
				"Accepted before it: 1 batch (10 SKUs); they stay applied, as with Incremental on each batch adds to bolttech's list.",
				'bolttech refused this batch: its 10 SKUs were not updated.',
				'Sent once.',
				'Accepted after it, as they were in flight with it: batches 3 and 4 (20 SKUs); they stay applied.',
				'Not sent: 6 batches after it (60 SKUs).',
				'70 of 100 SKUs are not confirmed as updated; sending the same prices again is safe.',
			].join('\n'),
		);
	});
});

describe('bolttech Update Prices: the bound of the price memory', () => {
	/** The node's static data and what reads it, as n8n-core hands them to the node. */
	const nodeContext = (store: IDataObject) => ({ getWorkflowStaticData: () => store, getMode: () => 'webhook' }) as unknown as IExecuteFunctions;
	const rowsOf = (list: Array<{ partner_device_id: string; price_net: number }>): PriceRow[] => list.map((wire, itemIndex) => ({ itemIndex, wire }));

	it(`remembers at most ${MAX_REMEMBERED_SKUS.toLocaleString('en')} SKUs per product code (14 bytes each), keeping this run's list and dropping SKUs missing from it`, () => {
		const store: IDataObject = {};
		const everything = rowsOf(skus(MAX_REMEMBERED_SKUS).map((row, index) => ({ ...row, partner_device_id: `OLD-${index}` })));
		const first = PriceMemory.of(nodeContext(store), 'RENTAL-ES-01');
		for (const row of everything) first.list(row);
		first.accepted(everything);
		expect(first.save()).toBe(0);
		const saved = (store.rememberedPrices as IDataObject)['RENTAL-ES-01'] as string;
		expect(saved.length).toBe(3 + 14 * MAX_REMEMBERED_SKUS);

		const newRows = rowsOf(skus(10));
		const second = PriceMemory.of(nodeContext(store), 'RENTAL-ES-01');
		for (const row of newRows) second.list(row);
		second.accepted(newRows);

		// 10 of the old SKUs, missing from this list, no longer fit: they will be sent again if they come back.
		expect(second.save()).toBe(10);
		expect(PriceMemory.of(nodeContext(store), 'RENTAL-ES-01').save()).toBeUndefined();
		const third = PriceMemory.of(nodeContext(store), 'RENTAL-ES-01');
		expect(third.size).toBe(MAX_REMEMBERED_SKUS);
		for (const row of newRows) third.list(row);
		expect(newRows.filter((row, position) => third.isToSend(row, position))).toEqual([]);
	});

	it('treats a damaged or foreign memory as none, so that everything is sent', () => {
		const row = rowsOf([{ partner_device_id: 'A', price_net: 1 }]);
		for (const damaged of ['v1:AAAA', 'v0:AAAAAAAAAAAAAA', 'v1:AAAAAAAA!AAAA', 42, { A: 1 }]) {
			const memory = PriceMemory.of(nodeContext({ rememberedPrices: { 'RENTAL-ES-01': damaged } }), 'RENTAL-ES-01');
			memory.list(row[0]);
			expect(memory.size).toBe(0);
			expect(memory.isToSend(row[0], 0)).toBe(true);
		}
	});
});
