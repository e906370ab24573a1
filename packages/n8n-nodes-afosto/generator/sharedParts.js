// @ts-check
// Schema sharing: the parts of operations that several operations have alike (a body's template,
// types and Body Fields; the query's types and Additional Fields) are written once, as named
// constants, and the operations refer to them. A part that operations of several Afosto services
// (the path's first segment: /odr, /rel, /lcs…) have goes to nodes/Afosto/afostoSchemas.ts (the
// reference's address, on /rel and /odr); one that operations of several resources of one service
// have goes to the service's file in the node's folder (nodes/Afosto/orders/odrSchemas.ts); one
// that only operations of one resource have goes to the resource's schemas.ts or queries.ts; one
// that a single operation has stays in its file.
const { camelCase } = require('./naming');
const { isFileUpload } = require('./spec');
const { bodyOf, bodyParts, fieldSpecsOf, queryOf } = require('./fields');
const { print, ref } = require('./printer');

/**
 * @typedef {import('./spec').Endpoint} Endpoint
 * @typedef {import('./nodes').Resource} Resource
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 * @typedef {'Template' | 'Types' | 'BodyFields' | 'QueryTypes' | 'AdditionalFields'} PartKind
 * @typedef {{ name: string, kind: PartKind, schema: string | null, part: unknown }} Declaration
 * @typedef {(endpoint: Endpoint, kind: PartKind, part: unknown) => unknown} PartOf
 * @typedef {{ kind: PartKind, part: unknown, schema: string | null }} Part A part, with what its constant is named after.
 *
 * @typedef {object} PackageParts The parts that operations of several Afosto services share.
 * @property {Declaration[]} declarations Their constants, for nodes/Afosto/afostoSchemas.ts.
 * @property {Map<string, string>} constantOf The constant of each part, by its key.
 *
 * @typedef {object} SharedParts The shared parts of one node's operations.
 * @property {(resource: Resource) => { partOf: PartOf, declarations: Declaration[] }} ofResource
 *   The constant of a part for an operation of `resource` (or the part itself), and the resource's own constants.
 * @property {Map<string, Declaration[]>} byService The constants several resources of a service share, by service.
 * @property {Map<string, string>} moduleOf The module of each constant of `byService`, from a resource's folder.
 */

/** The type annotation of each kind of shared part. */
/** @type {Record<PartKind, string>} */
const PART_TYPES = { Template: '', Types: ': FieldSpecs', BodyFields: ': INodeProperties[]', QueryTypes: ': FieldSpecs', AdditionalFields: ': INodeProperties[]' };
/** The file of a resource folder that holds a shared part. */
/** @type {Record<PartKind, 'schemas' | 'queries'>} */
const PART_FILE = { Template: 'schemas', Types: 'schemas', BodyFields: 'schemas', QueryTypes: 'queries', AdditionalFields: 'queries' };
/** @type {Record<PartKind, string>} */
const PART_ABOUT = {
	Template: 'The Body (JSON) template',
	Types: 'The body fields and their types',
	BodyFields: 'The Body Fields',
	QueryTypes: 'The query parameters and their types',
	AdditionalFields: 'The Additional Fields',
};

/** The Afosto service of an endpoint: its path's first segment (`odr` of /odr/orders). @param {Endpoint} endpoint */
const serviceOf = (endpoint) => endpoint.path.split('/')[1];

/**
 * The file of a node's folder that holds the parts several resources of `service` share: `odrSchemas`, `odrQueries`.
 * @param {string} service @param {string} file
 */
const serviceFileOf = (service, file) => `${service}${file.charAt(0).toUpperCase()}${file.slice(1)}`;

/** @param {PartKind} kind @param {unknown} part */
const keyOf = (kind, part) => `${kind}:${JSON.stringify(part)}`;

/** The module of nodes/Afosto/afostoSchemas.ts from a resource's folder, and its path in the package. */
const PACKAGE_MODULE = '../../afostoSchemas';
const PACKAGE_FILE = 'nodes/Afosto/afostoSchemas.ts';

