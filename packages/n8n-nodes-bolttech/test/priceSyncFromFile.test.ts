import type { INodeExecutionData } from 'n8n-workflow';

import { incrementalOf, pricesIn, usePriceSync } from '../../../test/harness/priceSyncSetup';

/** One input item holding the price list file, as Read/Write Files from Disk or an HTTP Request gives it. */
function fileItem(text: string, mimeType = 'text/csv'): INodeExecutionData[] {
	return [{ json: {}, binary: { data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType, fileName: 'prices' } }, pairedItem: { item: 0 } }];
}

const { server, syncPrices } = usePriceSync({ priceMapping: 'file', batchSize: 2 });
const fromFile = (text: string, parameters: Record<string, unknown> = {}, mimeType?: string) => syncPrices([], parameters, { binaryItems: fileItem(text, mimeType) });

describe('bolttech Update Prices from a price list file', () => {
	it('reads a CSV file (BOM, CRLF, quoted fields) by its header and sends its rows in batches, reporting each', async () => {
		const csv = '\uFEFFpartner_device_id,price_net,name\r\n"SKU-1",100,"Phone, black"\r\nSKU-2,200,"Says ""hi"""\r\nSKU-3,300,"two\nlines"\r\n';

		const result = await fromFile(csv);

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([
			[{ partner_device_id: 'SKU-1', price_net: 100 }, { partner_device_id: 'SKU-2', price_net: 200 }],
			[{ partner_device_id: 'SKU-3', price_net: 300 }],
		]);
		expect(result.json).toEqual([
			expect.objectContaining({ batch: 1, batches: 2, skus: 2, firstSku: 'SKU-1', lastSku: 'SKU-2', status: 'success' }),
			expect.objectContaining({ batch: 2, batches: 2, skus: 1, firstSku: 'SKU-3', lastSku: 'SKU-3', status: 'success' }),
		]);
	});

	it('refuses a bad row in the middle of the file before anything is sent, naming its line and field', async () => {
		// Two full batches (Batch Size 2) come before the bad row: none of them may go out.
		const csv = 'partner_device_id;price_net\nSKU-1;100\nSKU-2;200\nSKU-3;300\nSKU-4;400\nSKU-5;-5\nSKU-6;600\n';

		const result = await fromFile(csv, { csvDelimiter: ';' });

		expect(result.error?.message).toBe('Line 6 of the price list file: "Net Price" must be a non-negative number, got "-5"');
		expect(server.requestsTo('catalogAction')).toHaveLength(0);
	});

	it('refuses a file that is not well-formed CSV before anything is sent, naming the line', async () => {
		const result = await fromFile('partner_device_id,price_net\nSKU-1,100\n"SKU-2,200\n');

		expect(result.error?.message).toBe('Line 3 of the price list file: a quoted field is never closed');
		expect(server.requestsTo('catalogAction')).toHaveLength(0);
	});

	it('reads JSON Lines, and major units with a decimal comma', async () => {
		const lines = '{"ean":"4006381333931","price_net":"89,99"}\n\n{"partner_device_id":"SKU-9","price_net":"1,5"}\n';

		const result = await fromFile(lines, { fileFormat: 'jsonLines', priceUnit: 'major', decimalPlaces: 2, decimalSeparator: ',' }, 'application/x-ndjson');

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction').map(pricesIn)).toEqual([[{ ean: '4006381333931', price_net: 8999 }, { partner_device_id: 'SKU-9', price_net: 150 }]]);
	});

	it('sends the whole list as one request with Incremental off, whatever Batch Size says', async () => {
		const csv = ['partner_device_id,price_net', ...Array.from({ length: 5 }, (_, index) => `SKU-${index},${index + 1}`)].join('\n');

		const result = await fromFile(csv, { incremental: false });

		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('catalogAction');
		expect(requests).toHaveLength(1);
		expect(incrementalOf(requests[0])).toBe(false);
		expect(pricesIn(requests[0])).toHaveLength(5);
	});

	it('names the failed batch and what was sent before and with it when bolttech refuses one mid-file (4 batches in flight)', async () => {
		server.scriptNext(
			'catalogAction',
			() => ({ status: 200, body: { status: 'success' } }),
			() => ({ status: 422, body: { code: 'INVALID', message: 'unknown device' } }),
		);
		const csv = 'partner_device_id,price_net\nSKU-1,1\nSKU-2,2\nSKU-3,3\nSKU-4,4\nSKU-5,5\n';

		const result = await fromFile(csv);

		expect(result.error?.message).toBe('Price batch 2 of 3 (2 SKUs, SKU-3 to SKU-4) failed: bolttech answered 422: INVALID: unknown device');
		expect(result.error?.description).toContain('Accepted before it: 1 batch (2 SKUs)');
		// Batch 3 left while batch 2 was still waiting for its answer.
		expect(result.error?.description).toContain('Accepted after it, as they were in flight with it: batch 3 (1 SKU); they stay applied.');
		expect(result.error?.description).toContain('2 of 5 SKUs are not confirmed as updated');
		expect(server.requestsTo('catalogAction')).toHaveLength(3);
	});
});
