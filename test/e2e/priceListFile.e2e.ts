/**
 * bolttech Update Prices with Map Prices From: File in a real n8n: a production webhook starts a
 * workflow whose HTTP Request node downloads a CSV price list as a file (n8n keeps it on disk, its
 * default binary data mode outside queue mode), and Update Prices streams it back from there,
 * checks every row, then sends it in batches; a bad row fails the run before anything is sent.
 */
import { executionsOf, n8nUrl } from './n8nApi';
import { UPDATE_PRICES, finishedExecution, priceCsv, priceRows, runOf, usePriceListFileWorkflow } from './priceListFileWorkflow';

const BATCH_SIZE = 10_000;
const prices = usePriceListFileWorkflow({ path: `e2e-price-file-${Date.now()}`, batchSize: BATCH_SIZE, webhookBaseUrl: n8nUrl });

const latestExecution = async () => await finishedExecution((await executionsOf(prices.state.workflowId, 1)).results[0].id);

describe('bolttech Update Prices from a downloaded file in a real n8n', () => {
	it('downloads a 60,000-row CSV (past the 1 MiB chunk the node streams in) and sends every row, in file order, in batches of 10,000', async () => {
		const rows = priceRows(60_000);
		const csv = priceCsv(rows);

		const answer = await prices.download('all', csv);

		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(
			Array.from({ length: 6 }, (_, index) =>
				expect.objectContaining({
					batch: index + 1,
					batches: 6,
					skus: BATCH_SIZE,
					firstSku: rows[index * BATCH_SIZE].partner_device_id,
					lastSku: rows[(index + 1) * BATCH_SIZE - 1].partner_device_id,
					status: 'success',
				}),
			),
		);
		prices.bolttech.assertNoViolations();
		expect(prices.batchesReceived()).toEqual(Array.from({ length: 6 }, (_, index) => rows.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE)));
		const execution = await latestExecution();
		expect(execution.status).toBe('success');
		const [download] = runOf(execution, 'Download Price List').items;
		expect(download.binary?.data).toMatchObject({ id: expect.stringMatching(/^filesystem(-v2)?:/) });
	});

	it('fails on a bad row near the end of the file, naming its line and field, and sends nothing', async () => {
		const rows: Array<{ partner_device_id: string; price_net: number | string }> = priceRows(60_000);
		// Line 1 is the header: row 59,990 is on line 59,992.
		rows[59_990] = { ...rows[59_990], price_net: '-5' };

		const answer = await prices.download('bad-row', priceCsv(rows));

		expect(answer.status).toBe(500);
		expect(prices.bolttech.received).toHaveLength(0);
		const execution = await latestExecution();
		expect(execution.status).toBe('error');
		expect(runOf(execution, UPDATE_PRICES).items).toEqual([]);
		expect(runOf(execution, UPDATE_PRICES).error).toBe('Line 59992 of the price list file: "Net Price" must be a non-negative number, got "-5"');
	});
});
