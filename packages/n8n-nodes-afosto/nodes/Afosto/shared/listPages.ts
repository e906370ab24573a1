import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IDisplayOptions,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { chosenCredentialType } from '../../shared/transport/authentication';
import { ChunkStream } from './chunkStream';
import { LET_NODE_READ_ERROR_RESPONSES, asNodeError, partnerApiError } from '../../shared/transport/partnerError';
import { isTimeoutError } from '../../shared/transport/requestTimeout';
import { RETRYABLE_STATUSES, isRetryableNetworkError, retryPolicyOf, retryPolicyOptions, sendWithRetries } from '../../shared/transport/retries';
import type { RetryPolicy } from '../../shared/transport/retries';

/**
 * "Paging Options" of the lists in `show`: how often a page is asked for again after a 429,
 * 5xx, reset or timeout, and how long each wait may be.
 */
export function pagingOptionsField(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'Paging Options',
		name: 'pagingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: retryPolicyOptions('Page'),
	};
}

/**
 * Return All's "Output" and the file's field, once per node rather than per list: shown wherever
 * Return All is on (every paged list and search of the node), so that they cost n8n's node
 * types a few hundred bytes per node instead of per resource. Items is today's output.
 */
export const LIST_OUTPUT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'listOutput',
		type: 'options',
		options: [
			{ name: 'Items', value: 'items', description: 'One item per record' },
			{ name: 'One File', value: 'file', description: 'One JSON Lines file of all records, written as pages arrive (for large lists)' },
		],
		default: 'items',
		description: 'How the records come out',
		displayOptions: { show: { returnAll: [true] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Name of the output binary field to put the file in',
		displayOptions: { show: { returnAll: [true], listOutput: ['file'] } },
	},
];

/** Whether the records go to one JSON Lines file: Return All on and its Output "One File". */
export function outputsOneFile(context: IExecutePaginationFunctions): boolean {
	return context.getNodeParameter('returnAll', false) === true && context.getNodeParameter('listOutput', 'items') === 'file';
}

/** Which page of a list, and the cursor or offset it was asked for with, as an error names it. */
export interface PagePlace {
	number: number;
	sent: string;
}

/** One page as Afosto answered it, its body read as JSON. */
export interface ListPage {
	statusCode: number;
	headers: IN8nHttpFullResponse['headers'];
	json: unknown;
	raw: unknown;
}

/** Whether a value is a JSON object: not a list, not a text or bytes. */
export const isJsonObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The start of an answer as text, for an error to quote; whitespace runs become one space. */
function firstBytes(raw: unknown): string {
	const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? '');
	const flat = text.replace(/\s+/g, ' ').trim();
	if (!flat) return '(an empty body)';
	return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/** The body as JSON: n8n parses JSON it is told is JSON; anything else arrives as text. */
function readJson(raw: unknown): { json: unknown } | undefined {
	if (!Buffer.isBuffer(raw) && typeof raw !== 'string') return { json: raw };
	try {
		return { json: JSON.parse(raw.toString()) };
	} catch {
		return undefined;
	}
}

/** What the network said, from n8n's error or the error it wraps: "timeout of 300ms exceeded (ECONNABORTED)". */
function networkProblem(error: unknown): string {
	const { cause } = error as { cause?: { code?: unknown; message?: unknown } };
	const source = cause && typeof cause.message === 'string' ? cause : (error as { code?: unknown; message?: unknown });
	const message = String(source.message ?? error);
	return typeof source.code === 'string' && !message.includes(source.code) ? `${message} (${source.code})` : message;
}

/**
 * A page of a list that did not come, or not in the documented shape: the list is not whole. An
 * API error, so n8n shows it as it is (it rewraps any other error a paginator throws, and then
 * replaces a message that mentions a network code such as ECONNRESET with its own generic text).
 */
export class ListPageError extends NodeApiError {
	constructor(
		context: IExecutePaginationFunctions,
		readonly page: number,
		readonly recordsRead: number,
		message: string,
		details: { description: string; statusCode?: number },
	) {
		super(context.getNode(), { page, recordsRead }, { message, description: details.description, httpCode: details.statusCode === undefined ? undefined : String(details.statusCode), itemIndex: context.getItemIndex() });
		this.message = message;
	}
}

/**
 * The most records a list outputs as items. n8n-core 2.40's routing adds a declarative node's
 * items with one `push(...items)`, one call argument per item, which overflows the stack between
 * 125,000 and 130,000 items in Node 20 (fewer with a deeper stack); bench/scaleInN8n.ts saw it fail
 * at 300,000 Afosto orders. 100,000 keeps a margin, and the error names Output "One File".
 */
export const MOST_OUTPUT_ITEMS = 100_000;

/** The records of one page, as Afosto answered them. */
export type PageRecords = IDataObject[];

/** How the records of a list come out: what Return All's "Output" says, and Simplify's shaping. */
export interface ListOutput {
	/** Stop after this many records (the Limit); Infinity with Return All. */
	wanted: number;
	/** Each record cut down (Simplify), or as Afosto answered it. */
	shape?: (record: IDataObject) => IDataObject;
}

