import { DirectoryLoader } from 'n8n-core';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { AfostoCatalog } from '../nodes/Afosto/AfostoCatalog.node';
import { AfostoContent } from '../nodes/Afosto/AfostoContent.node';
import { AfostoIam } from '../nodes/Afosto/AfostoIam.node';
import type { ContractAnswer, ContractResponse, ReceivedRequest } from '../../../sandbox/contractServer';
import { runNode } from '../../../scripts/n8nCore/runNode';
import type { NodeRun } from '../../../scripts/n8nCore/runNode';
import { useAfostoServer } from '../../../test/harness/afostoSetup';

const { server, tokenCredentials } = useAfostoServer();

/** What the server holds: five pages of three. Faults go to the middle page, after six records. */
const RECORDS = Array.from({ length: 15 }, (_, index) => ({ id: `record-${index + 1}` }));
const PER_PAGE = 3;
const PAGES = RECORDS.length / PER_PAGE;
const FAULTY_PAGE = 3;
const READ_BEFORE_FAULT = (FAULTY_PAGE - 1) * PER_PAGE;
const recordsOf = (page: number) => RECORDS.slice((page - 1) * PER_PAGE, page * PER_PAGE);

/**
 * The node as n8n loads it from the package: n8n adds "Request Options" (Batching, Proxy,
 * Timeout) to every declarative node. The tests' own node types lack it; the hang tests need its
 * Timeout.
 */
function asN8nLoadsIt(node: INodeType): INodeType {
	const loaded = { ...node, description: { ...node.description, properties: [...node.description.properties] } } as INodeType;
	DirectoryLoader.applyDeclarativeNodeOptionParameters(loaded);
	return loaded;
}

/** A way Afosto pages a list, with the page a request asks for and the documented answer of a page. */
interface PagingKind {
	title: string;
	route: string;
	node: INodeType;
	parameters: INodeParameters;
	pageAsked: (request: ReceivedRequest) => number;
	answer: (page: number) => ContractResponse;
	/** How the error names the cursor or offset the faulty page was asked for with. */
	sentForFaultyPage: string;
	noun: 'list' | 'search';
}

/** A list paged by the x-page header: pages answer the next page's cursor in `x-page`. */
const headerPagedList = (kind: Pick<PagingKind, 'title' | 'route' | 'node' | 'parameters'>): PagingKind => ({
	...kind,
	pageAsked: (request) => Number(/^cursor-(\d+)$/.exec(String(request.headers['x-page'] ?? ''))?.[1] ?? 1),
	answer: (page) => ({ status: 200, body: recordsOf(page), headers: page < PAGES ? { 'x-page': `cursor-${page + 1}` } : undefined }),
	sentForFaultyPage: 'x-page "cursor-3"',
	noun: 'list',
});
const bodyOf = (request: ReceivedRequest) => (request.body ?? {}) as { page_cursor?: string; offset?: number };

