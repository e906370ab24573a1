// @ts-check
// Building an operation: its entry in the Operation list (name, action, description), its routing
// (request, preSend checks, paging, output shaping) and its fields, from one endpoint of the spec.
// Which hand-written helper does what is in nodes/Afosto/shared/; a new one is imported through
// sharedHelpers.js.
const naming = require('./naming');
const { parentPickerOf, recordPickerOf, simplifierOf } = require('./records');
const { isFileUpload } = require('./spec');
const { bodyOf, bodyParts, checkedType, fieldSpecsOf, pathParameterName, queryOf } = require('./fields');
const { HELPER_MODULES } = require('./sharedHelpers');
const { Ref, call, print, ref, spread } = require('./printer');
const { titleCase } = naming;

/**
 * @typedef {import('./spec').Endpoint} Endpoint
 * @typedef {import('./spec').Parameter} Parameter
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 * @typedef {import('./sharedParts').PartOf} PartOf
 * @typedef {import('./sharedParts').PartKind} PartKind
 *
 * @typedef {object} PathParameterConstant A path field, as a constant of the resource's pathParameters.ts.
 * @property {string} name
 * @property {string} placeholder
 * @property {{ displayName: string, name: string, description: string | undefined }} field
 * @property {import('./records').RecordPicker} [picker]
 *
 * @typedef {object} OperationContext What the operations of one resource share.
 * @property {NamesOfNode} named
 * @property {ReturnType<typeof pathParametersOf>} pathParameters
 * @property {PartOf} partOf The constant that holds a part of an operation (sharedParts.js), or the part itself.
 *
 * @typedef {object} BuiltOperation
 * @property {Set<string>} used The helpers and shared constants it imports.
 * @property {string[]} locals Constants declared in its file before it (`path`, `body`).
 * @property {Record<string, unknown>} operation What `print` writes as its AfostoOperation.
 */

/**
 * How searches that page in the request body are followed, by the spec's paging style.
 * @type {Record<string, { follow: string, how: string }>}
 */
const BODY_PAGING = {
	'body-cursor': { follow: 'followBodyCursor', how: 'page_cursor in the body' },
	offset: { follow: 'followBodyOffset', how: 'offset and limit in the body' },
};

/**
 * The path parameters of a resource's operations, one constant per distinct field.
 * @param {Endpoint[]} endpoints
 * @param {NamesOfNode} named
 */
function pathParametersOf(endpoints, named) {
	/** @type {Map<string, PathParameterConstant>} */
	const constants = new Map();
	// Not a name the generated files import (a parameter named `path` would give `pathParameter`).
	const taken = new Set(Object.keys(HELPER_MODULES));
	/** @param {Parameter} parameter @param {Endpoint} endpoint @returns {string} */
	const constantOf = (parameter, endpoint) => {
		const description = naming.pathFieldDescription(endpoint, parameter, named.listedBy, parentPickerOf(endpoint, parameter)?.displayName);
		const field = { displayName: titleCase(parameter.name), name: pathParameterName(parameter.name), description };
		const picker = recordPickerOf(endpoint, parameter);
		const key = JSON.stringify([parameter.name, field, picker]);
		let constant = constants.get(key);
		if (!constant) {
			let name = `${field.name}Parameter`;
			for (let index = 2; taken.has(name); index++) name = `${field.name}Parameter${index}`;
			taken.add(name);
			constant = { name, placeholder: parameter.name, field, picker };
			constants.set(key, constant);
		}
		return constant.name;
	};
	for (const endpoint of endpoints) {
		if (!isFileUpload(endpoint)) endpoint.parameters.filter((parameter) => parameter.in === 'path').forEach((parameter) => constantOf(parameter, endpoint));
	}
	return { constantOf, constants: [...constants.values()] };
}

/**
 * The file of one operation: its entry in the Operation list, its routing and its fields.
 * @param {Endpoint} endpoint
 * @param {OperationContext} context
 * @returns {BuiltOperation}
 */
