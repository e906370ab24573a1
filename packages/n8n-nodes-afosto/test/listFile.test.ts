import { readdirSync } from 'node:fs';

import type { Container as ContainerOfN8nCore } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../../sandbox/contracts/afosto';
import type { ContractAnswer, ReceivedRequest } from '../../../sandbox/contractServer';
import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';
import type { NodeRun } from '../../../scripts/n8nCore/runNode';
import { simplifyOrder } from '../nodes/Afosto/shared/simplify';

const { server, tokenCredentials } = useAfostoServer();

/** Five pages of three records; faults go to page 3, after six records. */
const RECORDS = Array.from({ length: 15 }, (_, index) => ({ id: `group-${index + 1}`, name: `Group ${index + 1}`, note: 'line one\nline "two"' }));
const PER_PAGE = 3;
const PAGES = RECORDS.length / PER_PAGE;
const pageAsked = (request: ReceivedRequest) => Number(/^cursor-(\d+)$/.exec(String(request.headers['x-page'] ?? ''))?.[1] ?? 1);
const answerPage = (page: number): ContractAnswer => ({
	status: 200,
	body: RECORDS.slice((page - 1) * PER_PAGE, page * PER_PAGE),
	headers: page < PAGES ? { 'x-page': `cursor-${page + 1}` } : undefined,
});
const afostoError = (status: number, message: string): ContractAnswer => ({
	status,
	body: { code: status, message, reference: 'file-test', errors: {} },
	headers: { 'content-type': 'application/json', 'retry-after': '0' },
});

/** Serves the five pages; page 3 answers `fault` to every request. */
function serveWithFaultOnPage3(fault?: ContractAnswer): void {
	server.scriptEvery('getCatGroups', (request) => (fault && pageAsked(request) === 3 ? fault : answerPage(pageAsked(request))));
}

const listGroupsToFile = { resource: 'groups', operation: 'getCatGroups', returnAll: true, listOutput: 'file', pagingOptions: { maxRetries: 1, maxRetryWaitSeconds: 0.1 } };

const run = (type: string, parameters: INodeParameters, continueOnFail = false) => runNode({ type, parameters, credentials: tokenCredentials(), continueOnFail });

/** The container n8n-core's helpers look services up in (n8n-core has its own copy of @n8n/di). */
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as { Container: typeof ContainerOfN8nCore };

/** n8n 2.x's binary data store in its default (regular mode) setting: files on disk, under the user folder. */
const binaryData = () => Container.get(BinaryDataService);
const storedFiles = () => {
	const folder = Container.get(BinaryDataConfig).localStoragePath;
	try {
		return (readdirSync(folder, { recursive: true }) as string[]).filter((name) => /binary_data\/[^/]+$/.test(name) && !name.endsWith('.metadata'));
	} catch {
		return [];
	}
};

/** The output's one file as text, read back from n8n's binary data store. */
async function fileText(result: NodeRun, field = 'data'): Promise<string> {
	const [item] = result.outputs[0];
	const file = item.binary?.[field] as IBinaryData;
	expect(file.id).toMatch(/^filesystem-v2:/);
	return (await binaryData().getAsBuffer(file)).toString('utf8');
}

const linesOf = (text: string) => text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as IDataObject);

beforeAll(async () => {
	await binaryData().init();
});

