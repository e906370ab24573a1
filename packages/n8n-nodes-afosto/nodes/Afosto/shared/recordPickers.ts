import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { chosenCredentialType } from '../../shared/transport/authentication';
import { fillPath } from '../../shared/transport/requestPath';
import type { PathPlaceholder } from '../../shared/transport/requestPath';

/** A list of records a user picks from ("From List" of a resource locator), as the Afosto API reference lists them. */
interface PickableList {
	/** The list's path (`GET`, paged by the `x-page` cursor). */
	path: string;
	/**
	 * The fields of the node that fill the path's placeholders, for a list under another record
	 * (`/cat/groups/{id}/prices`: the Price Group chosen above); `fix` says what to do without one
	 * ("Choose a Price Group first: …").
	 */
	within?: Record<string, PathPlaceholder & { fix: string }>;
	/** The record's field that the picked value is: `id`, unless said (`sku`). */
	key?: string;
	/** The name shown for a record in the list. */
	nameOf: (record: IDataObject) => string;
	/** Of a page's records with the same key (a SKU's prices), the one its one entry shows: the first, unless said. */
	shownOf?: (records: IDataObject[]) => IDataObject;
	/**
	 * The list's query parameter that filters on Afosto's side, where the reference offers one
	 * (`GET /odr/orders?number=`); lists without one are filtered here, page by page.
	 */
	filterParameter?: string;
}

/** Records per page of a picker: a page the user scrolls, not the largest Afosto answers. */
const PICKER_PAGE_SIZE = 50;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** "Anna de Vries (anna@example.com)": a contact as a user knows it; the e-mail address alone where it has no name. */
function personName(record: IDataObject): string {
	const name = [record.given_name, record.additional_name, record.family_name].map(text).filter(Boolean).join(' ');
	const email = text(record.email);
	if (name && email) return `${name} (${email})`;
	return name || email;
}

/**
 * Of a SKU's prices, the one in effect now: the latest whose `active_at` has passed (a group holds
 * historic and planned prices, the Afosto API reference), else the first listed.
 */
function priceInEffect(prices: IDataObject[]): IDataObject {
	const startOf = (price: IDataObject) => Date.parse(text(price.active_at));
	const started = prices.filter((price) => startOf(price) <= Date.now());
	return started.reduce((latest, price) => (startOf(price) > startOf(latest) ? price : latest), started[0] ?? prices[0]);
}

/** The records users pick most, by the picker's method name (the node classes' `methods.listSearch`). */
const PICKABLE_LISTS: Record<string, PickableList> = {
	// Orders are known by their number; the list filters on it (`number`, the Afosto API reference).
	searchOrders: { path: '/odr/orders', nameOf: (order) => text(order.number), filterParameter: 'number' },
	searchPriceGroups: { path: '/cat/groups', nameOf: (group) => [text(group.name), text(group.currency)].filter(Boolean).join(' · ') },
	// The reference lists no products: SKUs are listed from the prices of the chosen price group, whose list takes no SKU filter.
	searchPriceGroupSkus: {
		path: '/cat/groups/{id}/prices',
		within: {
			id: { parameter: 'id', displayName: 'Price Group', fix: 'From List shows the SKUs priced in the group, or enter the SKU By SKU.' },
		},
		key: 'sku',
		nameOf: (price) => [text(price.sku), text(price.amount)].filter(Boolean).join(' · '),
		shownOf: priceInEffect,
	},
	searchChannels: { path: '/cat/channels', nameOf: (channel) => [text(channel.name), text(channel.type)].filter(Boolean).join(' · ') },
	searchContacts: { path: '/rel/contacts', nameOf: personName },
	searchOrganisations: { path: '/rel/organisations', nameOf: (organisation) => text(organisation.name) },
	searchLogisticsLocations: { path: '/lcs/locations', nameOf: (location) => text(location.name) },
	searchWarehouseLocations: { path: '/wms/locations', nameOf: (location) => text(location.name) },
};

const matches = (item: INodeListSearchItems, filter: string) =>
	`${item.name} ${String(item.value)}`.toLowerCase().includes(filter.toLowerCase());

/**
 * The path of a list, its placeholders filled from the node's fields as a request's path is
 * (fillPath); a list under a record not chosen yet is refused saying which to choose, as n8n's own
 * pickers refuse a sheet without its spreadsheet.
 */
function listPathOf(context: ILoadOptionsFunctions, list: PickableList): string {
	const within = list.within ?? {};
	const valueOf = (parameter: string) => context.getNodeParameter(parameter, '', { extractValue: true });
	for (const { parameter, displayName, fix } of Object.values(within)) {
		const value = valueOf(parameter);
		if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
			// n8n's REST answer to the editor carries the message only: it says what to do.
			throw new NodeOperationError(context.getNode(), `Choose a ${displayName} first: ${fix}`, { level: 'warning' });
		}
	}
	return fillPath(list.path, within, valueOf, context.getNode(), 0);
}

/**
 * The list's entries: one per distinct key (a SKU the page prices twice is listed once), in the
 * order the page gives them, named by the record `shownOf` picks.
 */
function entriesOf(list: PickableList, records: IDataObject[]): INodeListSearchItems[] {
	const key = list.key ?? 'id';
	const byKey = new Map<string, IDataObject[]>();
	for (const record of records) {
		const value = text(record[key]);
		const same = byKey.get(value);
		if (same) same.push(record);
		else if (value) byKey.set(value, [record]);
	}
	return [...byKey].map(([value, same]) => ({ name: list.nameOf(list.shownOf?.(same) ?? same[0]) || value, value }));
}

/**
 * One page of a pickable list, through the node's credential: the next page's cursor is Afosto's
 * `x-page` answer header (the Afosto API reference), handed back as n8n's paginationToken. A filter
 * goes to Afosto where the list takes one; otherwise the page's entries are matched by name and value.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	list: PickableList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const path = listPathOf(context, list);
	const credentialType = chosenCredentialType(context, 'afosto');
	const { baseUrl } = await context.getCredentials<{ baseUrl: string }>(credentialType);
	const wanted = filter?.trim() ?? '';
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${baseUrl.replace(/(?<!\/)\/+$/, '')}${path}`,
		headers: { Accept: 'application/json', 'x-page-size': String(PICKER_PAGE_SIZE), ...(paginationToken ? { 'x-page': paginationToken } : {}) },
		qs: wanted && list.filterParameter ? { [list.filterParameter]: wanted } : {},
		json: true,
		returnFullResponse: true,
	};
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request)) as IN8nHttpFullResponse;
	const records = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const items = entriesOf(list, records);
	const next = response.headers['x-page'];
	return {
		results: wanted && !list.filterParameter ? items.filter((item) => matches(item, wanted)) : items,
		...(records.length > 0 && typeof next === 'string' && next !== '' ? { paginationToken: next } : {}),
	};
}

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

const listSearchOf = (list: PickableList): ListSearchMethod =>
	async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await searchList(this, list, filter, paginationToken);
	};

/** The "From List" searches, by the name the generated resource locators give as `searchListMethod`. */
export const recordListSearch: Record<keyof typeof PICKABLE_LISTS, ListSearchMethod> = Object.fromEntries(
	Object.entries(PICKABLE_LISTS).map(([method, list]) => [method, listSearchOf(list)]),
);