const KINDS: PagingKind[] = [
	headerPagedList({
		title: 'a list paged by the x-page header (Afosto Catalog: Get Groups)',
		route: 'getCatGroups',
		node: asN8nLoadsIt(new AfostoCatalog()),
		parameters: { resource: 'groups', operation: 'getCatGroups', returnAll: true },
	}),
	headerPagedList({
		title: 'the audit log, paged by its x-page header (Afosto IAM: Get the Audit Log)',
		route: 'getIamLogs',
		node: asN8nLoadsIt(new AfostoIam()),
		parameters: { resource: 'audit', operation: 'getIamLogs', returnAll: true },
	}),
	{
		title: 'a search paged by page_cursor in the body (Afosto Content: Run a Simple Search)',
		route: 'postCntSearch',
		node: asN8nLoadsIt(new AfostoContent()),
		parameters: { resource: 'index', operation: 'postCntSearch', returnAll: true, bodyFields: { limit: PER_PAGE } },
		pageAsked: (request) => Number(/^after-(\d+)$/.exec(bodyOf(request).page_cursor ?? '')?.[1] ?? 0) / PER_PAGE + 1,
		answer: (page) => ({
			status: 200,
			body: {
				hits: recordsOf(page),
				pagination: { entity_count: RECORDS.length, page_limit: PER_PAGE, page_count: PAGES, ...(page < PAGES ? { next_page_cursor: `after-${page * PER_PAGE}` } : {}) },
			},
		}),
		sentForFaultyPage: 'page_cursor "after-6"',
		noun: 'search',
	},
	{
		title: 'a search paged by offset and limit in the body (Afosto Content: Search Documents)',
		route: 'postCntInstantSearchById',
		node: asN8nLoadsIt(new AfostoContent()),
		parameters: { resource: 'search', operation: 'postCntInstantSearchById', id: 'afosto', returnAll: true, bodyMode: 'json', bodyJson: `{"q": "phone", "limit": ${PER_PAGE}}` },
		pageAsked: (request) => Number(bodyOf(request).offset ?? 0) / PER_PAGE + 1,
		answer: (page) => ({
			status: 200,
			body: { results: [{ id: 'products', count: RECORDS.length, hits: recordsOf(page), facets: [] }], offset: (page - 1) * PER_PAGE, limit: PER_PAGE, count: RECORDS.length },
		}),
		sentForFaultyPage: 'offset 6',
		noun: 'search',
	},
];

/**
 * Serves the kind's pages; the faulty page answers `fault` to its first `times` requests. Hands
 * back when (ms) each request for the faulty page arrived, to measure the waits between them.
 */
function serveWithFault(kind: PagingKind, fault: ContractAnswer, times: number): number[] {
	let injected = 0;
	const faultyPageAskedAt: number[] = [];
	server.scriptEvery(kind.route, (request) => {
		const page = kind.pageAsked(request);
		if (page === FAULTY_PAGE) faultyPageAskedAt.push(Date.now());
		if (page === FAULTY_PAGE && injected < times) {
			injected++;
			return fault;
		}
		return kind.answer(page);
	});
	return faultyPageAskedAt;
}

const secondsBetween = (times: number[]) => times.slice(1).map((time, index) => (time - times[index]) / 1000);

const pagesAsked = (kind: PagingKind) => server.requestsTo(kind.route).map(kind.pageAsked);

/** n8n's "Request Options" → "Timeout" of the hang tests: short, yet long enough for a page on a busy machine. */
const TIMEOUT_MS = 1000;
const isHang = (answer: ContractAnswer) => 'fault' in answer && answer.fault === 'hang';

/** Short waits (and a short timeout where a page hangs), so a test takes no more than a second or two. */
async function runList(kind: PagingKind, options: { pagingOptions?: INodeParameters; continueOnFail?: boolean; timeout?: boolean } = {}): Promise<NodeRun> {
	const result = await runNode({
		type: kind.node,
		parameters: {
			...kind.parameters,
			...(options.timeout ? { requestOptions: { timeout: TIMEOUT_MS } } : {}),
			pagingOptions: options.pagingOptions ?? { maxRetryWaitSeconds: 0.1 },
		},
		credentials: tokenCredentials(),
		continueOnFail: options.continueOnFail,
	});
	expectWholeOrAnError(result);
	return result;
}

