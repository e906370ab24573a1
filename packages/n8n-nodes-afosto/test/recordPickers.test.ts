import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../../sandbox/contracts/afosto';
import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { searchList } from '../../../test/harness/listSearch';
import { runNode } from '../../../scripts/n8nCore/runNode';

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
