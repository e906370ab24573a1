import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../../sandbox/contracts/afosto';
import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useAfostoServer();

/** Seven records for the scripted pages. */
const PAGED_ITEMS = Array.from({ length: 7 }, (_, index) => ({ id: `item-${index + 1}` }));

const listGroups = { resource: 'groups', operation: 'getCatGroups' };

describe('Afosto lists (x-page / x-page-size paging of the Afosto API reference)', () => {
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
		expect(result.json).toEqual(afostoListRecords('getCatGroups', 0, 3));
	});

	it('a Limit above one page (250) follows the cursor until it has that many records', async () => {
		const records = Array.from({ length: 600 }, (_, index) => ({ id: `order-${index + 1}` }));
		const page = (from: number, next: string) => () => ({ status: 200, body: records.slice(from, from + 250), headers: { 'x-page': next } });
		server.scriptNext('getCatGroups', page(0, 'cursor-2'), page(250, 'cursor-3'), page(500, 'cursor-4'));

		const result = await runNode({ type: 'afostoCatalog', parameters: { ...listGroups, limit: 300 }, credentials: tokenCredentials() });

		const requests = server.requestsTo('getCatGroups');
		expect(requests.map((request) => [request.headers['x-page'], request.headers['x-page-size']])).toEqual([
			[undefined, '250'],
			['cursor-2', '250'],
		]);
		expect(result.json).toEqual(records.slice(0, 300));
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

describe('Afosto searches paged in the body (the Afosto API reference)', () => {
	const hit = (reference: string) => ({ reference, title: `Title ${reference}` });
	const search = { resource: 'index', operation: 'postCntSearch' };

	it('Return All sends page_cursor back until no next_page_cursor comes, one item per hit', async () => {
		const answer = (references: string[], next?: string) => () => ({
			status: 200,
			body: { hits: references.map(hit), pagination: { entity_count: 5, page_limit: 2, page_count: 3, ...(next ? { next_page_cursor: next } : {}) } },
		});
		server.scriptNext('postCntSearch', answer(['a', 'b'], 'cursor-2'), answer(['c', 'd'], 'cursor-3'), answer(['e']));

		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...search, returnAll: true, bodyFields: { q: '["phone"]', limit: 2 } },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		const bodies = server.requestsTo('postCntSearch').map((request) => request.body);
		expect(bodies).toEqual([
			{ q: ['phone'], limit: 2 },
			{ q: ['phone'], limit: 2, page_cursor: 'cursor-2' },
			{ q: ['phone'], limit: 2, page_cursor: 'cursor-3' },
		]);
		expect(result.json).toEqual(['a', 'b', 'c', 'd', 'e'].map(hit));
	});

	it('Return All asks for 250 per page when the body sets no limit, and stops when the cursor does not move', async () => {
		const stuck = () => ({ status: 200, body: { hits: [hit('a')], pagination: { next_page_cursor: 'same' } } });
		server.scriptNext('postCntSearch', stuck, stuck, stuck);

		const result = await runNode({ type: 'afostoContent', parameters: { ...search, returnAll: true }, credentials: tokenCredentials() });

		expect(server.requestsTo('postCntSearch').map((request) => request.body)).toEqual([{ limit: 250 }, { limit: 250, page_cursor: 'same' }]);
		expect(result.json).toHaveLength(2);
	});

	it('without Return All, outputs Afosto\'s one response with its pagination', async () => {
		const response = { hits: [hit('a')], facets: [], pagination: { next_page_cursor: 'cursor-2' } };
		server.scriptNext('postCntSearch', () => ({ status: 200, body: response }));

		const result = await runNode({ type: 'afostoContent', parameters: search, credentials: tokenCredentials() });

		expect(server.requestsTo('postCntSearch')).toHaveLength(1);
		expect(result.json).toEqual([response]);
	});

	it('Return All of an instant search moves the offset by the limit until it passes the count, hits of every index in order', async () => {
		const answer = (offset: number) => (request: { body?: unknown }) => {
			expect(request.body).toMatchObject({ offset, limit: 2 });
			const page = (index: string, references: string[]) => ({ id: index, count: 3, hits: references.map(hit) });
			const results = offset === 0 ? [page('idx-1', ['a', 'b']), page('idx-2', ['x'])] : [page('idx-1', ['c'])];
			return { status: 200, body: { results, offset, limit: 2, count: 4, q: 'phone' } };
		};
		server.scriptNext('postCntInstantSearchById', answer(0), answer(2));

		const result = await runNode({
			type: 'afostoContent',
			parameters: { resource: 'search', operation: 'postCntInstantSearchById', id: 'afosto', returnAll: true, bodyMode: 'json', bodyJson: '{"q": "phone", "limit": 2}' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(server.requestsTo('postCntInstantSearchById').map((request) => request.path)).toEqual(['/cnt/instant/search/afosto', '/cnt/instant/search/afosto']);
		expect(result.json).toEqual(['a', 'b', 'x', 'c'].map(hit));
	});

	it('refuses a paging number left as the example\'s placeholder, before anything is sent', async () => {
		const result = await runNode({
			type: 'afostoContent',
			parameters: { resource: 'search', operation: 'postCntInstantIndexesByIdSearch', id: 'products', returnAll: true, bodyMode: 'json', bodyJson: '{"q": "phone", "offset": "integer"}' },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toBe('Item 0: "Body (JSON) offset" is still the template\'s placeholder "integer"');
		expect(server.requestsTo('postCntInstantIndexesByIdSearch')).toHaveLength(0);
	});

	it('Return All reads every hit the sandbox\'s search holds, three pages of three', async () => {
		const result = await runNode({ type: 'afostoContent', parameters: { ...search, returnAll: true, bodyFields: { limit: 3 } }, credentials: tokenCredentials() });

		expect(server.requestsTo('postCntSearch').map((request) => (request.body as { page_cursor?: string }).page_cursor)).toEqual([undefined, 'after-3', 'after-6']);
		expect(result.json).toEqual(afostoListRecords('postCntSearch', 0, SANDBOX_LIST_SIZE));
	});

	it('pages the audit log list through the x-page header cursor its answer carries', async () => {
		server.scriptNext(
			'postIamLoggingLogs',
			() => ({ status: 200, body: [{ id: 'log-1' }], headers: { 'x-page': 'next-1' } }),
			() => ({ status: 200, body: [{ id: 'log-2' }] }),
		);

		const result = await runNode({ type: 'afostoIam', parameters: { resource: 'logging', operation: 'postIamLoggingLogs', returnAll: true }, credentials: tokenCredentials() });

		expect(server.requestsTo('postIamLoggingLogs').map((request) => request.headers['x-page'])).toEqual([undefined, 'next-1']);
		expect(result.json).toEqual([{ id: 'log-1' }, { id: 'log-2' }]);
	});
});