function operationOf(endpoint, context) {
	const used = new Set(['AfostoOperation']);
	/** @param {string} name */
	const use = (name) => (used.add(name), ref(name));
	/** @param {PartKind} kind @param {unknown} part */
	const shared = (kind, part) => {
		const value = context.partOf(endpoint, kind, part);
		if (value instanceof Ref) used.add(value.text);
		return value;
	};
	/** @type {string[]} */
	const locals = [];
	const value = endpoint.id;
	const { name, action: plainAction } = context.named.of(endpoint);
	const action = naming.actionForTools(endpoint, plainAction);
	if (isFileUpload(endpoint)) {
		const operation = {
			option: { name, value, action, description: 'Upload the binary file of each item. The node asks Afosto for an upload signature, then sends the file.' },
			fields: [],
			appendedFields: use('uploadFileFields'),
		};
		return { used, locals, operation };
	}
	/** @type {unknown[]} */
	const fields = [];
	/** @type {unknown[]} */
	const preSend = [];
	/** @type {{ request: Record<string, unknown>, operations?: unknown, output?: unknown, send?: unknown }} */
	const routing = { request: { method: endpoint.method, url: endpoint.path } };

	const pathParameters = endpoint.parameters.filter((parameter) => parameter.in === 'path');
	if (pathParameters.length) {
		// The URL stays the readable template; path.fill replaces it with the filled path, or refuses the item.
		const constants = pathParameters.map((parameter) => use(context.pathParameters.constantOf(parameter, endpoint)));
		locals.push(`const path = ${print(call(use('afostoPath').text, endpoint.path, ...constants))};`);
		routing.request.url = ref('path.url');
		fields.push(spread(ref('path.fields')));
		preSend.push(ref('path.fill'));
	}

	const paged = endpoint.response.kind === 'json-list' && endpoint.response.paging === 'header-cursor';
	// Large records: n8n's Simplify, each listed record or the one read cut to what workflows use.
	const simplifier = simplifierOf(endpoint);
	if (paged) {
		// Return All and Limit; code reads them: a Limit above one page follows the cursor too.
		fields.push(use('LIST_PAGING'));
		if (simplifier) fields.push(use('SIMPLIFY'));
		routing.operations = { pagination: simplifier ? call(use('followPageCursorSimplified').text, use(simplifier)) : use('followPageCursor') };
		preSend.push(use('sendPageSize'));
	}
	// Searches paged in the body answer one object (hits with facets and pagination): it stays
	// the output by default; Return All pages through and outputs the hits.
	const bodyPaging = endpoint.response.kind === 'json-object' && endpoint.response.paging ? BODY_PAGING[endpoint.response.paging] : undefined;
	if (bodyPaging) {
		fields.push(spread(call(use('bodyPagingFields').text, bodyPaging.how)));
		routing.operations = { pagination: use(bodyPaging.follow) };
	}

	const { extras, query, required, options } = queryOf(endpoint, context.named);
	fields.push(...required);
	if (extras.some((parameter) => parameter.name.toLowerCase() === 'x-idempotency-key')) preSend.push(use('sendIdempotencyKey'));
	if (query.length) preSend.push(call(use('sendCheckedQuery').text, shared('QueryTypes', fieldSpecsOf(query))));
	if (options.length) fields.push(call(use('additionalFields').text, shared('AdditionalFields', options)));

	const body = bodyOf(endpoint);
	if (body) {
		const bodyType = body.kind === 'array' ? `${checkedType({ type: body.items ?? 'string' })}[]` : 'object';
		const parts = Object.entries(bodyParts(body, context.named.of(endpoint).about)).map(([kind, part]) => shared(/** @type {PartKind} */ (kind), part));
		locals.push(`const body = ${print(call(use('afostoBody').text, bodyType, ...parts))};`);
		fields.push(spread(ref('body.fields')));
		preSend.push(ref('body.send'));
	}

	if (endpoint.response.headers.includes('x-task-id')) {
		fields.push(use('backgroundTaskField'));
		routing.output = { postReceive: [use('waitForAfostoTask')] };
	}
	if (endpoint.response.kind === 'binary') {
		routing.request.encoding = 'arraybuffer';
		routing.request.json = false;
		// The file goes to the binary field the user names ("Put Output File in Field", n8n's convention).
		fields.push(use('OUTPUT_FILE_FIELD'));
		routing.output = { postReceive: [{ type: 'binaryData', properties: { destinationProperty: '={{ $parameter["binaryPropertyName"] }}' } }] };
	}
	if (simplifier && !paged) {
		fields.push(use('SIMPLIFY'));
		routing.output = { postReceive: [call(use('outputSimplified').text, use(simplifier))] };
	}
	if (endpoint.method === 'DELETE' && endpoint.response.kind === 'empty') {
		// Afosto answers a delete with no content; the item says what happened.
		routing.output = { postReceive: [use('outputDeletedWhenEmpty')] };
	}
	if (preSend.length) routing.send = { preSend, ...(paged ? { paginate: true } : {}) };

	// The plain action: the fields below say what the operation needs (and n8n's types stay within budget).
	const description = naming.operationDescriptionOf(endpoint, plainAction, context.named.copied);
	const operation = { option: { name, value, action, description, routing }, fields };
	return { used, locals, operation };
}

module.exports = { operationOf, pathParametersOf };
