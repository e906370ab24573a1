// @ts-check
// The one reviewed table of exceptions to the naming rules (naming.js): what the rules cannot
// know from the Afosto API reference's words alone. Everything else is named by the rules.

/**
 * Misspellings in the Afosto API reference's summaries and descriptions, by the word as it is
 * spelled there (lower case), with the word meant. Applied word by word before any rule.
 * @type {Record<string, string>}
 */
const TYPOS = {
	identy: 'identity',
	fiels: 'fields',
	too: 'to',
	organisaton: 'organisation',
	lsit: 'list',
	fiter: 'filter',
	"it's": 'its',
	rreturns: 'returns',
	positino: 'position',
	orginate: 'originate',
	dataas: 'dataset',
	// "sku's", "SKU's": the reference's plural, not a possessive.
	"sku's": 'SKUs',
	// "Two letter counpremise_numbertry code" (a country code's description, three times): a
	// replace of "country" by "premise_number" gone wrong in the reference.
	counpremise_numbertry: 'country',
};

/**
 * Endpoints whose summary the rules would turn into the same name as another operation of their
 * resource (the reference gives both the same summary), or into a wrong one: the name as an n8n
 * user should read it, by "METHOD path". `action` is derived from it as for every other operation.
 * @type {Record<string, string>}
 */
const NAMES = {
	// Both proxy reads are "Get the proxy configuration": one lists, one reads by key.
	'GET /cnt/proxies': 'Get Many Proxy Configurations',
	'GET /cnt/proxies/{key}': 'Get Proxy Configuration',
	'GET /qcq/proxies': 'Get Many',
	'GET /qcq/proxies/{key}': 'Get',
	// Both are "Reorder the positions within a location".
	'PUT /lcs/locations/{id}/positions': 'Reorder Positions',
	'DELETE /lcs/locations/{id}/positions': 'Delete Positions',
	// Both are "Authenticate a contact for the session"; the second marks an authenticated user.
	'POST /odr/sessions/{id}/authenticate': 'Authenticate Contact',
	'POST /odr/sessions/{id}/authenticated': 'Set Authenticated User',
	// Both are "Get a claim": the second lists the claim's items.
	'GET /wms/claims/{id}': 'Get',
	'GET /wms/claims/{id}/items': 'Get Many Claim Items',
	// "Get a location" is also the summary of the address search.
	'POST /wms/search/locations': 'Search by Address',
	'GET /wms/locations/{id}': 'Get',
	// "Search for items with routing" twice; the second attaches.
	'POST /odr/search/orders/items/attach': 'Search Items to Attach',
	// "Obtain a live list of active subscriptions" twice; the POST reports usage.
	'POST /iam/subscriptions/usages': 'Get Subscription Usage',
	// "List items" three times in Fulfilment search: items of shipments, handling lists, parcels.
	'POST /lcs/search/shipments/items': 'Search Shipment Items',
	'POST /lcs/search/lists/items': 'Search Handling List Items',
	'POST /lcs/search/parcels/items': 'Search Parcel Items',
	// "Create a new proxy" (a proxy configuration) beside "Create a proxy" (an instant proxy).
	'POST /cnt/proxies': 'Create Proxy Configuration',
	// "Send a request to access another tenant" twice; the second, under authorizations, invites a user.
	'POST /iam/subtenants/requests': 'Request Access to Tenant',
	'POST /iam/subtenants/authorizations/invites': 'Invite User to Tenant',
	// "Get services" lists and "View services" reads one.
	'GET /odr/services': 'Get Many',
	'GET /odr/services/{id}': 'Get',
	// "Get list of available payment methods" twice; the second, of one transaction.
	'GET /odr/methods': 'Get Many Payment Methods',
	'GET /odr/transactions/{secret}/methods': 'Get Many Payment Methods for Transaction',
	// "Get a list of open / shared / third party": the reference's sentence stops halfway.
	'GET /iam/oauth/apps': 'Get Many Apps',
	// "Relative date" has no verb.
	'POST /cnt/filters/date': 'Create Relative Date Filter',
	// "From search" has no verb: it adds the items a search finds to the order.
	'POST /odr/orders/{id}/items/search': 'Add Items From Search',
	// "Bulk change" names no verb the rules know.
	'PUT /lcs/bulk/items': 'Update Items in Bulk',
	// "Returns the session expiry date".
	'GET /odr/sessions/{id}': 'Get Expiry Date',
};

/**
 * Query parameters whose name says nothing (`/cnt/barcode`'s one-letter `t`, `v`…): the display
 * name from the reference's description of them, by "METHOD path" and wire name; `required`
 * where the reference makes the value the point of the request.
 */
/**
 * @typedef {{ displayName: string, required?: boolean, description?: string }} FieldException
 * @type {Record<string, Record<string, FieldException>>}
 */
const FIELDS = {
	'GET /cnt/barcode': {
		t: { displayName: 'Barcode Type' },
		v: { displayName: 'Value to Encode', required: true },
		w: { displayName: 'Width (Pixels)' },
		h: { displayName: 'Height (Pixels)' },
		f: { displayName: 'Fallback Type', description: 'Type of barcode to render instead when an EAN value is invalid.' },
	},
};

module.exports = { TYPOS, NAMES, FIELDS };
