import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../shared/validation/invalidInput';
import { ListReader, isJsonObject, pagingOptionsField } from './listPages';
import type { ListPage, PagePlace, PageRecords } from './listPages';
import type { SharedFields, ShowConditions } from './operations';

/**
 * The page size asked for when every page is fetched and the body sets none: as large as
 * Afosto's header-paged lists allow (250), so a search takes as few round trips.
 */
const PAGE_SIZE = 250;

const requestBody = (requestData: DeclarativeRestApiSettings.ResultOptions) => ({ ...((requestData.options.body ?? {}) as IDataObject) });

/** One page of a search, its paging numbers in the body; the answer must be Afosto's one JSON object. */
async function requestSearchPage(list: ListReader, requestData: DeclarativeRestApiSettings.ResultOptions, body: IDataObject, place: PagePlace): Promise<ListPage & { json: IDataObject }> {
	const page = await list.requestPage({ ...requestData.options, body: { ...body } }, place);
	if (!isJsonObject(page.json)) throw list.wrongShape(place, page, 'is not a JSON object');
	return page as ListPage & { json: IDataObject };
}

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
 * does not move (a server that repeats it would otherwise be asked forever). A page without
 * `hits` and `pagination`, or one that does not come after the retries, fails the run naming
 * the page (see ListReader).
 */
export async function followBodyCursor(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = requestBody(requestData);
	body.limit = wholeNumber(this, body, 'limit', PAGE_SIZE, 1);
	const search = new ListReader(this, 'search');
	async function* pages(): AsyncGenerator<PageRecords> {
		for (let number = 1; ; number++) {
			const place = { number, sent: body.page_cursor === undefined ? 'the first page, no page_cursor' : `page_cursor "${String(body.page_cursor)}"` };
			const page = await requestSearchPage(search, requestData, body, place);
			const { hits, pagination } = page.json;
			if (!Array.isArray(hits) || !isJsonObject(pagination)) throw search.wrongShape(place, page, 'has no "hits" list and "pagination"');
			yield hits as PageRecords;
			const cursor = pagination.next_page_cursor;
			if (hits.length === 0 || typeof cursor !== 'string' || cursor === '' || cursor === body.page_cursor) return;
			body.page_cursor = cursor;
		}
	}
	return await search.output(pages(), { wanted: Infinity });
}

/**
 * "Return All" of the instant searches (`POST /cnt/instant/search/{id}`,
 * `POST /cnt/instant/indexes/{id}/search`): the Afosto API reference pages them with `offset` and `limit` in the
 * body and answers `results`, one per index, each with its `hits`, and the combined `count`.
 * The hits of every index become one item each, index after index; paging ends on a page
 * without hits or once the offset passes the count. A page without `results` (each with its
 * `hits`) and `count`, or one that does not come after the retries, fails the run naming the page.
 */
export async function followBodyOffset(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = requestBody(requestData);
	const limit = (body.limit = wholeNumber(this, body, 'limit', PAGE_SIZE, 1));
	let offset = (body.offset = wholeNumber(this, body, 'offset', 0, 0));
	const search = new ListReader(this, 'search');
	async function* pages(): AsyncGenerator<PageRecords> {
		for (let number = 1; ; number++) {
			const place = { number, sent: `offset ${offset}` };
			const page = await requestSearchPage(search, requestData, body, place);
			const { results, count } = page.json;
			const hitLists = Array.isArray(results) ? results.map((result) => (isJsonObject(result) ? result.hits : undefined)) : [];
			if (!Array.isArray(results) || !hitLists.every(Array.isArray) || typeof count !== 'number') {
				throw search.wrongShape(place, page, 'has no "results" with "hits" lists and "count"');
			}
			const hits = (hitLists as IDataObject[][]).flat();
			yield hits;
			offset += limit;
			body.offset = offset;
			if (hits.length === 0 || offset >= count) return;
		}
	}
	return await search.output(pages(), { wanted: Infinity });
}

/** "Paging Options" of a search, shown once Return All is on. */
const searchPagingOptions = (show: ShowConditions): INodeProperties[] => [pagingOptionsField(show)];

/**
 * "Return All" of a search paged in the body (`how`: "page_cursor in the body") and its "Paging
 * Options": off, the output is Afosto's one response, with its facets and paging.
 */
export function bodyPagingFields(how: string): Array<INodeProperties | SharedFields> {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			// What Return All does here: the output's items change from one response to one per hit.
			hint: `On: every page is fetched (${how}) and each hit is one item. Off: Afosto's one response, with its facets and paging.`,
			routing: { send: { paginate: '={{ $value }}' } },
		},
		{ fieldsFor: searchPagingOptions, show: { returnAll: [true] } },
	];
}