/**
 * Reads the pages of one list (the `noun`: "list" or "search"): a page is asked for again after a
 * 429, 500, 502, 503, 504, a reset or a timeout, bounded by the node's "Paging Options"; any other
 * failure, and a page not in the documented shape, ends the reading with an error naming the
 * page, the answer and how many records were read (or written to the file). The list is whole or
 * an error: with Continue On Fail, the records read come out followed by one error item, and
 * with Return All's Output "One File", the error item alone (a file is never output in part).
 */
export class ListReader {
	/** Records handed on so far (to the output items, or to the file), for an error to name. */
	private recordsDone = 0;
	/** Whether the records go to one JSON Lines file rather than one item each. */
	private readonly toFile: boolean;
	private readonly policy: RetryPolicy;
	private readonly credentialType: string;

	constructor(
		private readonly context: IExecutePaginationFunctions,
		private readonly noun: 'list' | 'search',
	) {
		this.policy = retryPolicyOf(context.getNodeParameter('pagingOptions', {}) as IDataObject);
		this.credentialType = chosenCredentialType(context, 'afosto');
		this.toFile = outputsOneFile(context);
	}

	/**
	 * The records of `pages`, one item each (up to `wanted`), or with Output "One File" one item
	 * holding the JSON Lines file and what it holds; with Continue On Fail, a failed page's error
	 * as the last item.
	 */
	async output(pages: AsyncIterable<PageRecords>, { wanted, shape }: ListOutput): Promise<INodeExecutionData[]> {
		if (this.toFile) return await this.writeFile(pages, shape);
		const records: INodeExecutionData[] = [];
		try {
			for await (const page of pages) {
				for (const json of page) {
					if (records.length === MOST_OUTPUT_ITEMS) throw this.tooManyItems();
					records.push({ json: shape ? shape(json) : json });
					this.recordsDone++;
					if (records.length >= wanted) return records;
				}
			}
			return records;
		} catch (error) {
			return [...records, ...this.errorItem(error)];
		}
	}

	/**
	 * Output "One File": the records become JSON Lines as the pages come, streamed into n8n's
	 * binary data (written to its storage without being held: n8n 2.x's default filesystem mode
	 * writes a stream to disk as it is read), so n8n holds one page at a time, not the list.
	 * A failed page fails the stream, and n8n then keeps no file.
	 */
	private async writeFile(pages: AsyncIterable<PageRecords>, shape: ListOutput['shape']): Promise<INodeExecutionData[]> {
		const fileField = String(this.context.getNodeParameter('binaryPropertyName', 'data') || 'data');
		const resource = String(this.context.getNodeParameter('resource', 'records'));
		const written = { pages: 0 };
		const stream = new ChunkStream(this.jsonLines(pages, shape, written));
		try {
			// The stream is a Readable to n8n's stores (see ChunkStream), not to TypeScript.
			const file = await this.context.helpers.prepareBinaryData(stream as unknown as Buffer, `${resource}.jsonl`, 'application/x-ndjson');
			return [{ json: { records: this.recordsDone, pages: written.pages, fileName: file.fileName }, binary: { [fileField]: file } }];
		} catch (error) {
			// A failed page fails the stream; n8n's store then keeps nothing of the file.
			if (error instanceof ListPageError) return this.errorItem(error);
			// n8n could not store the file (a full disk, or the database mode's file size limit).
			const message = `The ${this.noun} file could not be stored after ${plural(this.recordsDone, 'record')}: ${(error as Error).message}`;
			throw new NodeOperationError(this.context.getNode(), message, {
				itemIndex: this.context.getItemIndex(),
				description: 'n8n keeps no part of it. The node\'s README (Usage) says which of n8n\'s binary data modes suit large lists.',
			});
		}
	}

	/** The records of `pages` as JSON Lines, one chunk per page, counted as they are handed on. */
	private async *jsonLines(pages: AsyncIterable<PageRecords>, shape: ListOutput['shape'], written: { pages: number }): AsyncGenerator<Buffer> {
		for await (const page of pages) {
			written.pages++;
			let lines = '';
			for (const json of page) lines += `${JSON.stringify(shape ? shape(json) : json)}\n`;
			this.recordsDone += page.length;
			yield Buffer.from(lines, 'utf8');
		}
	}

	/** More records than n8n can take from this node as items: said before n8n fails obscurely. */
	private tooManyItems(): NodeOperationError {
		return new NodeOperationError(this.context.getNode(), `The ${this.noun} has more than ${MOST_OUTPUT_ITEMS.toLocaleString('en')} records: too many to output as items`, {
			itemIndex: this.context.getItemIndex(),
			description: `n8n 2.40 adds a declarative node's items in one call, which fails with "Maximum call stack size exceeded" at about 125,000. Set Return All's Output to One File to get every record in one JSON Lines file, or narrow the ${this.noun} with its filters.`,
		});
	}

