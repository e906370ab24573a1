import { RENTAL_PRICING_EXAMPLE, STOCK_EXAMPLE } from '../../../sandbox/contracts/bolttech';
import { useBolttechServer } from '../../../test/harness/bolttechSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';
import type { NodeRunRequest } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useBolttechServer();

function runCatalog(parameters: Record<string, unknown>, extra: Partial<NodeRunRequest> = {}) {
	return runNode({
		type: 'bolttech',
		parameters: { resource: 'catalog', productCode: 'RENTAL-ES-01', ...parameters } as never,
		credentials: tokenCredentials(),
		...extra,
	});
}

describe('bolttech Catalog: Remove Device', () => {
	it('sends remove_device with the device id in snake_case and the callback URL', async () => {
		const result = await runCatalog({
			operation: 'removeDevice',
			partnerDeviceId: 'DEV-SAMSUNG-S23-256-BLK',
			callbackUrl: 'https://n8n.example.com/webhook/bolttech',
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: {
				action_id: 'remove_device',
				product_code: 'RENTAL-ES-01',
				callback_url: 'https://n8n.example.com/webhook/bolttech',
			},
			payload: { partner_device_id: 'DEV-SAMSUNG-S23-256-BLK' },
		});
		expect(result.json).toEqual([{ status: 'success' }]);
	});

	it('sends camelCase payload keys, as in the JSON examples, when asked to, and no empty callback URL', async () => {
		const result = await runCatalog({
			operation: 'removeDevice',
			partnerDeviceId: 'DEV-SAMSUNG-S23-256-BLK',
			payloadKeyStyle: 'camelCase',
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: { action_id: 'remove_device', product_code: 'RENTAL-ES-01' },
			payload: { partnerDeviceId: 'DEV-SAMSUNG-S23-256-BLK' },
		});
	});
});

describe('bolttech Catalog: Get Stock', () => {
	it('sends get_stock with the device ids and the updated-since date and outputs one item per device of the stock', async () => {
		const result = await runCatalog({
			operation: 'getStock',
			stockFilters: { partnerDeviceIds: ['DEV123456', 'DEV654321'], updatedSince: '2024-03-01T00:00:00' },
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: { action_id: 'get_stock', product_code: 'RENTAL-ES-01' },
			payload: { partner_device_id: ['DEV123456', 'DEV654321'], updated: '2024-03-01T00:00:00' },
		});
		expect(result.json).toEqual(STOCK_EXAMPLE.stock);
	});

	it("outputs bolttech's whole answer as one item when Output says so", async () => {
		const result = await runCatalog({ operation: 'getStock', getStockOutput: 'answer' });

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([STOCK_EXAMPLE]);
	});

	it('asks for the stock of every device when no filter is set', async () => {
		const result = await runCatalog({ operation: 'getStock' });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: { action_id: 'get_stock', product_code: 'RENTAL-ES-01' },
			payload: {},
		});
	});
});

describe('bolttech Catalog: Get Rental Pricing', () => {
	it('sends get_pricing with every filter and outputs one item per price line', async () => {
		const result = await runCatalog({
			operation: 'getRentalPricing',
			pricingFilters: {
				customerType: 'b2c',
				warehouseCode: 'WH-MAIN',
				pricingIds: ['111'],
				deviceTypes: ['smartphone', 'laptop'],
			},
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: { action_id: 'get_pricing', product_code: 'RENTAL-ES-01' },
			payload: {
				customer_type: 'b2c',
				warehouse_code: 'WH-MAIN',
				pricing_id_list: ['111'],
				device_type: ['smartphone', 'laptop'],
			},
		});
		expect(result.json).toEqual(RENTAL_PRICING_EXAMPLE.rentalPricing);
		expect(result.json[0]).toMatchObject({ id: 'PL-0001', tenor: 24 });
	});

	it("outputs bolttech's whole answer, price lines inside, as one item when Output says so", async () => {
		const result = await runCatalog({ operation: 'getRentalPricing', getRentalPricingOutput: 'answer' });

		expect(result.json).toEqual([RENTAL_PRICING_EXAMPLE]);
	});
});

describe('bolttech Catalog: values from expressions', () => {
	it('sends lists from expressions as lists of text: an array stays an array, JSON text of a list is read as one, the example\'s number id becomes its text', async () => {
		const result = await runCatalog({
			operation: 'getRentalPricing',
			pricingFilters: { pricingIds: '={{ [111, "PL-2"] }}', deviceTypes: '={{ \'["smartphone", "laptop"]\' }}', customerType: '={{ "" }}' },
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('catalogAction')[0].body).toEqual({
			configuration: { action_id: 'get_pricing', product_code: 'RENTAL-ES-01' },
			payload: { pricing_id_list: ['111', 'PL-2'], device_type: ['smartphone', 'laptop'] },
		});
	});

	it.each([
		[{ operation: 'removeDevice', partnerDeviceId: '={{ $json.missing }}' }, 'Item 0: "Partner Device ID" is empty'],
		[{ operation: 'removeDevice', partnerDeviceId: '={{ { a: 1 } }}' }, 'Item 0: "Partner Device ID" is an object, not text'],
		[{ operation: 'getStock', productCode: '={{ null }}' }, 'Item 0: "Product Code" is empty'],
		[{ operation: 'getStock', productCode: '={{ String(null) }}' }, 'Item 0: "Product Code" is the text "null", which an expression makes of a missing value or an object'],
		[{ operation: 'getStock', stockFilters: { partnerDeviceIds: '={{ [{ a: 1 }] }}' } }, 'Item 0: "Partner Device IDs, entry 1" is an object, not text'],
		[{ operation: 'getStock', callbackUrl: 'n8n.example.com/hook' }, 'Item 0: "Callback URL" "n8n.example.com/hook" is not an http(s) URL'],
		[{ operation: 'getStock', payloadKeyStyle: '={{ "kebab" }}' }, 'Item 0: "Payload Keys" "kebab" is not one of snakeCase, camelCase'],
	])('refuses %j before sending: %s', async (parameters, message) => {
		const result = await runCatalog(parameters);

		expect(result.error?.message).toBe(message);
		expect(server.received).toHaveLength(0);
	});
});