/** A part a constant of its own is worth: one that does not fit on a line. @param {unknown} part */
const spansLines = (part) => print(part).includes('\n');

/**
 * The parts of one operation that may be shared, as operationOf builds them, each with what its
 * constant is named after: a body's schema; the query's one or two parameters, else the first
 * operation with them.
 * @param {Endpoint} endpoint
 * @param {NamesOfNode} named
 * @returns {Part[]}
 */
function partsOf(endpoint, named) {
	if (isFileUpload(endpoint)) return [];
	const body = bodyOf(endpoint);
	const { extras, query, options } = queryOf(endpoint, named);
	/** @param {{ name: string }[]} parameters */
	const nameOfQuery = (parameters) => (parameters.length <= 2 ? parameters.map(({ name }) => name).join(' ') : endpoint.summary);
	/** @type {Part[]} */
	const parts = [];
	if (query.length) parts.push({ kind: 'QueryTypes', part: fieldSpecsOf(query), schema: nameOfQuery(query) });
	if (options.length) parts.push({ kind: 'AdditionalFields', part: options, schema: nameOfQuery(extras) });
	if (body) {
		for (const [kind, part] of Object.entries(bodyParts(body, named.of(endpoint).about))) {
			parts.push({ kind: /** @type {PartKind} */ (kind), part, schema: body.schema });
		}
	}
	return parts;
}

/**
 * Names constants `${schema}${kind}` (`odrOrderModelTemplate`), with a number when the name is taken.
 * @param {Set<string>} taken
 */
const namer = (taken) =>
	/** @param {PartKind} kind @param {string | null} schema */
	(kind, schema) => {
		const base = `${camelCase(schema || 'shared body')}${kind}`;
		let name = base;
		for (let index = 2; taken.has(name); index++) name = `${base}${index}`;
		taken.add(name);
		return name;
	};

/**
 * The parts that operations of several Afosto services have alike, over all nodes, each named
 * after the first operation's schema.
 * @param {Array<{ resources: Resource[], named: NamesOfNode }>} nodes
 * @returns {PackageParts}
 */
function packageParts(nodes) {
	/** @type {Map<string, { services: Set<string>, kind: PartKind, part: unknown, schema: string | null }>} */
	const seen = new Map();
	for (const { resources, named } of nodes) {
		for (const resource of resources) {
			for (const endpoint of resource.endpoints) {
				for (const { kind, part, schema } of partsOf(endpoint, named)) {
					const key = keyOf(kind, part);
					const entry = seen.get(key) ?? { services: new Set(), kind, part, schema };
					seen.set(key, { ...entry, services: entry.services.add(serviceOf(endpoint)) });
				}
			}
		}
	}
	const name = namer(new Set());
	/** @type {Declaration[]} */
	const declarations = [];
	/** @type {Map<string, string>} */
	const constantOf = new Map();
	for (const [key, { services, kind, part, schema }] of seen) {
		if (services.size < 2 || !spansLines(part)) continue;
		const declaration = { name: name(kind, schema), kind, schema, part };
		declarations.push(declaration);
		constantOf.set(key, declaration.name);
	}
	return { declarations, constantOf };
}

/**
 * The parts that several operations of a node share: the package's, by service when operations of
 * several of its resources have them, else by resource.
 * @param {Resource[]} resources
 * @param {NamesOfNode} named
 * @param {PackageParts} packageShared
 * @returns {SharedParts}
 */