	/** A failed page as Continue On Fail's error item; thrown without it, and any other error always. */
	private errorItem(error: unknown): INodeExecutionData[] {
		if (!(error instanceof ListPageError) || !this.context.continueOnFail()) throw asNodeError(this.context.getNode(), error, this.context.getItemIndex());
		const done = this.toFile ? { recordsWritten: error.recordsRead } : { recordsRead: error.recordsRead };
		return [{ json: { error: error.message, page: error.page, ...done }, pairedItem: { item: this.context.getItemIndex() } }];
	}

	/**
	 * One page, read raw rather than through the operation's postReceive (which turns Afosto's
	 * errors into n8n's), so a retryable status comes back to the retry loop as an answer.
	 */
	async requestPage(options: DeclarativeRestApiSettings.HttpRequestOptions, place: PagePlace): Promise<ListPage> {
		// The routing's options, complete once n8n has applied the request defaults (baseURL, url).
		const request = { ...options, returnFullResponse: true, ignoreHttpStatusErrors: LET_NODE_READ_ERROR_RESPONSES } as IHttpRequestOptions;
		let attempts = 0;
		let response: IN8nHttpFullResponse;
		try {
			({ answer: response } = await sendWithRetries(
				this.policy,
				async (attempt) => {
					attempts = attempt;
					return (await this.context.helpers.httpRequestWithAuthentication.call(this.context, this.credentialType, request)) as IN8nHttpFullResponse;
				},
				({ waitSeconds, statusCode, error }) =>
					this.context.logger.debug(`Afosto ${this.describe(place)}: ${statusCode ?? (error as Error)?.message}; asking again in ${waitSeconds} s`),
			));
		} catch (error) {
			if (!isRetryableNetworkError(error)) {
				const { message, description, httpCode } = error as { message?: string; description?: string; httpCode?: string | null };
				throw this.failure(place, `failed: ${message ?? String(error)}`, { hint: description, statusCode: Number(httpCode) || undefined });
			}
			const problem = isTimeoutError(error) ? `none within ${Number(request.timeout) / 1000} s (the node's request timeout)` : networkProblem(error);
			throw this.failure(place, `failed after ${plural(attempts, 'attempt')}: no answer, ${problem}`, { hint: this.retryHint() });
		}
		const { statusCode, headers, body: raw } = response;
		if (statusCode >= 300) {
			const retried = RETRYABLE_STATUSES.includes(statusCode) ? ` after ${plural(attempts, 'attempt')}` : '';
			// Afosto's own {code, message, reference, errors} as every Afosto error shows it; anything else (a gateway's HTML) quoted.
			const afostoError = partnerApiError(this.context.getNode(), { partner: 'Afosto', statusCode, body: raw });
			const answer = isJsonObject(raw) ? afostoError.message : `Afosto answered ${statusCode} with ${firstBytes(raw)}`;
			const hint = [retried && this.retryHint(), isJsonObject(raw) && afostoError.description].filter(Boolean).join('\n');
			throw this.failure(place, `failed${retried}: ${answer}`, { hint, statusCode });
		}
		const body = readJson(raw);
		if (!body) throw this.wrongShape(place, { statusCode, headers, json: undefined, raw }, 'is not JSON');
		return { statusCode, headers, json: body.json, raw };
	}

	/** The error for a page that came, but not as the Afosto API reference describes it. */
	wrongShape(place: PagePlace, page: ListPage, problem: string): ListPageError {
		return this.failure(place, `${problem}: Afosto answered ${page.statusCode} with ${firstBytes(page.raw)}`, { statusCode: page.statusCode });
	}

	private retryHint(): string {
		// The body-paged searches have no "Paging Options" field (their fields are generated).
		const options = this.noun === 'list' ? ', or raise "Max Retries per Page" or "Max Wait per Retry (Seconds)" under "Paging Options"' : '';
		return `Afosto may be busy or in maintenance: run again later${options}.`;
	}

	private describe(place: PagePlace): string {
		return `page ${place.number} of the ${this.noun} (${place.sent})`;
	}

	private failure(place: PagePlace, what: string, { hint, statusCode }: { hint?: string; statusCode?: number } = {}): ListPageError {
		const read = this.recordsDone;
		const done = this.toFile ? 'written to the file' : 'read';
		const message = `${this.describe(place).replace(/^p/, 'P')} ${what}. ${plural(read, 'record')} ${read === 1 ? 'was' : 'were'} ${done} before it.`;
		const outcome = this.toFile
			? `so the node outputs no file rather than part of it. With "Continue On Fail" on, one error item comes out.`
			: `so the node stops rather than output part of it. With "Continue On Fail" on, the ${plural(read, 'record')} read come out, followed by one error item.`;
		const description = [hint, `The ${this.noun} is incomplete, ${outcome}`]
			.filter(Boolean)
			.join('\n');
		return new ListPageError(this.context, place.number, read, message, { description, statusCode });
	}
}
