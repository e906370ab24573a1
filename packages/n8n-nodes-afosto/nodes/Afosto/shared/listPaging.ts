import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IDisplayOptions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ListReader, pagingOptionsField } from './listPages';
import type { PageRecords } from './listPages';
import type { SharedFields } from './operations';

/** The page size asked for: the Afosto API reference names only the default (25) and no maximum; 250 keeps a page's answer small while 50,000 records take 200 requests. */
const LARGEST_PAGE = 250;

/**
 * "Return All", "Limit" and "Paging Options" of the lists in `show` (the operations paged by the
 * `x-page` cursor).
 */
export function listPagingFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
		pagingOptionsField(show),
	];
}

/** How many records a list asks for: all of them, or the Limit (the fields of listPagingFields). */
function wantedRecords(context: IExecuteSingleFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	return Math.max(1, Math.floor(Number(context.getNodeParameter('limit', 50)) || 1));
}

/** preSend of lists: the page size, the Limit up to Afosto's largest page. */
export async function sendPageSize(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const pageSize = Math.min(LARGEST_PAGE, wantedRecords(this));
	requestOptions.headers = { ...requestOptions.headers, 'x-page-size': String(pageSize) };
	return requestOptions;
}

/**
 * Lists: the Afosto API reference pages them with the `x-page` request header and answers the next page's cursor
 * in the `x-page` response header; the last page has none, or no items. "Return All" follows it
 * to the end, a Limit until it has that many (more than one page when the Limit is larger). Code
 * rather than n8n's generic (expression) pagination, which evaluated three expressions per page
 * and made paging a 50,000-record list take twice as long as a plain cursor loop. Every page must
 * be a JSON list: anything else, or a page that does not come after the retries, fails the run
 * naming the page (see ListReader).
 */
export async function followPageCursor(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await readListPages(this, requestData);
}

/** The records of a list as followPageCursor reads them, each shaped by `shape` when given (Simplify). */
export async function readListPages(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	shape?: (record: IDataObject) => IDataObject,
): Promise<INodeExecutionData[]> {
	const list = new ListReader(context, 'list');
	return await list.output(cursorPages(list, requestData), { wanted: wantedRecords(context), shape });
}

/** The pages of a list, one after the other as the `x-page` cursor leads, until the last. */
async function* cursorPages(list: ListReader, requestData: DeclarativeRestApiSettings.ResultOptions): AsyncGenerator<PageRecords> {
	let cursor: string | undefined;
	for (let number = 1; ; number++) {
		const options =
			cursor === undefined
				? requestData.options
				: { ...requestData.options, headers: { ...requestData.options.headers, 'x-page': cursor } };
		const place = { number, sent: cursor === undefined ? 'the first page, no x-page' : `x-page "${cursor}"` };
		const page = await list.requestPage(options, place);
		if (!Array.isArray(page.json)) throw list.wrongShape(place, page, 'is not a JSON list');
		yield page.json as PageRecords;
		const next = page.headers['x-page'];
		if (page.json.length === 0 || typeof next !== 'string' || next === '') return;
		cursor = next;
	}
}

/** The list fields of the operations paged by the `x-page` cursor, written once for all of a resource's lists. */
export const LIST_PAGING: SharedFields = { fieldsFor: listPagingFields };