function sharedParts(resources, named, packageShared) {
	// The resources of each service that have each part.
	/** @type {Map<string, Set<Resource>>} */
	const resourcesWith = new Map();
	for (const resource of resources) {
		for (const endpoint of resource.endpoints) {
			for (const { kind, part } of partsOf(endpoint, named)) {
				const key = `${serviceOf(endpoint)}\0${keyOf(kind, part)}`;
				const list = resourcesWith.get(key) ?? new Set();
				resourcesWith.set(key, list.add(resource));
			}
		}
	}
	// A part that fits on a line stays in each resource (an import and a declaration would be longer than it).
	/** @param {Endpoint} endpoint @param {PartKind} kind @param {unknown} part */
	const ofService = (endpoint, kind, part) =>
		!packageShared.constantOf.has(keyOf(kind, part)) &&
		(resourcesWith.get(`${serviceOf(endpoint)}\0${keyOf(kind, part)}`)?.size ?? 0) > 1 &&
		spansLines(part);

	// The package's names, then the service names (in the resources' and operations' order), so a
	// resource's own constants never take them.
	/** @type {Set<string>} */
	const serviceNames = new Set(packageShared.declarations.map(({ name }) => name));
	const nameForService = namer(serviceNames);
	/** @type {Map<string, string>} */
	const serviceConstants = new Map();
	/** @type {Map<string, Declaration[]>} */
	const byService = new Map();
	/** @type {Map<string, string>} */
	const moduleOf = new Map(packageShared.declarations.map(({ name }) => [name, PACKAGE_MODULE]));
	/** @param {Endpoint} endpoint @param {PartKind} kind @param {unknown} part @param {string | null} schema */
	const serviceConstant = (endpoint, kind, part, schema) => {
		const service = serviceOf(endpoint);
		const key = `${service}\0${keyOf(kind, part)}`;
		if (serviceConstants.has(key)) return;
		const name = nameForService(kind, schema);
		serviceConstants.set(key, name);
		byService.set(service, [...(byService.get(service) ?? []), { name, kind, schema, part }]);
		moduleOf.set(name, `../${serviceFileOf(service, PART_FILE[kind])}`);
	};
	for (const resource of resources) {
		for (const endpoint of resource.endpoints) {
			for (const { kind, part, schema } of partsOf(endpoint, named)) {
				if (ofService(endpoint, kind, part)) serviceConstant(endpoint, kind, part, schema);
			}
		}
	}
	/** @param {Endpoint} endpoint @param {PartKind} kind @param {unknown} part */
	const serviceConstantOf = (endpoint, kind, part) => {
		const name = serviceConstants.get(`${serviceOf(endpoint)}\0${keyOf(kind, part)}`);
		if (!name) throw new Error(`${endpoint.method} ${endpoint.path}: no constant for its ${kind}`);
		return name;
	};
	return {
		byService,
		moduleOf,
		ofResource: (resource) => {
			/** @type {Map<string, number>} */
			const uses = new Map();
			// What each part's constant is named after: the first operation's.
			/** @type {Map<string, string | null>} */
			const schemas = new Map();
			for (const endpoint of resource.endpoints) {
				for (const { kind, part, schema } of partsOf(endpoint, named)) {
					const key = keyOf(kind, part);
					if (packageShared.constantOf.has(key) || ofService(endpoint, kind, part)) continue;
					uses.set(key, (uses.get(key) ?? 0) + 1);
					if (!schemas.has(key)) schemas.set(key, schema);
				}
			}
			/** @type {Map<string, string>} */
			const names = new Map();
			const nameForResource = namer(new Set(serviceNames));
			/** @type {Declaration[]} */
			const declarations = [];
			/** @type {PartOf} */
			const partOf = (endpoint, kind, part) => {
				const key = keyOf(kind, part);
				const ofPackage = packageShared.constantOf.get(key);
				if (ofPackage) return ref(ofPackage);
				if (ofService(endpoint, kind, part)) return ref(serviceConstantOf(endpoint, kind, part));
				if ((uses.get(key) ?? 0) < 2) return part;
				let name = names.get(key);
				if (!name) {
					const schema = schemas.get(key) ?? null;
					name = nameForResource(kind, schema);
					names.set(key, name);
					declarations.push({ name, kind, schema, part });
				}
				return ref(name);
			};
			return { partOf, declarations };
		},
	};
}

module.exports = { PART_TYPES, PART_FILE, PART_ABOUT, PACKAGE_FILE, serviceFileOf, partsOf, packageParts, sharedParts };
