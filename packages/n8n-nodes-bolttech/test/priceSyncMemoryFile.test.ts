import type { IBinaryData, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { decodeMemory, skuKeyOf } from '../nodes/Bolttech/resources/catalog/priceMemory';
import type { PriceRow } from '../nodes/Bolttech/resources/catalog/priceRows';
import type { NodeRun } from '../../../scripts/n8nCore/runNode';
import { onePercentChanged, skus, usePriceSync } from '../../../test/harness/priceSyncSetup';

/**
 * Send Only Changed Prices with Remember In: A File You Keep, through n8n-core: the memory comes in
 * as a binary field of the first input item and goes out on the first output item, as a workflow
 * that stores it between runs (Read/Write Files from Disk, S3…) passes it; no static data at all,
 * as on a queue-mode worker of n8n 2.40.7.
 */

const fileOptions = (more: Record<string, unknown> = {}) => ({ priceSyncOptions: { sendOnlyChanged: true, rememberIn: 'file', maxRetryWaitSeconds: 0, ...more } });
const { server, syncPrices, sentSkus } = usePriceSync({ batchSize: 500, ...fileOptions() });

type Row = { partner_device_id: string; price_net: number };

/** The SKUs as input items, the first carrying `memory` (a binary field) when there is one. */
function itemsWith(rows: Row[], memory?: Record<string, IBinaryData>): INodeExecutionData[] {
	return rows.map((json, index) => ({ json, pairedItem: { item: index }, ...(index === 0 && memory ? { binary: memory } : {}) }));
}

async function run(rows: Row[], memory?: IBinaryData, parameters: Record<string, unknown> = {}, mode: WorkflowExecuteMode = 'webhook', continueOnFail = false): Promise<NodeRun> {
	return await syncPrices([], parameters, { mode, continueOnFail, binaryItems: itemsWith(rows, memory ? { priceMemory: memory } : undefined) });
}

/** The memory file on the first output item, and what it holds. */
function memoryOf(result: NodeRun, field = 'priceMemory') {
	const file = result.outputs[0]?.[0]?.binary?.[field];
	if (!file) throw new Error(`no binary field ${field} on the first output item`);
	const content = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as { format: string; productCode: string; remembered: string };
	return { file, content, remembered: decodeMemory(content.remembered) };
}

const memoryFile = (content: unknown): IBinaryData => ({
	data: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content), 'utf8').toString('base64'),
	mimeType: 'application/json',
	fileName: 'bolttech-price-memory-RENTAL-ES-01.json',
});
const rowOf = (row: Row) => ({ wire: row }) as unknown as PriceRow;

