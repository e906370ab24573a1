/**
 * Afosto's resource locators in a real n8n: the editor's "From List" asks n8n's REST API
 * (`POST /rest/dynamic-node-parameters/resource-locator-results`), which runs the node's
 * listSearch with the saved sandbox credential.
 */

import { restPost } from './n8nApi';
import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../sandbox/contracts/afosto';

interface ResourceLocatorResults {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

/** What the editor sends for the Order field of Afosto Orders › Order › Get. */
const orderPicker = (filter?: string) => ({
	path: 'id',
	methodName: 'searchOrders',
	...(filter === undefined ? {} : { filter }),
	credentials: { afostoApi: { id: 'tpSandboxAfosto', name: 'Afosto (sandbox)' } },
	currentNodeParameters: { authentication: 'accessToken', resource: 'orders', operation: 'getOdrOrdersById', id: { __rl: true, mode: 'list', value: '' } },
	nodeTypeAndVersion: { name: 'n8n-nodes-afosto.afostoOrders', version: 1 },
});

const sandboxOrders = () => afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE) as Array<{ id: string; number: string }>;

/** What the editor sends for the SKU field of Afosto Catalog › Price › Get Many Prices for SKU, with the Price Group field's value. */
const skuPicker = (group: unknown, filter?: string) => ({
	path: 'sku',
	methodName: 'searchPriceGroupSkus',
	...(filter === undefined ? {} : { filter }),
	credentials: { afostoApi: { id: 'tpSandboxAfosto', name: 'Afosto (sandbox)' } },
	currentNodeParameters: {
		authentication: 'accessToken',
		resource: 'prices',
		operation: 'getCatGroupsByIdPricesBySku',
		id: group,
		sku: { __rl: true, mode: 'list', value: '' },
	},
	nodeTypeAndVersion: { name: 'n8n-nodes-afosto.afostoCatalog', version: 1 },
});

describe('Afosto Orders order picker in a real n8n', () => {
	it("lists the sandbox's orders by number for From List", async () => {
		const answer = await restPost<ResourceLocatorResults>('/dynamic-node-parameters/resource-locator-results', orderPicker());

		expect(answer.results).toEqual(sandboxOrders().map((order) => ({ name: order.number, value: order.id })));
		expect(answer.paginationToken).toBeUndefined();
	});

	it('searches the orders on Afosto by number', async () => {
		const wanted = sandboxOrders()[3];

		const answer = await restPost<ResourceLocatorResults>('/dynamic-node-parameters/resource-locator-results', orderPicker(wanted.number));

		expect(answer.results).toEqual([{ name: wanted.number, value: wanted.id }]);
	});
});

describe('Afosto Catalog SKU picker in a real n8n', () => {
	const [group] = afostoListRecords('getCatGroups', 0, 1) as Array<{ id: string }>;
	const groupPrices = () => afostoListRecords('getCatGroupsByIdPrices', 0, SANDBOX_LIST_SIZE, { id: group.id }) as Array<{ sku: string; amount: number }>;

	it("lists the SKUs of the sandbox price group's prices for From List, each once", async () => {
		const answer = await restPost<ResourceLocatorResults>('/dynamic-node-parameters/resource-locator-results', skuPicker({ __rl: true, mode: 'list', value: group.id }));

		const skus = [...new Set(groupPrices().map((price) => price.sku))];
		expect(answer.results.map((result) => result.value)).toEqual(skus);
		expect(answer.results.every((result) => groupPrices().some((price) => result.name === `${price.sku} · ${price.amount}` && price.sku === result.value))).toBe(true);
		expect(answer.paginationToken).toBeUndefined();
	});

	it('searches the SKUs by text', async () => {
		const wanted = groupPrices()[2].sku;

		const answer = await restPost<ResourceLocatorResults>('/dynamic-node-parameters/resource-locator-results', skuPicker({ __rl: true, mode: 'list', value: group.id }, wanted.toLowerCase()));

		expect(answer.results.map((result) => result.value)).toEqual([wanted]);
	});

	it('says to choose the Price Group first when none is chosen', async () => {
		const asking = restPost<ResourceLocatorResults>('/dynamic-node-parameters/resource-locator-results', skuPicker({ __rl: true, mode: 'list', value: '' }));

		await expect(asking).rejects.toThrow('Choose a Price Group first: From List shows the SKUs priced in the group, or enter the SKU By SKU.');
	});
});
