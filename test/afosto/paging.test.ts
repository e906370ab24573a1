import { PAGED_ITEMS } from '../contracts/afosto';
import { useAfostoServer } from '../harness/afostoSetup';
import { runNode } from '../harness/runNode';

const { server, tokenCredentials } = useAfostoServer();

const listGroups = { resource: 'groups', operation: 'getCatGroups' };

describe('Afosto lists (x-page / x-page-size paging of seed 002)', () => {
	it('Return All follows the x-page cursor across three pages and returns every record once', async () => {
		const page = (items: typeof PAGED_ITEMS, next?: string) => () => ({
			status: 200,
			body: items,
			headers: { 'x-count': '7', ...(next ? { 'x-page': next } : {}) },
		});
		server.scriptNext('getCatGroups', page(PAGED_ITEMS.slice(0, 3), 'cursor-2'), page(PAGED_ITEMS.slice(3, 6), 'cursor-3'), page(PAGED_ITEMS.slice(6)));

		const result = await runNode({ type: 'afostoCatalog', parameters: { ...listGroups, returnAll: true }, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('getCatGroups');
		expect(requests.map((request) => request.headers['x-page'])).toEqual([undefined, 'cursor-2', 'cursor-3']);
		expect(requests.map((request) => request.headers['x-page-size'])).toEqual(['250', '250', '250']);
		expect(result.json).toEqual(PAGED_ITEMS);
	});

	it('Limit asks for one page of that size and stops', async () => {
		const result = await runNode({ type: 'afostoCatalog', parameters: { ...listGroups, limit: 3 }, credentials: tokenCredentials() });

		expect(server.requestsTo('getCatGroups')).toHaveLength(1);
		expect(server.requestsTo('getCatGroups')[0].headers['x-page-size']).toBe('3');
		expect(result.json).toEqual(PAGED_ITEMS.slice(0, 3));
	});

	it('Return All stops at an empty page even if a cursor comes back', async () => {
		server.scriptNext(
			'getCatGroups',
			() => ({ status: 200, body: PAGED_ITEMS.slice(0, 2), headers: { 'x-page': '2' } }),
			() => ({ status: 200, body: [], headers: { 'x-page': '3' } }),
		);

		const result = await runNode({ type: 'afostoCatalog', parameters: { ...listGroups, returnAll: true }, credentials: tokenCredentials() });

		expect(server.requestsTo('getCatGroups')).toHaveLength(2);
		expect(result.json).toHaveLength(2);
	});

	it('sends array query parameters as arrays and leaves out the ones not given', async () => {
		await runNode({
			type: 'afostoContent',
			parameters: { resource: 'index', operation: 'getCntSuggest', additionalFields: { codes: ['A1', 'B2'], models: ['product'] } },
			credentials: tokenCredentials(),
		});

		server.assertNoViolations();
		const [request] = server.requestsTo('getCntSuggest');
		expect(request.query).toEqual({ codes: ['A1', 'B2'], models: 'product' });
	});
});
