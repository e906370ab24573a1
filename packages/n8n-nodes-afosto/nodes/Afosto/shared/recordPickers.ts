import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { chosenCredentialType } from '../../shared/transport/authentication';

/** A list of records a user picks from ("From List" of a resource locator), as the Afosto API reference lists them. */
interface PickableList {
	/** The list's path (`GET`, paged by the `x-page` cursor). */
	path: string;
	/** The name shown for a record in the list. */
	nameOf: (record: IDataObject) => string;
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

/** The records users pick most, by the picker's method name (the node classes' `methods.listSearch`). */
const PICKABLE_LISTS: Record<string, PickableList> = {
	// Orders are known by their number; the list filters on it (`number`, the Afosto API reference).
	searchOrders: { path: '/odr/orders', nameOf: (order) => text(order.number), filterParameter: 'number' },
	searchPriceGroups: { path: '/cat/groups', nameOf: (group) => [text(group.name), text(group.currency)].filter(Boolean).join(' · ') },
	searchChannels: { path: '/cat/channels', nameOf: (channel) => [text(channel.name), text(channel.type)].filter(Boolean).join(' · ') },
	searchContacts: { path: '/rel/contacts', nameOf: personName },
	searchOrganisations: { path: '/rel/organisations', nameOf: (organisation) => text(organisation.name) },
	searchLogisticsLocations: { path: '/lcs/locations', nameOf: (location) => text(location.name) },
	searchWarehouseLocations: { path: '/wms/locations', nameOf: (location) => text(location.name) },
};

const matches = (item: INodeListSearchItems, filter: string) =>
	`${item.name} ${String(item.value)}`.toLowerCase().includes(filter.toLowerCase());

/**
 * One page of a pickable list, through the node's credential: the next page's cursor is Afosto's
 * `x-page` answer header (the Afosto API reference), handed back as n8n's paginationToken. A filter
 * goes to Afosto where the list takes one; otherwise the page's records are matched by name and ID.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	list: PickableList,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentialType = chosenCredentialType(context, 'afosto');
	const { baseUrl } = await context.getCredentials<{ baseUrl: string }>(credentialType);
	const wanted = filter?.trim() ?? '';
	const request: IHttpRequestOptions = {
		method: 'GET',
		url: `${baseUrl.replace(/(?<!\/)\/+$/, '')}${list.path}`,
		headers: { Accept: 'application/json', 'x-page-size': String(PICKER_PAGE_SIZE), ...(paginationToken ? { 'x-page': paginationToken } : {}) },
		qs: wanted && list.filterParameter ? { [list.filterParameter]: wanted } : {},
		json: true,
		returnFullResponse: true,
	};
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request)) as IN8nHttpFullResponse;
	const records = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const items = records
		.filter((record) => text(record.id))
		.map((record) => ({ name: list.nameOf(record) || text(record.id), value: text(record.id) }));
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
