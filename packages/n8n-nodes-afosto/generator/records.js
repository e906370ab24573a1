// @ts-check
// What the generator knows of the records an n8n user works with most.
//
// The records a user picks most, as resource locators ("From List" with search, "By ID"): a
// path field becomes one when the path before its placeholder is one of these lists (the field of
// `/odr/orders/{id}/accept` points into `/odr/orders`). `searchListMethod` names the search in
// nodes/Afosto/shared/recordPickers.ts, which reads the list; `displayName` names the field.
// A list under another record (`/cat/groups/{id}/prices`) is read for the record the same
// operation's field before it holds, and `key` names what its field takes when that is not an ID.

/** @typedef {{ searchListMethod: string, displayName: string, key?: 'sku' }} RecordPicker */

/** @type {Record<string, RecordPicker>} */
const RECORD_PICKERS = {
	'/odr/orders': { searchListMethod: 'searchOrders', displayName: 'Order' },
	'/cat/groups': { searchListMethod: 'searchPriceGroups', displayName: 'Price Group' },
	// The Afosto API reference lists no products: the SKUs a user picks are those priced in the price group.
	'/cat/groups/{id}/prices': { searchListMethod: 'searchPriceGroupSkus', displayName: 'SKU', key: 'sku' },
	'/cat/channels': { searchListMethod: 'searchChannels', displayName: 'Channel' },
	'/rel/contacts': { searchListMethod: 'searchContacts', displayName: 'Contact' },
	'/rel/organisations': { searchListMethod: 'searchOrganisations', displayName: 'Organisation' },
	'/lcs/locations': { searchListMethod: 'searchLogisticsLocations', displayName: 'Location' },
	'/wms/locations': { searchListMethod: 'searchWarehouseLocations', displayName: 'Location' },
};

/** The picker of a path field, or undefined when its records are not in the table. */
/**
 * @param {import('./spec').Endpoint} endpoint
 * @param {import('./spec').Parameter} parameter
 * @returns {RecordPicker | undefined}
 */
function recordPickerOf(endpoint, parameter) {
	const prefix = endpoint.path.slice(0, endpoint.path.indexOf(`{${parameter.name}}`) - 1);
	const picker = RECORD_PICKERS[prefix];
	// The field takes the record's ID (`id`, `order_id`), or the key its picker names (`sku`).
	const takesKey = picker?.key ? parameter.name === picker.key : /^(id|.+_id)$/.test(parameter.name);
	return takesKey ? picker : undefined;
}

/**
 * The picker of the record a picker's list hangs under, if it does: the Price Group of the SKU
 * field of `/cat/groups/{id}/prices/{sku}`, whose prices list the SKUs.
 * @param {import('./spec').Endpoint} endpoint
 * @param {import('./spec').Parameter} parameter
 * @returns {RecordPicker | undefined}
 */
function parentPickerOf(endpoint, parameter) {
	const prefix = endpoint.path.slice(0, endpoint.path.indexOf(`{${parameter.name}}`) - 1);
	const parent = /^(.+)\/\{[^{}/]+\}\/[^{}]+$/.exec(prefix);
	return recordPickerOf(endpoint, parameter) && parent ? RECORD_PICKERS[parent[1]] : undefined;
}

/**
 * Large records whose Get and Get Many have n8n's "Simplify" (on by default): by the list's path,
 * the function in nodes/Afosto/shared/simplify.ts that says which fields are kept and why.
 * @type {Record<string, string>}
 */
const SIMPLIFIED_RECORDS = {
	'/odr/orders': 'simplifyOrder',
	'/rel/contacts': 'simplifyContact',
};

/**
 * The simplifier of a Get Many (`GET /odr/orders`) or Get (`GET /odr/orders/{id}`) of a large record, if it has one.
 * @param {import('./spec').Endpoint} endpoint @returns {string | undefined}
 */
function simplifierOf(endpoint) {
	if (endpoint.method !== 'GET') return undefined;
	if (endpoint.response.kind === 'json-list' && endpoint.response.paging === 'header-cursor') return SIMPLIFIED_RECORDS[endpoint.path];
	const single = /^(.+)\/\{id\}$/.exec(endpoint.path);
	return single && endpoint.response.kind === 'json-object' ? SIMPLIFIED_RECORDS[single[1]] : undefined;
}

module.exports = { RECORD_PICKERS, recordPickerOf, parentPickerOf, SIMPLIFIED_RECORDS, simplifierOf };
