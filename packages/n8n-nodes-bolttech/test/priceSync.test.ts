import { incrementalOf, pricesIn, skus, usePriceSync } from '../../../test/harness/priceSyncSetup';

const { server, syncPrices } = usePriceSync();

/** The bolttech Catalog API (v4.1) and Verify IMEI (v4)'s update_price example rows, minus the one whose EAN fails the GS1 check. */
const SEED_ROWS = [
	{ ean: '8801643665432', partner_device_id: 'SAMS-S23U-512-BLK', price_net: 899900 },
	{ ean: '6901443457892', partner_device_id: 'HUAW-P50P-256-GLD', price_net: 699900 },
	{ ean: '0190199723634', partner_device_id: 'APPL-IP14P-256-BLK', price_net: 999900 },
	{ ean: '4548736134492', partner_device_id: 'SONY-XP1-128-PUR', price_net: 599900 },
];

describe('bolttech Catalog: Update Prices', () => {
	it("sends the document's price list in one update_price request in snake_case and reports the batch", async () => {
		const result = await syncPrices(SEED_ROWS, {
			incremental: false,
			callbackUrl: 'https://n8n.example.com/webhook/prices',
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction').map((request) => request.body)).toEqual([
			{
				configuration: {
					action_id: 'update_price',
					product_code: 'RENTAL-ES-01',
					callback_url: 'https://n8n.example.com/webhook/prices',
				},
				payload: { incremental: false, asset_model_prices: SEED_ROWS },
			},
		]);
		expect(result.json).toEqual([
			{
				batch: 1,
				batches: 1,
				skus: 4,
				firstSku: 'SAMS-S23U-512-BLK',
				lastSku: 'SONY-XP1-128-PUR',
				incremental: false,
				attempts: 1,
				status: 'success',
				response: { status: 'success' },
			},
		]);
	});

	it('sends camelCase keys (assetModelPrices, partnerDeviceId, priceNet) when asked to', async () => {
		await syncPrices(SEED_ROWS.slice(0, 1), { payloadKeyStyle: 'camelCase' });

		server.assertNoViolations();
		expect((server.requestsTo('catalogAction')[0].body as { payload: unknown }).payload).toEqual({
			incremental: true,
			assetModelPrices: [{ ean: '8801643665432', partnerDeviceId: 'SAMS-S23U-512-BLK', priceNet: 899900 }],
		});
	});

	it('converts prices in major units to integer minor units', async () => {
		const result = await syncPrices(
			[
				{ partner_device_id: 'A', price: 8999 },
				{ partner_device_id: 'B', price: '1199.99' },
				{ partner_device_id: 'C', price: 0.1 },
			],
			{ netPriceField: 'price', priceUnit: 'major', decimalPlaces: 2 },
		);

		expect(result.error).toBeUndefined();
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([
			{ partner_device_id: 'A', price_net: 899900 },
			{ partner_device_id: 'B', price_net: 119999 },
			{ partner_device_id: 'C', price_net: 10 },
		]);
	});

	it('maps each value with an expression per item when asked to', async () => {
		const result = await syncPrices(
			[{ product: { gtin: '8801643665432' }, eur: '8999.00' }],
			{
				priceMapping: 'expressions',
				ean: '={{ $json.product.gtin }}',
				partnerDeviceId: '={{ "SKU-" + $json.product.gtin.slice(-4) }}',
				netPrice: '={{ $json.eur }}',
				priceUnit: 'major',
			},
		);

		expect(result.error).toBeUndefined();
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([
			{ ean: '8801643665432', partner_device_id: 'SKU-5432', price_net: 899900 },
		]);
	});

	it('reads nested input fields named in dot notation', async () => {
		const result = await syncPrices([{ device: { sku: 'N-1', prices: { net: 1234 } } }], {
			eanField: '',
			partnerDeviceIdField: 'device.sku',
			netPriceField: 'device.prices.net',
		});

		expect(result.error).toBeUndefined();
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([{ partner_device_id: 'N-1', price_net: 1234 }]);
	});

	it.each(['constructor', 'toString', '__proto__', 'device.constructor'])('reads an input field named "%s" from the item itself, never from Object.prototype', async (field) => {
		const missing = await syncPrices([{ ean: '', device: {}, price_net: 100 }], { eanField: '', partnerDeviceIdField: field });
		expect(missing.error?.message).toBe('Item 0: "EAN" and "Partner Device ID" are both empty');
		expect(server.received).toHaveLength(0);

		const row = field.split('.').reduceRight<unknown>((value, key) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`), 'SKU-OWN');
		const sent = await syncPrices([{ ...(row as object), price_net: 100 }], { eanField: '', partnerDeviceIdField: field });
		expect(sent.error).toBeUndefined();
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([{ partner_device_id: 'SKU-OWN', price_net: 100 }]);
	});

	it.each([
		[{ ean: '7350028569832', price_net: 1 }, 'Item 0: "EAN" "7350028569832" is not a valid EAN-8 or EAN-13'],
		[{ partner_device_id: 'A', price_net: -5 }, 'Item 0: "Net Price" must be a non-negative number, got -5'],
		[{ partner_device_id: 'A', price_net: 'abc' }, 'Item 0: "Net Price" must be a non-negative number, got "abc"'],
		[{ partner_device_id: 'A', price_net: 12.5 }, 'Item 0: "Net Price" 12.5 is not a whole number of minor units'],
		[{ price_net: 100 }, 'Item 0: "EAN" and "Partner Device ID" are both empty'],
		[{ partner_device_id: {}, price_net: 100 }, 'Item 0: "Partner Device ID" is an object, not text'],
		[{ partner_device_id: true, price_net: 100 }, 'Item 0: "Partner Device ID" is a boolean, not text'],
		[{ partner_device_id: ['A'], price_net: 100 }, 'Item 0: "Partner Device ID" is a list, not text'],
		[{ ean: false, partner_device_id: 'A', price_net: 100 }, 'Item 0: "EAN" is a boolean, not text'],
	])('refuses %j before sending anything: %s', async (row, message) => {
		const result = await syncPrices([row]);

		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toBeTruthy();
		expect(server.received).toHaveLength(0);
	});

	it.each([
		[{ productCode: '={{ null }}' }, 'Item 0: "Product Code" is empty'],
		[{ productCode: '={{ { code: "RENTAL" } }}' }, 'Item 0: "Product Code" is an object, not text'],
		[{ callbackUrl: '={{ ["http://a", "http://b"] }}' }, 'Item 0: "Callback URL"'],
	])('refuses the wrong-typed setting %j before sending anything', async (parameters, message) => {
		const result = await syncPrices(SEED_ROWS, parameters);

		expect(result.error?.message).toContain(message);
		expect(server.received).toHaveLength(0);
	});

	it("refuses the document's own example EAN 7350028569832 (bad check digit) unless EAN validation is off", async () => {
		const refused = await syncPrices([SEED_ROWS[0], { ean: '7350028569832', price_net: 499900 }]);
		expect(refused.error?.message).toMatch(/^Item 1: "EAN"/);
		expect(server.received).toHaveLength(0);

		const sent = await syncPrices([{ ean: '7350028569832', price_net: 499900 }], {
			priceSyncOptions: { validateEanCheckDigit: false },
		});
		expect(sent.error).toBeUndefined();
		expect(pricesIn(server.requestsTo('catalogAction')[0])).toEqual([{ ean: '7350028569832', price_net: 499900 }]);
	});

	it('names the later invalid item and sends nothing even when earlier items are valid', async () => {
		const result = await syncPrices([...skus(3), { partner_device_id: 'BAD', price_net: -1 }]);

		expect(result.error?.message).toBe('Item 3: "Net Price" must be a non-negative number, got -1');
		expect(server.received).toHaveLength(0);
	});

	it('with Continue On Fail reports invalid rows as error items and sends the valid ones', async () => {
		const result = await syncPrices([...skus(2), { partner_device_id: 'BAD', price_net: -1 }], {}, { continueOnFail: true });

		expect(pricesIn(server.requestsTo('catalogAction')[0]).map((row) => row.partner_device_id)).toEqual([
			'SKU-00000',
			'SKU-00001',
		]);
		expect(result.json[0].error).toBe('Item 2: "Net Price" must be a non-negative number, got -1');
		expect(result.json[1]).toMatchObject({ batch: 1, skus: 2, status: 'success' });
	});

	it('sends 2,500 SKUs with batch size 1,000 as 3 incremental requests in order', async () => {
		const rows = skus(2500);
		const result = await syncPrices(rows, { batchSize: 1000 });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const requests = server.requestsTo('catalogAction');
		expect(requests).toHaveLength(3);
		expect(requests.map((request) => pricesIn(request).length)).toEqual([1000, 1000, 500]);
		expect(requests.flatMap(pricesIn)).toEqual(rows);
		expect(requests.map(incrementalOf)).toEqual([true, true, true]);
		expect(result.json.map(({ batch, skus: count, firstSku, lastSku }) => ({ batch, count, firstSku, lastSku }))).toEqual([
			{ batch: 1, count: 1000, firstSku: 'SKU-00000', lastSku: 'SKU-00999' },
			{ batch: 2, count: 1000, firstSku: 'SKU-01000', lastSku: 'SKU-01999' },
			{ batch: 3, count: 500, firstSku: 'SKU-02000', lastSku: 'SKU-02499' },
		]);
		expect(result.outputs[0][1].pairedItem).toHaveLength(1000);
	});

	it('reads the credential once per batch, to sign it, and once for its Base URL, not once more per batch', async () => {
		const result = await syncPrices(skus(2500), { batchSize: 500 });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction')).toHaveLength(5);
		expect(result.credentialsHelper.decryptedReads).toEqual({ bolttechApi: 5 + 1 });
	});

	it('with Incremental off sends all 2,500 SKUs as one request with incremental false, whatever the batch size', async () => {
		const rows = skus(2500);
		const result = await syncPrices(rows, { batchSize: 1000, incremental: false });

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const requests = server.requestsTo('catalogAction');
		expect(requests).toHaveLength(1);
		expect(incrementalOf(requests[0])).toBe(false);
		expect(pricesIn(requests[0])).toEqual(rows);
		expect(result.json).toEqual([
			{
				batch: 1,
				batches: 1,
				skus: 2500,
				firstSku: 'SKU-00000',
				lastSku: 'SKU-02499',
				incremental: false,
				attempts: 1,
				status: 'success',
				response: { status: 'success' },
			},
		]);
		expect(result.outputs[0][0].pairedItem).toHaveLength(2500);
	});

	it('with Incremental off and Continue On Fail sends nothing when an item is invalid, as the list would drop its price', async () => {
		const result = await syncPrices([...skus(2), { partner_device_id: 'BAD', price_net: -1 }], { incremental: false }, { continueOnFail: true });

		expect(server.received).toHaveLength(0);
		expect(result.json).toEqual([
			{ error: 'Item 2: "Net Price" must be a non-negative number, got -1', description: expect.any(String) },
			{
				error:
					"Price list not sent: 1 of 3 items are invalid, and with Incremental off the list would replace bolttech's without them, removing their prices",
				partner_device_id: 'SKU-00000',
				price_net: 10000,
			},
			expect.objectContaining({ partner_device_id: 'SKU-00001' }),
		]);
		expect(result.outputs[0][1].pairedItem).toEqual({ item: 0 });
	});

	it("with Continue On Fail turns the failing batch's SKUs into error items and still sends the rest", async () => {
		server.scriptNext(
			'catalogAction',
			() => ({ status: 200, body: { status: 'success' } }),
			() => ({ status: 400, body: { code: 'INVALID_DEVICE', message: 'Unknown partner device' } }),
		);

		const result = await syncPrices(skus(2500), { batchSize: 1000 }, { continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction')).toHaveLength(3);
		expect(result.json).toHaveLength(1 + 1000 + 1);
		expect(result.json[0]).toMatchObject({ batch: 1, status: 'success' });
		expect(result.json[1]).toEqual({
			error: 'Price batch 2 of 3 (1000 SKUs, SKU-01000 to SKU-01999) failed: bolttech answered 400: INVALID_DEVICE: Unknown partner device',
			description: [
				"Accepted before it: 1 batch (1000 SKUs); they stay applied, as with Incremental on each batch adds to bolttech's list.",
				'bolttech refused this batch: its 1000 SKUs were not updated.',
				'Sent once.',
				'The batches after it are still sent (Continue On Fail) and report in their own items.',
			].join('\n'),
			batch: 2,
			batches: 3,
			skus: 1000,
			firstSku: 'SKU-01000',
			lastSku: 'SKU-01999',
			incremental: true,
			attempts: 1,
			applied: 'no',
			acceptedBefore: { batches: 1, skus: 1000 },
			partner_device_id: 'SKU-01000',
			price_net: 11000,
		});
		expect(result.outputs[0][1].pairedItem).toEqual({ item: 1000 });
		expect(result.json[1000].partner_device_id).toBe('SKU-01999');
		expect(result.json[1001]).toMatchObject({ batch: 3, status: 'success', skus: 500 });
	});

	it('retries a batch answered 429 after the Retry-After bolttech sends, then succeeds', async () => {
		server.scriptNext('catalogAction', () => ({
			status: 429,
			headers: { 'retry-after': '1' },
			body: { code: 'TOO_MANY_REQUESTS', message: 'Slow down' },
		}));

		const started = Date.now();
		const result = await syncPrices(skus(3));
		const elapsed = Date.now() - started;

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction')).toHaveLength(2);
		expect(pricesIn(server.requestsTo('catalogAction')[1])).toEqual(skus(3));
		expect(result.json[0]).toMatchObject({ batch: 1, attempts: 2, status: 'success' });
		expect(elapsed).toBeGreaterThanOrEqual(950);
	});

	it('gives up on a batch answered 503 after the configured retries and reports it as failed', async () => {
		const unavailable = () => ({
			status: 503,
			headers: { 'retry-after': '0' },
			body: { code: 'MAINTENANCE', message: 'Catalog under maintenance' },
		});
		server.scriptNext('catalogAction', unavailable, unavailable, unavailable);

		const result = await syncPrices(skus(3), { priceSyncOptions: { maxRetries: 2 } });

		expect(server.requestsTo('catalogAction')).toHaveLength(3);
		expect(result.error?.message).toBe(
			'Price batch 1 of 1 (3 SKUs, SKU-00000 to SKU-00002) failed: bolttech answered 503: MAINTENANCE: Catalog under maintenance',
		);
		expect(result.error?.description).toBe(
			[
				'No batch was accepted before it.',
				'bolttech refused this batch: its 3 SKUs were not updated.',
				'Sent 3 times.',
				'3 of 3 SKUs are not confirmed as updated; sending the same prices again is safe.',
			].join('\n'),
		);
	});
});
