// @ts-check
// The nodes and their resources: which of Afosto's service groups make which n8n node, the
// resources (the reference's tags) of each, and the names of their operations (naming.js).
const naming = require('./naming');
const { camelCase, singular, titleCase } = naming;

/**
 * @typedef {import('./spec').Endpoint} Endpoint
 *
 * @typedef {object} NodeSpec One generated node.
 * @property {string} className
 * @property {string} service The folder of its resources, under nodes/Afosto/.
 * @property {string} displayName
 * @property {string[]} groups The Afosto API reference's top headings whose endpoints it has.
 * @property {string} about What the node's description says it works with.
 *
 * @typedef {object} Resource
 * @property {string} label Its name in the Resource list (singular Title Case).
 * @property {string} value Its stable internal value.
 * @property {Endpoint[]} endpoints Its operations, in the reference's order.
 *
 * @typedef {{ name: string, action: string, object: string, about: string }} Named An operation's names, and the record it acts on.
 *
 * @typedef {object} NamesOfNode
 * @property {(endpoint: Endpoint) => Named} of
 * @property {(path: string) => string | undefined} listedBy The operation that lists the records under a path.
 * @property {Set<string>} copied Descriptions the reference copied onto unrelated endpoints.
 */

/** Afosto's service groups (the document's top headings), as nodes. @type {NodeSpec[]} */
const NODES = [
	{ className: 'AfostoCatalog', service: 'catalog', displayName: 'Afosto Catalog', groups: ['Catalog'], about: 'pricing groups, prices and VAT' },
	{ className: 'AfostoContacts', service: 'contacts', displayName: 'Afosto Contacts', groups: ['Contacts'], about: 'contacts, addresses, organisations and identities' },
	{ className: 'AfostoContent', service: 'content', displayName: 'Afosto Content', groups: ['Content', 'Meilisearch', 'Quicq', 'Theme service'], about: 'files, search indexes, barcodes, PDFs, images and themes' },
	{ className: 'AfostoFulfilment', service: 'fulfilment', displayName: 'Afosto Fulfilment', groups: ['Fulfilment', 'Dpd-service'], about: 'shipments, parcels, handling and carriers' },
	{ className: 'AfostoIam', service: 'iam', displayName: 'Afosto IAM', groups: ['IAM', 'Usage'], about: 'users, roles, OAuth clients, tenants, subscriptions and usage' },
	{ className: 'AfostoMessaging', service: 'messaging', displayName: 'Afosto Messaging', groups: ['Messaging', 'Webhooks'], about: 'conversations, e-mail, webhooks and background tasks' },
	{ className: 'AfostoOrders', service: 'orders', displayName: 'Afosto Orders', groups: ['Order'], about: 'orders, invoices, payments, coupons and sessions' },
	{ className: 'AfostoPlatform', service: 'platform', displayName: 'Afosto Platform', groups: ['Apps', 'Channel service', 'Profielen', 'Spooler'], about: 'apps, channels, profiles and printing' },
	{ className: 'AfostoWms', service: 'wms', displayName: 'Afosto WMS', groups: ['WMS'], about: 'locations, inventory, allocation and logistics' },
];

/** The Afosto nodes, each with the folder its generated resources live in (nothing else is in it). */
const AFOSTO_NODES = NODES.map((node) => ({ ...node, folder: `nodes/Afosto/${node.service}` }));

/**
 * The resources of a node: its endpoints by tag, sorted by label.
 * @param {NodeSpec} node
 * @param {Endpoint[]} endpoints
 * @returns {Resource[]}
 */
function resourcesOf(node, endpoints) {
	const ofNode = endpoints.filter((endpoint) => !endpoint.duplicateOf && node.groups.includes(endpoint.group));
	/** @type {Map<string, Endpoint[]>} */
	const byTag = new Map();
	for (const endpoint of ofNode) {
		// The same tag in two groups of one node (e.g. Content and Quicq "Proxy") stays two resources.
		const label = ofNode.some((other) => other.tag === endpoint.tag && other.group !== endpoint.group) && endpoint.group !== node.groups[0]
			? `${endpoint.group} ${endpoint.tag}`
			: endpoint.tag;
		const list = byTag.get(label) ?? [];
		if (!byTag.has(label)) byTag.set(label, list);
		list.push(endpoint);
	}
	return [...byTag.entries()]
		.map(([label, list]) => ({ label: singular(titleCase(label)), value: camelCase(label), endpoints: list }))
		.sort((first, second) => first.label.localeCompare(second.label));
}

/**
 * The names of a node's operations (naming.js), with what each acts on, and which operation lists
 * the records under a path (what path fields point to): `of(endpoint)`, `listedBy(path)`.
 * @param {Resource[]} resources
 * @param {Endpoint[]} endpoints
 * @returns {NamesOfNode}
 */
function namesOfNode(resources, endpoints) {
	/** @type {Map<Endpoint, Named>} */
	const byEndpoint = new Map();
	/** @type {Map<string, { resource: Resource, name: string }>} */
	const listers = new Map();
	for (const resource of resources) {
		naming.operationNamesOf(resource.label, resource.endpoints).forEach((named, /** @type {number} */ index) => {
			const endpoint = resource.endpoints[index];
			const about = singular(named.object.toLowerCase());
			byEndpoint.set(endpoint, { ...named, about });
			if (endpoint.method === 'GET' && endpoint.response.kind === 'json-list' && !listers.has(endpoint.path)) {
				listers.set(endpoint.path, { resource, name: named.name });
			}
		});
	}
	return {
		of: (endpoint) => {
			const named = byEndpoint.get(endpoint);
			if (!named) throw new Error(`${endpoint.method} ${endpoint.path} is not an operation of this node`);
			return named;
		},
		listedBy: (path) => {
			const lister = listers.get(path);
			return lister && `${lister.resource.label} › ${lister.name}`;
		},
		copied: naming.copiedDescriptions(endpoints),
	};
}

module.exports = { NODES, AFOSTO_NODES, resourcesOf, namesOfNode };