describe('Afosto lists: Return All with Output "One File" (one JSON Lines file, written as pages arrive)', () => {
	it('writes every record of every page in order, one JSON line each, into one file in n8n\'s binary data, and outputs one item saying what it holds', async () => {
		serveWithFaultOnPage3();
		const filesBefore = storedFiles().length;

		const result = await run('afostoCatalog', listGroupsToFile);

		expect(result.error).toBeUndefined();
		expect(storedFiles()).toHaveLength(filesBefore + 1);
		expect(server.requestsTo('getCatGroups').map(pageAsked)).toEqual([1, 2, 3, 4, 5]);
		expect(result.outputs[0]).toHaveLength(1);
		expect(result.json).toEqual([{ records: 15, pages: 5, fileName: 'groups.jsonl' }]);
		const [item] = result.outputs[0];
		expect(item.binary?.data).toMatchObject({ fileName: 'groups.jsonl', fileExtension: 'jsonl', mimeType: 'application/x-ndjson', bytes: expect.any(Number) });
		const text = await fileText(result);
		expect(text.endsWith('\n')).toBe(true);
		expect(linesOf(text)).toEqual(RECORDS);
		expect(item.binary?.data.bytes).toBe(Buffer.byteLength(text));
	});

	it('puts the file in the binary field named under "Put Output File in Field"', async () => {
		serveWithFaultOnPage3();

		const result = await run('afostoCatalog', { ...listGroupsToFile, binaryPropertyName: 'groups' });

		expect(Object.keys(result.outputs[0][0].binary ?? {})).toEqual(['groups']);
		expect(linesOf(await fileText(result, 'groups'))).toEqual(RECORDS);
	});

	it('applies Simplify to each order in the file, as it does to the items', async () => {
		const orders = afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE) as IDataObject[];

		const simplified = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrders', returnAll: true, listOutput: 'file' });
		const raw = await run('afostoOrders', { resource: 'orders', operation: 'getOdrOrders', returnAll: true, listOutput: 'file', simplify: false });

		expect(simplified.json).toEqual([{ records: SANDBOX_LIST_SIZE, pages: 1, fileName: 'orders.jsonl' }]);
		expect(linesOf(await fileText(simplified))).toEqual(orders.map(simplifyOrder));
		expect(linesOf(await fileText(raw))).toEqual(orders);
	});

	it('fails the run naming page 3, its cursor and the 6 records written before it when page 3 fails, and keeps no file', async () => {
		serveWithFaultOnPage3(afostoError(400, 'The cursor is invalid'));
		const filesBefore = storedFiles();

		const result = await run('afostoCatalog', listGroupsToFile);

		expect(result.error?.message).toBe('Page 3 of the list (x-page "cursor-3") failed: Afosto answered 400: The cursor is invalid. 6 records were written to the file before it.');
		expect(result.error?.description).toContain('The list is incomplete, so the node outputs no file rather than part of it.');
		expect(server.requestsTo('getCatGroups').map(pageAsked)).toEqual([1, 2, 3]);
		expect(result.outputs).toEqual([]);
		expect(storedFiles()).toEqual(filesBefore);
	});

	it('names the retries when page 3 keeps answering 503, and keeps no file', async () => {
		serveWithFaultOnPage3(afostoError(503, 'Service Unavailable'));
		const filesBefore = storedFiles();

		const result = await run('afostoCatalog', listGroupsToFile);

		expect(result.error?.message).toBe('Page 3 of the list (x-page "cursor-3") failed after 2 attempts: Afosto answered 503: Service Unavailable. 6 records were written to the file before it.');
		expect(server.requestsTo('getCatGroups').map(pageAsked)).toEqual([1, 2, 3, 3]);
		expect(storedFiles()).toEqual(filesBefore);
	});

	it('with Continue On Fail, outputs one error item naming page 3 and the records written, and no file', async () => {
		serveWithFaultOnPage3(afostoError(400, 'The cursor is invalid'));

		const result = await run('afostoCatalog', listGroupsToFile, true);

		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(1);
		expect(result.outputs[0][0].binary).toBeUndefined();
		expect(result.json).toEqual([{ error: expect.stringMatching(/^Page 3 of the list .* 6 records were written to the file before it\.$/), page: 3, recordsWritten: 6 }]);
	});

	it('leaves a Limit as it was: Return All off outputs one item per record, whatever Output says', async () => {
		serveWithFaultOnPage3();

		const result = await run('afostoCatalog', { ...listGroupsToFile, returnAll: false, limit: 4 });

		expect(result.json).toEqual(RECORDS.slice(0, 4));
		expect(result.outputs[0].every((item) => item.binary === undefined)).toBe(true);
		expect(server.requestsTo('getCatGroups').map((request) => request.headers['x-page-size'])).toEqual(['4', '4']);
	});

	it('writes the hits of every page of a search paged by page_cursor into one file', async () => {
		const hits = Array.from({ length: 5 }, (_, index) => ({ reference: `hit-${index + 1}` }));
		server.scriptEvery('postCntSearch', (request) => {
			const after = Number(/^after-(\d+)$/.exec(String((request.body as IDataObject).page_cursor ?? ''))?.[1] ?? 0);
			const next = after + 2 < hits.length ? { next_page_cursor: `after-${after + 2}` } : {};
			return { status: 200, body: { hits: hits.slice(after, after + 2), pagination: { entity_count: hits.length, page_limit: 2, ...next } } };
		});

		const result = await run('afostoContent', { resource: 'index', operation: 'postCntSearch', returnAll: true, listOutput: 'file', bodyFields: { limit: 2 } });

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ records: 5, pages: 3, fileName: 'index.jsonl' }]);
		expect(linesOf(await fileText(result))).toEqual(hits);
	});
});

