import type { INodeProperties } from 'n8n-workflow';

import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { AfostoCatalog } from '../nodes/Afosto/AfostoCatalog.node';
import { runNode } from '../../../scripts/n8nCore/runNode';

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

	it('sends a Body (JSON) key named like an Object.prototype method ("toString") as written', async () => {
		const bodyJson = '{"name": "Retail", "toString": {"kept": true}, "is_including_vat": true}';
		const result = await runNode({ type: 'afostoCatalog', parameters: { ...createGroup, bodyMode: 'json', bodyJson }, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('postCatGroups')[0].body).toEqual({ name: 'Retail', toString: { kept: true }, is_including_vat: true });
	});

	it.each([
		[createGroup, '{"name": "Retail", "constructor": "x"}', '"Body (JSON) constructor"'],
		[createGroup, '{"name": "Retail", "__proto__": {"name": "other"}}', '"Body (JSON) __proto__"'],
		[createGroup, '{"name": "Retail", "metadata": {"a": {"prototype": 1}}}', '"Body (JSON) metadata.a.prototype"'],
		[{ resource: 'prices', operation: 'putCatGroupsByIdPrices', id: 'g' }, '[{"sku": "A"}, {"sku": "B", "constructor": 1}]', '"Body (JSON) [1].constructor"'],
	])('refuses a Body (JSON) key that n8n would leave out of the request: %j %s', async (operation, bodyJson, field) => {
		const result = await runNode({ type: 'afostoCatalog', parameters: { ...operation, bodyMode: 'json', bodyJson }, credentials: tokenCredentials() });

		expect(result.error?.message.startsWith(`Item 0: ${field} is a key n8n leaves out of the request`)).toBe(true);
		expect(server.received).toHaveLength(0);
	});

	it.each([
		[{ resource: 'groups', operation: 'getCatGroupsById', id: '={{ " " }}' }, 'Item 0: "Price Group" is empty'],
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

	it.each([
		['afostoCatalog', { resource: 'groups', operation: 'getCatGroupsById', id: '={{ null }}' }, 'Item 0: "Price Group" is empty, not text'],
		[
			'afostoMessaging',
			{ resource: 'relays', operation: 'getMesWebhooksRelaysByIdMessagesByMessageId', id: 'relay-1', messageId: '={{ $json.missing }}' },
			'Item 0: "Message ID" is empty, not text',
		],
		['afostoOrders', { resource: 'orders', operation: 'deleteOdrOrdersById', id: '..' }, 'Item 0: "Order" is "..", which would change the path'],
		['afostoOrders', { resource: 'orders', operation: 'postOdrOrdersByIdAccept', id: { __rl: true, mode: 'id', value: '={{ ".." }}' } }, 'Item 0: "Order" is "..", which would change the path'],
		['afostoOrders', { resource: 'orders', operation: 'getOdrOrdersById', id: '={{ { "id": 1 } }}' }, /^Item 0: "Order" is an? object, not text$/],
	])('%s: refuses a path value that would change the path (%j) before sending', async (type, parameters, message) => {
		const result = await runNode({ type, parameters, credentials: tokenCredentials() });

		expect(result.error?.message).toMatch(message);
		expect(server.received).toHaveLength(0);
	});

	it('leaves out a filter added but left empty, and sends a list filter as repeated keys', async () => {
		await runNode({
			type: 'afostoOrders',
			parameters: { resource: 'orders', operation: 'getOdrOrders', limit: 1, additionalFields: { number: '' } },
			credentials: tokenCredentials(),
		});
		await runNode({
			type: 'afostoContent',
			parameters: { resource: 'index', operation: 'getCntSuggest', additionalFields: { codes: ['A1', 'B2'], models: '={{ null }}' } },
			credentials: tokenCredentials(),
		});

		server.assertNoViolations();
		expect(server.requestsTo('getOdrOrders')[0].query).toEqual({});
		expect(server.requestsTo('getCntSuggest')[0].query).toEqual({ codes: ['A1', 'B2'] });
	});

	it.each([
		[{ ...createGroup, bodyFields: { name: '={{ { "en": "Retail" } }}' } }, 'Item 0: "Name" is an object, not text'],
		[{ ...createGroup, bodyFields: { isIncludingVat: '={{ "boolean" }}' } }, 'Item 0: "Is Including VAT" is the text "boolean", not true or false'],
		[{ ...createGroup, bodyFields: { metadata: '={{ ["a", "b"] }}' } }, 'Item 0: "Metadata" is a list, not a JSON object'],
	])('refuses a body value of the wrong type, naming the field: %j', async (parameters, message) => {
		const result = await runNode({ type: 'afostoCatalog', parameters, credentials: tokenCredentials() });

		expect(result.error?.message).toBe(message);
		expect(server.received).toHaveLength(0);
	});

	it('sends the purge domains of Fields mode as a list, as the Afosto API reference types them (string[])', async () => {
		const result = await runNode({
			type: 'afostoIam',
			parameters: { resource: 'tenants', operation: 'postIamPurges', bodyFields: { domains: ['rel:contacts', 'odr:orders'] } },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('postIamPurges')[0].body).toEqual({ domains: ['rel:contacts', 'odr:orders'] });
	});

	it("refuses a Body (JSON) that still holds the template's type names, naming where", async () => {
		const template = new AfostoCatalog().description.properties.find(
			(property: INodeProperties) => property.name === 'bodyJson' && property.displayOptions?.show?.operation?.includes('postCatGroups'),
		)!.default;
		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { ...createGroup, bodyMode: 'json', bodyJson: String(template).replace('"string"', '"Retail"') },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('Item 0: "Body (JSON) is_including_vat" is still the template\'s placeholder "boolean"');
		expect(server.received).toHaveLength(0);
	});

	it.each([
		['ñandú-📱-Ω', 'Item 0: "X Idempotency Key" is the text "ñandú-📱-Ω", which has characters an HTTP header cannot carry unchanged'],
		['={{ 42 }}', 'Item 0: "X Idempotency Key" is the number 42, not text'],
		['={{ "order-1\\r\\nx-evil: 1" }}', 'Item 0: "X Idempotency Key" is the text "order-1\\r\\nx-evil: 1", which has characters an HTTP header cannot carry unchanged'],
	])('refuses an idempotency key that a header cannot carry as given: %s', async (key, message) => {
		const result = await runNode({
			type: 'afostoOrders',
			parameters: { resource: 'orders', operation: 'postOdrOrders', additionalFields: { xIdempotencyKey: key } },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe(message);
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
	it('outputs {"deleted": true} for a delete Afosto answers with no content, and a delete\'s answer as it is otherwise', async () => {
		const empty = await runNode({
			type: 'afostoPlatform',
			parameters: { resource: 'integrations', operation: 'deleteIntAppsIntegrationsById', id: 'integration-1' },
			credentials: tokenCredentials(),
		});
		expect(empty.error).toBeUndefined();
		expect(server.requestsTo('deleteIntAppsIntegrationsById')[0].method).toBe('DELETE');
		expect(empty.json).toEqual([{ deleted: true }]);

		server.scriptNext('deleteIntAppsIntegrationsById', () => ({ status: 200, body: { id: 'integration-1', state: 'removed' } }));
		const answered = await runNode({
			type: 'afostoPlatform',
			parameters: { resource: 'integrations', operation: 'deleteIntAppsIntegrationsById', id: 'integration-1' },
			credentials: tokenCredentials(),
		});
		expect(answered.json).toEqual([{ id: 'integration-1', state: 'removed' }]);
	});
});
