import { useAfostoServer } from '../harness/afostoSetup';
import { runNode } from '../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useAfostoServer();

const createGroup = { resource: 'groups', operation: 'postCatGroups' };

describe('Afosto requests: bodies, checks before sending, errors, idempotency', () => {
	it('sends the typed body fields with their JSON types, and nothing that was left out', async () => {
		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { ...createGroup, bodyFields: { name: 'Retail', isIncludingVat: true, metadata: '{"source": "n8n"}' } },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('postCatGroups')[0].body).toEqual({ name: 'Retail', is_including_vat: true, metadata: { source: 'n8n' } });
	});

	it('keeps an array body an array in JSON mode', async () => {
		const prices = [{ sku: 'SKU-1', amount: 1299 }];
		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { resource: 'prices', operation: 'putCatGroupsByIdPrices', id: 'group-1', bodyJson: JSON.stringify(prices) },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('putCatGroupsByIdPrices')[0].body).toEqual(prices);
	});

	it.each([
		[{ resource: 'groups', operation: 'getCatGroupsById', id: '={{ " " }}' }, 'Item 0: "ID" is empty'],
		[{ ...createGroup, bodyMode: 'json', bodyJson: '{"name": ' }, 'Item 0: "Body (JSON)" is not valid JSON'],
		[{ ...createGroup, bodyMode: 'json', bodyJson: '[1]' }, 'Item 0: "Body (JSON)" must be a JSON object'],
		[{ ...createGroup, bodyFields: { metadata: '{source}' } }, 'Item 0: "Metadata" is not valid JSON'],
		[{ resource: 'prices', operation: 'putCatGroupsByIdPrices', id: 'g', bodyJson: '{"sku": "A"}' }, 'Item 0: "Body (JSON)" must be a JSON array'],
		[
			{ resource: 'prices', operation: 'getCatGroupsByIdPricesBySku', id: 'g', sku: 'A', additionalFields: { isPlanned: '={{ "yes" }}' } },
			'Item 0: "Is Planned" "yes" is not one of',
		],
	])('refuses %j before sending', async (parameters, message) => {
		const result = await runNode({ type: 'afostoCatalog', parameters, credentials: tokenCredentials() });

		expect(result.error?.message).toContain(message);
		expect(server.received).toHaveLength(0);
	});

	it("shows Afosto's {code, message, reference, errors} as the node's error", async () => {
		server.scriptNext('postCatGroups', () => ({
			status: 400,
			body: { code: 'VALIDATION_FAILED', message: 'The request is invalid', reference: 'req-7f3a', errors: { currency: ['must be ISO 4217'] } },
		}));

		const result = await runNode({ type: 'afostoCatalog', parameters: { ...createGroup, bodyFields: { currency: 'euro' } }, credentials: tokenCredentials() });

		expect(result.error?.message).toBe('Afosto answered 400: VALIDATION_FAILED: The request is invalid');
		expect(result.error?.description).toBe('Reference: req-7f3a\ncurrency: must be ISO 4217');
	});

	it('sends an x-idempotency-key derived per item that stays the same when n8n retries the order', async () => {
		server.scriptNext('postOdrOrders', () => ({ status: 503, body: { code: 'UNAVAILABLE', message: 'Try again', reference: 'r', errors: {} } }));

		const result = await runNode({
			type: 'afostoOrders',
			parameters: { resource: 'orders', operation: 'postOdrOrders', bodyFields: { type: 'order' } },
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		const keys = server.requestsTo('postOdrOrders').map((request) => request.headers['x-idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(keys[1]).toBe(keys[0]);
	});

	it('sends the idempotency key the user gives', async () => {
		await runNode({
			type: 'afostoOrders',
			parameters: { resource: 'orders', operation: 'postOdrOrders', additionalFields: { xIdempotencyKey: 'order-2026-0001' } },
			credentials: tokenCredentials(),
		});

		expect(server.requestsTo('postOdrOrders')[0].headers['x-idempotency-key']).toBe('order-2026-0001');
	});
});
