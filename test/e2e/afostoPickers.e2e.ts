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