/** The rule every run keeps: all the server's records, or an error; never success with part of them. */
function expectWholeOrAnError(result: NodeRun): void {
	const last = result.json.at(-1);
	if (result.error || (last && 'error' in last)) return;
	expect(result.json).toEqual(RECORDS);
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ContractResponse => ({ status, body, headers });
const text = (status: number, body: string, contentType: string): ContractResponse => ({ status, body: Buffer.from(body), headers: { 'content-type': contentType } });
const afostoError = (status: number, message: string, headers: Record<string, string> = {}) => json(status, { code: status, message, reference: 'fault-test', errors: {} }, headers);

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html>
  <head><title>Down for maintenance</title></head>
  <body><h1>We will be back soon</h1><p>Our API is being upgraded; please try again in a few minutes.</p></body>
</html>`;
/** How an error quotes it: the first 120 characters, whitespace runs as one space. */
const MAINTENANCE_PAGE_START = '<!DOCTYPE html> <html> <head><title>Down for maintenance</title></head> <body><h1>We will be back soon</h1><p>Our API is…';

/** Faults that go away: each answers the faulty page once, then the page comes. */
const TRANSIENT_FAULTS: Array<[string, ContractAnswer]> = [
	['429 with Retry-After: 0', afostoError(429, 'Too many requests', { 'retry-after': '0' })],
	['500', afostoError(500, 'Internal Server Error', { 'retry-after': '0' })],
	['502', text(502, '<html><body>502 Bad Gateway</body></html>', 'text/html')],
	['503 with Retry-After: 0', afostoError(503, 'Service Unavailable', { 'retry-after': '0' })],
	['504', text(504, '<html><body>504 Gateway Time-out</body></html>', 'text/html')],
	['connection reset', { fault: 'reset' }],
	['hang past the timeout', { fault: 'hang' }],
];

/** The same faults staying: every attempt at the faulty page fails. */
const LASTING_FAULTS: Array<[string, ContractAnswer, RegExp]> = [
	['429', afostoError(429, 'Too many requests', { 'retry-after': '0' }), /: Afosto answered 429: Too many requests\./],
	['500', afostoError(500, 'Internal Server Error', { 'retry-after': '0' }), /: Afosto answered 500: Internal Server Error\./],
	['502', { ...text(502, '<html><body>502 Bad Gateway</body></html>', 'text/html'), headers: { 'content-type': 'text/html', 'retry-after': '0' } }, /Afosto answered 502 with <html><body>502 Bad Gateway<\/body><\/html>/],
	['503', afostoError(503, 'Service Unavailable', { 'retry-after': '0' }), /: Afosto answered 503: Service Unavailable\./],
	['504', { ...text(504, '<html><body>504 Gateway Time-out</body></html>', 'text/html'), headers: { 'content-type': 'text/html', 'retry-after': '0' } }, /Afosto answered 504 with <html><body>504 Gateway Time-out/],
];

/** Network faults that stay: only where "Paging Options" can make the back-off short. */
const LASTING_NETWORK_FAULTS: Array<[string, ContractAnswer, RegExp]> = [
	['connection reset', { fault: 'reset' }, /: no answer, read ECONNRESET\./],
	['hang past the timeout', { fault: 'hang' }, /: no answer, none within 1 s \(the node.s request timeout\)\./],
];

/** 200 answers that are not the documented page: never retried, never taken as the end of the list. */
const WRONG_SHAPES: Array<[string, ContractResponse, string]> = [
	['an HTML maintenance page', text(200, MAINTENANCE_PAGE, 'text/html'), `is not JSON: Afosto answered 200 with ${MAINTENANCE_PAGE_START}`],
	['malformed JSON', text(200, '[{"id": "record-7"}, {"id": "rec', 'application/json'), 'is not JSON: Afosto answered 200 with [{"id": "record-7"}, {"id": "rec'],
];

describe.each(KINDS)('Return All of $title', (kind) => {
	const faultyPage = `Page ${FAULTY_PAGE} of the ${kind.noun} (${kind.sentForFaultyPage})`;

	it.each(TRANSIENT_FAULTS)('asks for page 3 again after a %s there and returns every record once', async (_name, fault) => {
		serveWithFault(kind, fault, 1);

		const result = await runList(kind, { timeout: isHang(fault) });

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(RECORDS);
		expect(pagesAsked(kind)).toEqual([1, 2, 3, 3, 4, 5]);
	});

	it('waits the Retry-After that a 503 asks for before asking for page 3 again', async () => {
		// Two seconds: more than the first back-off (one second) that applies without Retry-After.
		const faultyPageAskedAt = serveWithFault(kind, afostoError(503, 'Service Unavailable', { 'retry-after': '2' }), 1);

		const result = await runList(kind, { pagingOptions: { maxRetryWaitSeconds: 5 } });

		expect(result.json).toEqual(RECORDS);
		const [wait] = secondsBetween(faultyPageAskedAt);
		expect(wait).toBeGreaterThanOrEqual(1.95);
	});

	it.each(LASTING_FAULTS)('fails naming page 3, the %s and the 6 records read when page 3 keeps failing, after the retries', async (_name, fault, answer) => {
		serveWithFault(kind, fault, Infinity);

		const result = await runList(kind, { pagingOptions: { maxRetries: 2, maxRetryWaitSeconds: 1 } });

		const attempts = 3;
		expect(result.error?.message).toContain(`${faultyPage} failed after ${attempts} attempts: `);
		expect(result.error?.message).toMatch(answer);
		expect(result.error?.message).toContain(`${READ_BEFORE_FAULT} records were read before it.`);
		expect(pagesAsked(kind)).toEqual([1, 2, ...Array(attempts).fill(3)]);
	});

	it.each(LASTING_NETWORK_FAULTS)('fails naming page 3 and the 6 records read when page 3 keeps ending in a %s, after "Max Retries per Page"', async (_name, fault, cause) => {
		serveWithFault(kind, fault, Infinity);

		const result = await runList(kind, { pagingOptions: { maxRetries: 1, maxRetryWaitSeconds: 0 }, timeout: isHang(fault) });

		expect(result.error?.message).toContain(`${faultyPage} failed after 2 attempts: `);
		expect(result.error?.message).toMatch(cause);
		expect(result.error?.message).toContain(`${READ_BEFORE_FAULT} records were read before it.`);
		expect(pagesAsked(kind)).toEqual([1, 2, 3, 3]);
	});

	it('waits no longer than "Max Wait per Retry" even when Retry-After asks for more', async () => {
		const faultyPageAskedAt = serveWithFault(kind, afostoError(429, 'Too many requests', { 'retry-after': '30' }), 2);

		const result = await runList(kind, { pagingOptions: { maxRetries: 3, maxRetryWaitSeconds: 0.2 } });

		expect(result.json).toEqual(RECORDS);
		expect(pagesAsked(kind)).toEqual([1, 2, 3, 3, 3, 4, 5]);
		for (const wait of secondsBetween(faultyPageAskedAt)) expect(wait).toBeGreaterThanOrEqual(0.19);
		for (const wait of secondsBetween(faultyPageAskedAt)) expect(wait).toBeLessThan(1.5);
	});

	it('does not retry at all with "Max Retries per Page" at 0', async () => {
		serveWithFault(kind, afostoError(503, 'Service Unavailable', { 'retry-after': '0' }), 1);

		const result = await runList(kind, { pagingOptions: { maxRetries: 0 } });

		expect(result.error?.message).toContain(`${faultyPage} failed after 1 attempt: Afosto answered 503`);
		expect(pagesAsked(kind)).toEqual([1, 2, 3]);
	});

	it.each(WRONG_SHAPES)('fails naming page 3, status 200, the start of the answer and the 6 records read when page 3 is %s', async (_name, answer, problem) => {
		serveWithFault(kind, answer, 1);

		const result = await runList(kind);

		expect(result.error?.message).toBe(`${faultyPage} ${problem}. ${READ_BEFORE_FAULT} records were read before it.`);
		expect(pagesAsked(kind)).toEqual([1, 2, 3]);
	});

	it('fails naming page 3 when page 3 is a JSON object but not the documented page', async () => {
		const notThePage = json(200, { status: 'ok', maintenance: true });
		serveWithFault(kind, notThePage, 1);

		const result = await runList(kind);

		const problem = kind.noun === 'list' ? 'is not a JSON list' : kind.route === 'postCntSearch' ? 'has no "hits" list and "pagination"' : 'has no "results" with "hits" lists and "count"';
		expect(result.error?.message).toBe(`${faultyPage} ${problem}: Afosto answered 200 with {"status":"ok","maintenance":true}. ${READ_BEFORE_FAULT} records were read before it.`);
		expect(pagesAsked(kind)).toEqual([1, 2, 3]);
	});

	it('fails naming page 3 at once on an error that retrying does not mend (400)', async () => {
		serveWithFault(kind, afostoError(400, 'The cursor is invalid'), Infinity);

		const result = await runList(kind);

		expect(result.error?.message).toBe(`${faultyPage} failed: Afosto answered 400: The cursor is invalid. ${READ_BEFORE_FAULT} records were read before it.`);
		expect(result.error?.description).toMatch(/^Reference: fault-test\nThe (list|search) is incomplete/);
		expect(pagesAsked(kind)).toEqual([1, 2, 3]);
	});

	it('with Continue On Fail, outputs the 6 records read and one error item naming page 3 when page 3 keeps answering 503', async () => {
		serveWithFault(kind, afostoError(503, 'Service Unavailable', { 'retry-after': '0' }), Infinity);

		const result = await runList(kind, { continueOnFail: true, pagingOptions: { maxRetries: 1 } });

		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(READ_BEFORE_FAULT + 1);
		expect(result.json.slice(0, READ_BEFORE_FAULT)).toEqual(RECORDS.slice(0, READ_BEFORE_FAULT));
		const errorItem = result.json[READ_BEFORE_FAULT];
		expect(errorItem).toEqual({ error: expect.stringContaining(`${faultyPage} failed after`), page: FAULTY_PAGE, recordsRead: READ_BEFORE_FAULT });
		expect(errorItem.error).toContain('Afosto answered 503');
	});

	it('with Continue On Fail, outputs the 6 records read and one error item when page 3 is an HTML page', async () => {
		serveWithFault(kind, text(200, MAINTENANCE_PAGE, 'text/html'), 1);

		const result = await runList(kind, { continueOnFail: true });

		expect(result.json).toEqual([
			...RECORDS.slice(0, READ_BEFORE_FAULT),
			{ error: `${faultyPage} is not JSON: Afosto answered 200 with ${MAINTENANCE_PAGE_START}. ${READ_BEFORE_FAULT} records were read before it.`, page: FAULTY_PAGE, recordsRead: READ_BEFORE_FAULT },
		]);
	});

	it('names the first page and no records read when the first page fails', async () => {
		server.scriptEvery(kind.route, () => text(200, MAINTENANCE_PAGE, 'text/html'));

		const result = await runList(kind);

		const firstPage = kind.route === 'postCntInstantSearchById' ? 'offset 0' : `the first page, no ${kind.noun === 'list' ? 'x-page' : 'page_cursor'}`;
		expect(result.error?.message).toMatch(new RegExp(`^Page 1 of the ${kind.noun} \\(${firstPage}\\) is not JSON: .*\\. 0 records were read before it\\.$`));
	});
});

describe('a Limit (not Return All) of a list paged by the x-page header', () => {
	const kind = KINDS[0];

	it('still stops at the Limit without asking for the faulty page', async () => {
		serveWithFault(kind, afostoError(503, 'Service Unavailable'), Infinity);

		const result = await runNode({ type: 'afostoCatalog', parameters: { resource: 'groups', operation: 'getCatGroups', limit: 5 }, credentials: tokenCredentials() });

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(RECORDS.slice(0, 5));
		expect(pagesAsked(kind)).toEqual([1, 2]);
	});

	it('retries the page it needs and fails naming it when the page never comes', async () => {
		serveWithFault(kind, afostoError(503, 'Service Unavailable', { 'retry-after': '0' }), Infinity);

		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { resource: 'groups', operation: 'getCatGroups', limit: 8, pagingOptions: { maxRetries: 1 } },
			credentials: tokenCredentials(),
		});

		expect(result.error?.message).toContain('Page 3 of the list (x-page "cursor-3") failed after 2 attempts: Afosto answered 503');
		expect(pagesAsked(kind)).toEqual([1, 2, 3, 3]);
	});
});