describe('Afosto lists to one file with a binary data store that collects the file (database mode, n8n\'s default in queue mode; S3; Azure)', () => {
	// Those stores read the stream by its events into one buffer (n8n's binaryToBuffer); n8n's
	// memory mode, which has no store, reads it the same way, so it stands for them here.
	const service = () => binaryData() as unknown as { mode: string };
	let modeBefore: string;
	beforeAll(() => {
		modeBefore = service().mode;
		service().mode = 'default';
	});
	afterAll(() => {
		service().mode = modeBefore;
	});

	it('gets every record in order', async () => {
		serveWithFaultOnPage3();

		const result = await run('afostoCatalog', listGroupsToFile);

		expect(result.json).toEqual([{ records: 15, pages: 5, fileName: 'groups.jsonl' }]);
		const file = result.outputs[0][0].binary?.data as IBinaryData;
		expect(file.id).toBeUndefined();
		expect(linesOf(Buffer.from(file.data, 'base64').toString('utf8'))).toEqual(RECORDS);
	});

	it('fails naming page 3 and the 6 records written, with no file, when page 3 fails', async () => {
		serveWithFaultOnPage3(afostoError(400, 'The cursor is invalid'));

		const result = await run('afostoCatalog', listGroupsToFile);

		expect(result.error?.message).toBe('Page 3 of the list (x-page "cursor-3") failed: Afosto answered 400: The cursor is invalid. 6 records were written to the file before it.');
		expect(result.outputs).toEqual([]);
	});
});

describe('Afosto lists to one file when n8n cannot store it', () => {
	it('fails saying so and how many records had been written, with no file', async () => {
		// A store that reads the whole stream, then refuses it, as the database mode refuses a file over its size limit.
		const service = binaryData() as unknown as { mode: string; setManager: (mode: string, manager: unknown) => void };
		const modeBefore = service.mode;
		service.setManager('refusing', {
			store: async (_location: unknown, stream: AsyncIterable<Buffer>) => {
				for await (const chunk of stream) void chunk;
				throw new Error('The file is too large for the database');
			},
		});
		service.mode = 'refusing';
		serveWithFaultOnPage3();
		try {
			const result = await run('afostoCatalog', listGroupsToFile);

			expect(result.error?.message).toBe('The list file could not be stored after 15 records: The file is too large for the database');
			expect(result.outputs).toEqual([]);
		} finally {
			service.mode = modeBefore;
		}
	});
});

describe('Afosto lists: Return All with Output "Items" stops before n8n cannot take the items', () => {
	/** `total` small records in pages of 25,000 (Afosto may answer more than the page size asked for). */
	function serveRecords(total: number): void {
		const pageSize = 25_000;
		server.scriptEvery('getCatGroups', (request) => {
			const page = pageAsked(request);
			const first = (page - 1) * pageSize;
			const count = Math.max(0, Math.min(pageSize, total - first));
			return { status: 200, body: Array.from({ length: count }, (_, index) => ({ id: `group-${first + index + 1}` })), headers: first + count < total ? { 'x-page': `cursor-${page + 1}` } : undefined };
		});
	}

	it('outputs a list of exactly 100,000 records as items', async () => {
		serveRecords(100_000);
		const result = await run('afostoCatalog', { resource: 'groups', operation: 'getCatGroups', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(100_000);
		expect(result.json.at(-1)).toEqual({ id: 'group-100000' });
	});

	it('fails a longer list naming the limit and Output "One File", instead of n8n\'s "Maximum call stack size exceeded"', async () => {
		serveRecords(100_001);
		const result = await run('afostoCatalog', { resource: 'groups', operation: 'getCatGroups', returnAll: true });
		expect(result.error?.message).toBe('The list has more than 100,000 records: too many to output as items');
		expect((result.error as { description?: string }).description).toContain('Set Return All\'s Output to One File');
	});
});