describe('bolttech Update Prices: Send Only Changed Prices remembered in a file you keep', () => {
	it('sends every SKU without a memory file, says it remembered none, and outputs the memory as a JSON file on the first item', async () => {
		const result = await run(skus(2000));

		expect(result.error).toBeUndefined();
		expect(sentSkus()).toEqual(skus(2000).map((row) => row.partner_device_id));
		expect(result.json[0]).toMatchObject({ batch: 1, batches: 4, priceChanges: { new: 2000, changed: 0, unchanged: 0, rememberedBeforeRun: 0, memory: 'updated' } });
		const { file, content, remembered } = memoryOf(result);
		expect(file).toMatchObject({ mimeType: 'application/json', fileName: 'bolttech-price-memory-RENTAL-ES-01.json' });
		expect(content).toEqual({ format: 'bolttech-price-memory', productCode: 'RENTAL-ES-01', remembered: expect.stringMatching(/^v1:/) });
		expect(content.remembered).toHaveLength(3 + 2000 * 14);
		expect(remembered.size).toBe(2000);
		// Only the first item carries it, and the workflow's static data is not touched.
		expect(result.outputs[0].slice(1).every((item) => item.binary === undefined)).toBe(true);
		expect(result.changedStaticData).toBeUndefined();
	});

	it('with the file the last run output, sends only the 1% of SKUs whose price changed, and outputs the updated memory', async () => {
		const first = await run(skus(2000));
		server.reset();

		const second = await run(onePercentChanged(2000), memoryOf(first).file);

		expect(second.error).toBeUndefined();
		expect(sentSkus()).toEqual(onePercentChanged(2000).filter((row, index) => index % 100 === 7).map((row) => row.partner_device_id));
		expect(second.json).toEqual([expect.objectContaining({ skus: 20, priceChanges: { new: 0, changed: 20, unchanged: 1980, missingFromInput: 0, rememberedBeforeRun: 2000, memory: 'updated' } })]);
		const { remembered } = memoryOf(second);
		expect(remembered.get(skuKeyOf(rowOf({ partner_device_id: 'SKU-00007', price_net: 0 })))).toBe(10_008);

		server.reset();
		const third = await run(onePercentChanged(2000), memoryOf(second).file);
		expect(server.requestsTo('catalogAction')).toHaveLength(0);
		expect(third.json).toEqual([expect.objectContaining({ batches: 0, status: 'unchanged', priceChanges: expect.objectContaining({ unchanged: 2000, memory: 'as before (nothing sent)' }) })]);
		// Nothing sent: the memory goes out as it came in.
		expect(memoryOf(third).content).toEqual(memoryOf(second).content);
	});

	it("leaves a failed batch's SKUs out of the memory it outputs with Continue On Fail, so that the next run sends them again", async () => {
		const first = await run(skus(30), undefined, { batchSize: 10 });
		server.reset();
		const raised = skus(30).map((row) => ({ ...row, price_net: row.price_net + 5 }));
		server.scriptNext(
			'catalogAction',
			() => ({ status: 200, body: { status: 'success' } }),
			() => ({ status: 400, body: { code: 'INVALID_DEVICE', message: 'Unknown partner device' } }),
			() => ({ status: 200, body: { status: 'success' } }),
		);

		const failed = await run(raised, memoryOf(first).file, { batchSize: 10, ...fileOptions({ batchesInFlight: 1 }) }, 'webhook', true);

		expect(failed.error).toBeUndefined();
		expect(failed.json[0]).toMatchObject({ batch: 1, status: 'success' });
		expect(failed.json.filter((item) => item.error)).toHaveLength(10);
		const { remembered } = memoryOf(failed);
		// Batches 1 and 3 remembered with their new price; batch 2 (SKU-00010 to SKU-00019) forgotten.
		expect(raised.filter((row) => remembered.get(skuKeyOf(rowOf(row))) === row.price_net).map((row) => row.partner_device_id)).toEqual(
			[...raised.slice(0, 10), ...raised.slice(20)].map((row) => row.partner_device_id),
		);
		expect(remembered.size).toBe(20);

		server.reset();
		await run(raised, memoryOf(failed).file, { batchSize: 10 });
		expect(sentSkus()).toEqual(raised.slice(10, 20).map((row) => row.partner_device_id));
	});

	it('outputs the memory unchanged after a manual run, which reads it, and after a Dry Run', async () => {
		const first = await run(skus(300));
		server.reset();
		const { file } = memoryOf(first);

		const manual = await run(onePercentChanged(300), file, {}, 'manual');

		expect(sentSkus()).toEqual(['SKU-00007', 'SKU-00107', 'SKU-00207']);
		expect(manual.json[0]).toMatchObject({ priceChanges: { changed: 3, rememberedBeforeRun: 300, memory: 'not changed (manual run)' } });
		expect(memoryOf(manual).file.data).toBe(file.data);

		server.reset();
		const dry = await run(onePercentChanged(300), file, fileOptions({ dryRun: true }));
		expect(server.received).toHaveLength(0);
		expect(dry.json[0]).toMatchObject({ dryRun: true, skusToSend: 3 });
		expect(memoryOf(dry).file.data).toBe(file.data);

		// A manual first run, without a file, outputs an empty memory: the production runs' first run still sends everything.
		const manualFirst = await run(skus(3), undefined, {}, 'manual');
		expect(memoryOf(manualFirst).content.remembered).toBe('v1:');
	});

	it('refuses a file that is not this product code\'s price memory, naming the binary field, and sends nothing', async () => {
		const notAMemory = await run(skus(3), memoryFile('partner_device_id,price_net\nSKU-00000,1\n'));
		expect(notAMemory.error?.message).toBe('The file in binary field "priceMemory" is not a bolttech price memory (no "format": "bolttech-price-memory")');

		const otherProduct = await run(skus(3), memoryFile({ format: 'bolttech-price-memory', productCode: 'OTHER', remembered: 'v1:' }));
		expect(otherProduct.error?.message).toBe('The file in binary field "priceMemory" is the price memory of product code "OTHER", not "RENTAL-ES-01"');

		const damaged = await run(skus(3), memoryFile({ format: 'bolttech-price-memory', productCode: 'RENTAL-ES-01', remembered: 'v1:short' }));
		expect(damaged.error?.message).toBe('The file in binary field "priceMemory" is a damaged bolttech price memory (its "remembered" is not one)');
		expect(server.received).toHaveLength(0);
	});

	it('reads the price list and the memory from two binary fields of the first item, and refuses one field for both', async () => {
		const csv = (rows: Row[]) => `partner_device_id,price_net\n${rows.map((row) => `${row.partner_device_id},${row.price_net}`).join('\n')}\n`;
		const fromFile = async (rows: Row[], memory: IBinaryData | undefined, parameters: Record<string, unknown> = {}) => {
			const list: IBinaryData = { data: Buffer.from(csv(rows), 'utf8').toString('base64'), mimeType: 'text/csv', fileName: 'prices.csv' };
			return await syncPrices([], { priceMapping: 'file', ...parameters }, { mode: 'webhook', binaryItems: [{ json: {}, binary: { data: list, ...(memory ? { priceMemory: memory } : {}) }, pairedItem: { item: 0 } }] });
		};
		const first = await fromFile(skus(5), undefined);
		server.reset();

		const second = await fromFile([...skus(4), { partner_device_id: 'SKU-00004', price_net: 1 }], memoryOf(first).file);
		expect(second.error).toBeUndefined();
		expect(sentSkus()).toEqual(['SKU-00004']);
		expect(memoryOf(second).remembered.size).toBe(5);

		server.reset();
		const clash = await fromFile(skus(5), memoryOf(second).file, { binaryPropertyName: 'priceMemory' });
		expect(clash.error?.message).toBe('Memory Input Field and Input Binary Field are both "priceMemory"');
		expect(server.received).toHaveLength(0);
	});
});
