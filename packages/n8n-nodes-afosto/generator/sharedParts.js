// @ts-check
// Schema sharing: the parts of operations that several operations have alike (a body's template,
// types and Body Fields; the query's types and Additional Fields) are written once, as named
// constants, and the operations refer to them.
const { camelCase } = require('./naming');
const { isFileUpload } = require('./spec');
const { bodyOf, bodyParts, fieldSpecsOf, queryOf } = require('./fields');
const { ref } = require('./printer');

/**
 * @typedef {import('./spec').Endpoint} Endpoint
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 * @typedef {'Template' | 'Types' | 'BodyFields' | 'QueryTypes' | 'AdditionalFields'} PartKind
 * @typedef {{ name: string, kind: PartKind, schema: string | null, part: unknown }} Declaration
 */

/** The type annotation of each kind of shared part. */
const PART_TYPES = { Template: '', Types: ': FieldSpecs', BodyFields: ': INodeProperties[]', QueryTypes: ': FieldSpecs', AdditionalFields: ': INodeProperties[]' };
/** The file of a resource folder that holds a shared part. */
const PART_FILE = { Template: 'schemas', Types: 'schemas', BodyFields: 'schemas', QueryTypes: 'queries', AdditionalFields: 'queries' };
const PART_ABOUT = {
	Template: 'The Body (JSON) template',
	Types: 'The body fields and their types',
	BodyFields: 'The Body Fields',
	QueryTypes: 'The query parameters and their types',
	AdditionalFields: 'The Additional Fields',
};

/**
 * The parts of request bodies that several operations of a resource share (create and update of
 * one schema), as named constants in the resource's schemas.ts; `partOf` gives the constant, or
 * the part itself when only one operation uses it.
 * @param {Endpoint[]} endpoints
 * @param {NamesOfNode} named
 */
function sharedSchemas(endpoints, named) {
	/** @type {Map<string, number>} */
	const uses = new Map();
	for (const endpoint of endpoints) {
		if (isFileUpload(endpoint)) continue;
		const body = bodyOf(endpoint);
		const { query, options } = queryOf(endpoint, named);
		const parts = {
			...(query.length ? { QueryTypes: fieldSpecsOf(query) } : {}),
			...(options.length ? { AdditionalFields: options } : {}),
			...(body ? bodyParts(body, named.of(endpoint).about) : {}),
		};
		for (const [kind, part] of Object.entries(parts)) {
			const key = `${kind}:${JSON.stringify(part)}`;
			uses.set(key, (uses.get(key) ?? 0) + 1);
		}
	}
	/** @type {Map<string, string>} */
	const names = new Map();
	/** @type {Declaration[]} */
	const declarations = [];
	/** @param {PartKind} kind @param {unknown} part @param {string | null} schema */
	const partOf = (kind, part, schema) => {
		const key = `${kind}:${JSON.stringify(part)}`;
		if ((uses.get(key) ?? 0) < 2) return part;
		let name = names.get(key);
		if (!name) {
			const base = `${camelCase(schema || 'shared body')}${kind}`;
			const taken = new Set(names.values());
			name = base;
			for (let index = 2; taken.has(name); index++) name = `${base}${index}`;
			names.set(key, name);
			declarations.push({ name, kind, schema, part });
		}
		return ref(name);
	};
	return { partOf, declarations };
}

/** @typedef {ReturnType<typeof sharedSchemas>} SharedSchemas */

module.exports = { PART_TYPES, PART_FILE, PART_ABOUT, sharedSchemas };
