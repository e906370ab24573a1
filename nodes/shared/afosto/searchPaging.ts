import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { invalidInput } from '../invalidInput';

/**
 * The page size asked for when every page is fetched and the body sets none: as large as
 * Afosto's header-paged lists allow (250), so a search takes as few round trips.
 */
const PAGE_SIZE = 250;

interface SearchPage {
	hits: IDataObject[];
	body: IDataObject;
}

/** One page of a body-paged search, answered as Afosto's one JSON object. */
async function searchPage(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	body: IDataObject,
	hitsOf: (response: IDataObject) => IDataObject[],
): Promise<SearchPage> {
	const [answer] = await context.makeRoutingRequest({ ...requestData, options: { ...requestData.options, body } });
	const response = (answer?.json ?? {}) as IDataObject;
	return { hits: hitsOf(response), body: response };
}

const requestBody = (requestData: DeclarativeRestApiSettings.ResultOptions) => ({ ...((requestData.options.body ?? {}) as IDataObject) });

const asList = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/**
 * A paging number of the body (`limit`, `offset`) as a whole number, the fallback when it is not
 * given; anything else (such as the example's "integer" left in "Body (JSON)") is refused.
 */
function wholeNumber(context: IExecutePaginationFunctions, body: IDataObject, name: string, fallback: number, least: number): number {
	const value = body[name] ?? fallback;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < least) {
		throw invalidInput(context.getNode(), context.getItemIndex(), name, `must be a whole number of at least ${least}, not ${JSON.stringify(value)}`, `Set "${name}" in the body to a number, or leave it out (Return All then asks for ${PAGE_SIZE} per page).`);
	}
	return number;
}

/**
 * "Return All" of `POST /cnt/search` and `POST /cnt/search/{namespace}/{code}/{model}`: the Afosto API reference
 * pages them in the body, `page_cursor` in and `pagination.next_page_cursor` out. Every page's
 * hits become one item each; paging ends on an empty page, without a cursor, or when the cursor
 * does not move (a server that repeats it would otherwise be asked forever).
 */
export async function followBodyCursor(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = requestBody(requestData);
	body.limit = wholeNumber(this, body, 'limit', PAGE_SIZE, 1);
	const records: INodeExecutionData[] = [];
	for (;;) {
		const page = await searchPage(this, requestData, body, (response) => asList(response.hits));
		for (const hit of page.hits) records.push({ json: hit });
		const cursor = (page.body.pagination as IDataObject | undefined)?.next_page_cursor;
		if (page.hits.length === 0 || typeof cursor !== 'string' || cursor === '' || cursor === body.page_cursor) return records;
		body.page_cursor = cursor;
	}
}

/**
 * "Return All" of the instant searches (`POST /cnt/instant/search/{id}`,
 * `POST /cnt/instant/indexes/{id}/search`): the Afosto API reference pages them with `offset` and `limit` in the
 * body and answers `results`, one per index, each with its `hits`, and the combined `count`.
 * The hits of every index become one item each, index after index; paging ends on a page
 * without hits or once the offset passes the count.
 */
export async function followBodyOffset(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = requestBody(requestData);
	const limit = (body.limit = wholeNumber(this, body, 'limit', PAGE_SIZE, 1));
	body.offset = wholeNumber(this, body, 'offset', 0, 0);
	const records: INodeExecutionData[] = [];
	for (;;) {
		const page = await searchPage(this, requestData, body, (response) => asList(response.results).flatMap((result) => asList(result.hits)));
		for (const hit of page.hits) records.push({ json: hit });
		body.offset = Number(body.offset) + limit;
		const count = Number(page.body.count);
		if (page.hits.length === 0 || (Number.isFinite(count) && Number(body.offset) >= count)) return records;
	}
}
