import type { INodeParameters } from 'n8n-workflow';

import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../../sandbox/contracts/afosto';
import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { searchList } from '../../../test/harness/listSearch';
import { runNode } from '../../../scripts/n8nCore/runNode';
import { afostoOperations } from './afostoOperations';

const { server, tokenCredentials } = useAfostoServer();

const getOrder = { resource: 'orders', operation: 'getOdrOrdersById' };
const ordersNode = () => ({ type: 'afostoOrders', parameters: { ...getOrder, id: { __rl: true, mode: 'list', value: '' } }, credentials: tokenCredentials() });
const sandboxOrders = () => afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE) as Array<{ id: string; number: string }>;

describe('Afosto resource locators (From List searches Afosto, By ID takes the ID)', () => {
	it('From List lists the orders by number with their IDs, one page of 50 through the credential', async () => {
		const result = await searchList(ordersNode(), 'searchOrders', 'id');

		expect(result.results).toEqual(sandboxOrders().map((order) => ({ name: order.number, value: order.id })));
		expect(result.paginationToken).toBeUndefined();
		const [request] = server.requestsTo('getOdrOrders');
		expect(request.headers['x-page-size']).toBe('50');
		expect(request.headers['x-page']).toBeUndefined();
		expect(request.headers.authorization).toBe('Bearer afosto-test-token');
	});

	it('hands the x-page cursor on as the paginationToken, and asks for the page it is given back', async () => {
		server.scriptNext(
			'getOdrOrders',
			() => ({ status: 200, body: [{ id: 'order-1', number: '1001' }], headers: { 'x-page': 'cursor-2' } }),
			() => ({ status: 200, body: [{ id: 'order-2', number: '1002' }] }),
		);

		const first = await searchList(ordersNode(), 'searchOrders', 'id');
		const second = await searchList(ordersNode(), 'searchOrders', 'id', undefined, first.paginationToken);

		expect(first).toEqual({ results: [{ name: '1001', value: 'order-1' }], paginationToken: 'cursor-2' });
		expect(second).toEqual({ results: [{ name: '1002', value: 'order-2' }] });
		expect(server.requestsTo('getOdrOrders').map((request) => request.headers['x-page'])).toEqual([undefined, 'cursor-2']);
	});

	it('searches orders on Afosto\'s side by number, the filter the Afosto API reference gives the list', async () => {
		const wanted = sandboxOrders()[4];

		const result = await searchList(ordersNode(), 'searchOrders', 'id', ` ${wanted.number} `);

		expect(server.requestsTo('getOdrOrders')[0].query).toEqual({ number: wanted.number });
		expect(result.results).toEqual([{ name: wanted.number, value: wanted.id }]);
	});

	it('searches contacts, whose list takes no filter, by name, e-mail address or ID in the page', async () => {
		const contacts = afostoListRecords('getRelContacts', 0, SANDBOX_LIST_SIZE) as Array<{ id: string; email: string }>;
		const node = { type: 'afostoContacts', parameters: { resource: 'contacts', operation: 'getRelContactsById' }, credentials: tokenCredentials() };

		const result = await searchList(node, 'searchContacts', 'id', contacts[2].email.toUpperCase());

		expect(server.requestsTo('getRelContacts')[0].query).toEqual({});
		expect(result.results).toHaveLength(1);
		expect(result.results[0].value).toBe(contacts[2].id);
		expect(result.results[0].name).toContain(`(${contacts[2].email})`);
	});

	it.each([
		['afostoCatalog', 'searchPriceGroups', 'getCatGroups'],
		['afostoPlatform', 'searchChannels', 'getCatChannels'],
		['afostoContacts', 'searchOrganisations', 'getRelOrganisations'],
		['afostoFulfilment', 'searchLogisticsLocations', 'getLcsLocations'],
		['afostoWms', 'searchWarehouseLocations', 'getWmsLocations'],
	])('%s %s lists the records of %s by name', async (type, method, list) => {
		const records = afostoListRecords(list, 0, SANDBOX_LIST_SIZE) as Array<{ id: string; name: string }>;

		const result = await searchList({ type, parameters: {}, credentials: tokenCredentials() }, method, 'id');

		expect(result.results.map(({ value }) => value)).toEqual(records.map(({ id }) => id));
		expect(result.results.every(({ name }, index) => String(name).startsWith(records[index].name))).toBe(true);
	});

	describe('the SKU of Catalog › Price › Get Many Prices for SKU, picked from the prices of the Price Group chosen above', () => {
		const getSkuPrices = { resource: 'prices', operation: 'getCatGroupsByIdPricesBySku' };
		const [group] = afostoListRecords('getCatGroups', 0, 1) as Array<{ id: string }>;
		const groupPrices = () => afostoListRecords('getCatGroupsByIdPrices', 0, SANDBOX_LIST_SIZE, { id: group.id }) as Array<{ sku: string; amount: number }>;
		const catalogNode = (id: unknown, sku: unknown = { __rl: true, mode: 'list', value: '' }) => ({
			type: 'afostoCatalog',
			parameters: { ...getSkuPrices, id, sku } as INodeParameters,
			credentials: tokenCredentials(),
		});
		const pickedGroup = () => catalogNode({ __rl: true, mode: 'list', value: group.id });
		const price = (sku: string, amount: number, activeAt: string) => ({ id: `price-${sku}-${amount}`, sku, amount, active_at: activeAt });

		it('keeps the parameter name `sku`, offers From List and By SKU, and says where the listed SKUs come from', () => {
			const operation = afostoOperations().find((candidate) => candidate.operation === getSkuPrices.operation)!;
			const field = operation.shown.find((property) => property.name === 'sku')!;

			expect(field).toMatchObject({ displayName: 'SKU', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
			expect(field.modes?.map((mode) => [mode.name, mode.displayName, mode.typeOptions?.searchListMethod])).toEqual([
				['list', 'From List', 'searchPriceGroupSkus'],
				['sku', 'By SKU', undefined],
			]);
			expect(field.description).toContain('From List shows the SKUs of the Price Group chosen above');
			const names = operation.shown.map((property) => property.name);
			expect(names.indexOf('id')).toBeLessThan(names.indexOf('sku'));
		});

		it("lists each SKU of the group's prices once, in the order Afosto lists them, through the credential", async () => {
			const result = await searchList(pickedGroup(), 'searchPriceGroupSkus', 'sku');

			const skus = [...new Set(groupPrices().map((record) => record.sku))];
			expect(skus.length).toBeLessThan(groupPrices().length);
			expect(result.results.map(({ value }) => value)).toEqual(skus);
			for (const { name, value } of result.results) {
				const amounts = groupPrices().filter((record) => record.sku === value).map((record) => `${value} · ${record.amount}`);
				expect(amounts).toContain(name);
			}
			expect(result.paginationToken).toBeUndefined();
			const [request] = server.requestsTo('getCatGroupsByIdPrices');
			expect(request.path).toBe(`/cat/groups/${group.id}/prices`);
			expect(request.headers['x-page-size']).toBe('50');
			expect(request.headers.authorization).toBe('Bearer afosto-test-token');
		});

		it('names a SKU by the price in effect now: the latest already active, else the first listed', async () => {
			server.scriptNext('getCatGroupsByIdPrices', () => ({
				status: 200,
				body: [
					price('TSHIRT-RED-M', 1995, '2001-01-01T00:00:00Z'),
					price('CAP', 900, '2999-01-01T00:00:00Z'),
					price('TSHIRT-RED-M', 2495, '2002-01-01T00:00:00Z'),
					price('TSHIRT-RED-M', 2995, '2999-01-01T00:00:00Z'),
					price('CAP', 950, '2999-06-01T00:00:00Z'),
					{ id: 'price-without-sku', amount: 1 },
				],
			}));

			const result = await searchList(pickedGroup(), 'searchPriceGroupSkus', 'sku');

			expect(result.results).toEqual([
				{ name: 'TSHIRT-RED-M · 2495', value: 'TSHIRT-RED-M' },
				{ name: 'CAP · 900', value: 'CAP' },
			]);
		});

		it("hands the x-page cursor on as the paginationToken, and asks the group's prices for the page it is given back", async () => {
			server.scriptNext(
				'getCatGroupsByIdPrices',
				() => ({ status: 200, body: [price('A-1', 100, '2001-01-01T00:00:00Z')], headers: { 'x-page': 'cursor-2' } }),
				() => ({ status: 200, body: [price('B-2', 200, '2001-01-01T00:00:00Z')] }),
			);

			const first = await searchList(pickedGroup(), 'searchPriceGroupSkus', 'sku');
			const second = await searchList(pickedGroup(), 'searchPriceGroupSkus', 'sku', undefined, first.paginationToken);

			expect(first).toEqual({ results: [{ name: 'A-1 · 100', value: 'A-1' }], paginationToken: 'cursor-2' });
			expect(second).toEqual({ results: [{ name: 'B-2 · 200', value: 'B-2' }] });
			const requests = server.requestsTo('getCatGroupsByIdPrices');
			expect(requests.map((request) => [request.path, request.headers['x-page']])).toEqual([
				[`/cat/groups/${group.id}/prices`, undefined],
				[`/cat/groups/${group.id}/prices`, 'cursor-2'],
			]);
		});

		it("searches the page's SKUs here, the group's prices taking no SKU filter in the Afosto API reference", async () => {
			const wanted = groupPrices()[4].sku;

			const result = await searchList(pickedGroup(), 'searchPriceGroupSkus', 'sku', ` ${wanted.toLowerCase()} `);

			expect(server.requestsTo('getCatGroupsByIdPrices')[0].query).toEqual({});
			expect(result.results.map(({ value }) => value)).toEqual([wanted]);
		});

		it('reads the group of a workflow saved with a plain ID, and of By ID, escaped into the path as requests are', async () => {
			await searchList(catalogNode(group.id), 'searchPriceGroupSkus', 'sku');
			await searchList(catalogNode({ __rl: true, mode: 'id', value: 'group/1' }), 'searchPriceGroupSkus', 'sku');

			expect(server.requestsTo('getCatGroupsByIdPrices').map((request) => request.path)).toEqual([
				`/cat/groups/${group.id}/prices`,
				'/cat/groups/group%2F1/prices',
			]);
		});

		it.each([
			['no Price Group chosen yet', { __rl: true, mode: 'list', value: '' }],
			['a blank ID', { __rl: true, mode: 'id', value: '  ' }],
			['no Price Group field value at all', undefined],
		])('with %s, From List says to choose the Price Group first and asks Afosto nothing', async (_, id) => {
			const searching = searchList(catalogNode(id), 'searchPriceGroupSkus', 'sku');

			await expect(searching).rejects.toThrow('Choose a Price Group first: From List shows the SKUs priced in the group, or enter the SKU By SKU.');
			expect(server.requestsTo('getCatGroupsByIdPrices')).toHaveLength(0);
		});

		it('refuses a group ID that would climb the path, naming the Price Group, before anything is sent', async () => {
			await expect(searchList(catalogNode({ __rl: true, mode: 'id', value: '..' }), 'searchPriceGroupSkus', 'sku')).rejects.toThrow(/"Price Group" is "\.\."/);
			expect(server.requestsTo('getCatGroupsByIdPrices')).toHaveLength(0);
		});

		it('Get Many Prices for SKU reads the SKU picked From List, typed By SKU, or saved as plain text, from the chosen group', async () => {
			const [picked, typed] = [...new Set(groupPrices().map((record) => record.sku))];
			const run = (sku: unknown) => runNode({ ...pickedGroup(), parameters: { ...pickedGroup().parameters, sku, limit: 2 } as INodeParameters });

			const fromList = await run({ __rl: true, mode: 'list', value: picked });
			const bySku = await run({ __rl: true, mode: 'sku', value: typed });
			const plain = await run('TSHIRT/RED M');

			expect([fromList.error, bySku.error, plain.error]).toEqual([undefined, undefined, undefined]);
			expect(server.requestsTo('getCatGroupsByIdPricesBySku').map((request) => request.path)).toEqual([
				`/cat/groups/${group.id}/prices/${picked}`,
				`/cat/groups/${group.id}/prices/${typed}`,
				`/cat/groups/${group.id}/prices/TSHIRT%2FRED%20M`,
			]);
			expect(fromList.json.map((record) => [record.sku, record.price_group_id])).toEqual([[picked, group.id], [picked, group.id]]);
		});

		it('refuses a SKU of ".." By SKU, naming the SKU field, before anything is sent', async () => {
			const result = await runNode({ ...pickedGroup(), parameters: { ...pickedGroup().parameters, sku: { __rl: true, mode: 'sku', value: '..' } } });

			expect(result.error?.message).toMatch(/"SKU" is "\.\."/);
			expect(server.requestsTo('getCatGroupsByIdPricesBySku')).toHaveLength(0);
		});
	});

	it('Get reads the order picked From List, and the plain ID a saved workflow holds', async () => {
		const [picked, saved] = sandboxOrders();

		const fromList = await runNode({ type: 'afostoOrders', parameters: { ...getOrder, id: { __rl: true, mode: 'list', value: picked.id } }, credentials: tokenCredentials() });
		const byId = await runNode({ type: 'afostoOrders', parameters: { ...getOrder, id: { __rl: true, mode: 'id', value: saved.id } }, credentials: tokenCredentials() });
		const plain = await runNode({ type: 'afostoOrders', parameters: { ...getOrder, id: saved.id }, credentials: tokenCredentials() });

		expect([fromList.error, byId.error, plain.error]).toEqual([undefined, undefined, undefined]);
		expect(server.requestsTo('getOdrOrdersById').map((request) => request.path)).toEqual([`/odr/orders/${picked.id}`, `/odr/orders/${saved.id}`, `/odr/orders/${saved.id}`]);
	});

	it('refuses an ID that an expression leaves blank, naming the field, before anything is sent', async () => {
		const blank = { ...getOrder, id: { __rl: true, mode: 'id', value: '={{ "  " }}' } };

		const result = await runNode({ type: 'afostoOrders', parameters: blank, credentials: tokenCredentials() });

		expect(result.error?.message).toMatch(/Order/);
		expect(server.requestsTo('getOdrOrdersById')).toHaveLength(0);
	});
});
