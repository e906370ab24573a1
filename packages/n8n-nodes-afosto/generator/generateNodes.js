#!/usr/bin/env node
// Generates the Afosto nodes' declarative descriptions from the committed spec (spec/afosto.json):
// one node per Afosto service, one file per resource (the document's tag). Deterministic: the same
// spec always gives the same files, and test/generatedNodes.test.ts fails when the
// committed files and this generator drift apart. Run: node generator/generateNodes.js
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const naming = require('./naming');
const { recordPickerOf, simplifierOf } = require('./records');
const { camelCase, sentence, singular, titleCase } = naming;

/** The n8n-nodes-afosto package: the generated files are written into its nodes/ and credentials/. */
const ROOT = join(__dirname, '..');
const SPEC_PATH = join(ROOT, 'spec', 'afosto.json');

/** Afosto's service groups (the document's top headings), as nodes. */
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

/** Headers the node handles itself: the credential signs, paging and JSON are built in. */
const HANDLED_HEADERS = new Set(['authorization', 'accept', 'x-page', 'x-page-size']);

function fieldType(type) {
	if (type === 'integer' || type === 'number') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'object' || type === 'array') return 'json';
	return 'string';
}

function defaultFor(n8nType, multiple) {
	if (multiple) return [];
	if (n8nType === 'number') return 0;
	if (n8nType === 'boolean') return false;
	if (n8nType === 'json') return '{}';
	return '';
}

function pathParameterName(name) {
	const reserved = new Set(['resource', 'operation', 'authentication', 'returnAll', 'limit', 'bodyMode', 'bodyFields', 'bodyJson', 'additionalFields']);
	const candidate = camelCase(name);
	return reserved.has(candidate) ? `${candidate}Value` : candidate;
}

/** A value's type for the shared checker (nodes/Afosto/shared/fieldTypes.ts): `integer`, `string[]`… */
function checkedType(field) {
	const scalar = (type) => (['integer', 'number', 'boolean', 'object'].includes(type) ? type : 'string');
	return field.type === 'array' ? `${scalar(field.items ?? 'string')}[]` : scalar(field.type);
}

/** The name a user sees for a query or body field: the exceptions table's, else its wire name in Title Case. */
const displayNameOf = (field) => field.displayName ?? titleCase(field.name);

/** What the shared checker needs to know of a query or body field: the name the user sees, the type. */
function fieldSpecOf(field) {
	return { field: displayNameOf(field), type: checkedType(field), ...(field.enum?.length ? { oneOf: field.enum } : {}) };
}

const fieldSpecsOf = (fields) => Object.fromEntries(fields.map((field) => [field.name, fieldSpecOf(field)]));

const enumOptions = (values) =>
	// n8n calls an upsert "Create or Update".
	[...values].map((value) => ({ name: value === 'upsert' ? 'Create or Update' : titleCase(String(value)) || String(value), value })).sort((first, second) => first.name.localeCompare(second.name));

/**
 * What n8n's guidelines ask of a field by its name and type: an email address shows an example,
 * a secret is hidden as it is typed, a Limit is n8n's Limit.
 */
function withConventions(option) {
	if (option.type === 'string' && option.name === 'email') option.placeholder = 'e.g. nathan@example.com';
	if (option.type === 'string' && /secret|password|token|apikey/i.test(option.name)) option.typeOptions = { ...option.typeOptions, password: true };
	if (option.type === 'number' && option.name === 'limit') {
		Object.assign(option, { displayName: 'Limit', typeOptions: { minValue: 1 }, default: 50, description: 'Max number of results to return' });
	}
	return option;
}

function parameterOption(parameter) {
	const multiple = parameter.type === 'array' && parameter.items !== 'object';
	const baseType = multiple ? fieldType(parameter.items ?? 'string') : fieldType(parameter.type);
	const displayName = displayNameOf(parameter);
	const option = { displayName, name: camelCase(parameter.name) };
	if (parameter.enum?.length) {
		// A list of allowed values is a multi-select: it sends a list, as the reference types it.
		option.type = parameter.type === 'array' ? 'multiOptions' : 'options';
		option.options = enumOptions(parameter.enum);
		option.default = parameter.type === 'array' ? [] : parameter.default ?? parameter.enum[0];
	} else {
		option.type = baseType;
		if (multiple) option.typeOptions = { multipleValues: true };
		option.default = parameter.default !== undefined && !multiple ? parameter.default : defaultFor(baseType, multiple);
	}
	option.description = option.type === 'boolean' ? naming.booleanDescription(parameter, displayName, parameter.about) : naming.fieldDescription(parameter, displayName, parameter.about);
	if (parameter.required) option.required = true;
	// n8n's routing sends only body and query values; the one header (x-idempotency-key) is sent
	// by its preSend.
	if (parameter.in !== 'header') option.routing = { send: { type: 'query', property: parameter.name } };
	return withConventions(option);
}

function bodyFieldOption(field, about) {
	const displayName = titleCase(field.name);
	const choices = field.enum?.length ? (field.type === 'array' ? 'multiOptions' : 'options') : undefined;
	const n8nType = choices ?? fieldType(field.type);
	const option = { displayName, name: camelCase(field.name), type: n8nType };
	if (choices) {
		option.options = enumOptions(field.enum);
		option.default = choices === 'multiOptions' ? [] : field.enum[0];
	} else {
		option.default = field.type === 'array' ? '[]' : defaultFor(n8nType, false);
	}
	option.description = n8nType === 'boolean' ? naming.booleanDescription(field, displayName, about) : naming.fieldDescription(field, displayName, about);
	option.routing = { send: { type: 'body', property: field.name } };
	return withConventions(option);
}

const byDisplayName = (first, second) => first.displayName.localeCompare(second.displayName);

/** Operations that take a file (the Afosto API reference's multipart upload) run as the node's custom operation. */
const isFileUpload = (endpoint) => endpoint.parameters.some((parameter) => parameter.in === 'formData' && parameter.type === 'file');

function resourcesOf(node, endpoints) {
	const ofNode = endpoints.filter((endpoint) => !endpoint.duplicateOf && node.groups.includes(endpoint.group));
	const byTag = new Map();
	for (const endpoint of ofNode) {
		// The same tag in two groups of one node (e.g. Content and Quicq "Proxy") stays two resources.
		const label = ofNode.some((other) => other.tag === endpoint.tag && other.group !== endpoint.group) && endpoint.group !== node.groups[0]
			? `${endpoint.group} ${endpoint.tag}`
			: endpoint.tag;
		if (!byTag.has(label)) byTag.set(label, []);
		byTag.get(label).push(endpoint);
	}
	return [...byTag.entries()]
		.map(([label, list]) => ({ label: singular(titleCase(label)), value: camelCase(label), endpoints: list }))
		.sort((first, second) => first.label.localeCompare(second.label));
}

function codexFile(node) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	return `${JSON.stringify(
		{
			node: `n8n-nodes-afosto.${name}`,
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Sales', 'Utility'],
			subcategories: { Sales: ['Commerce'] },
			resources: {
				credentialDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#credentials' }],
				primaryDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#operations' }],
			},
			alias: ['Afosto', 'Commerce', ...node.groups.map(titleCase)],
		},
		null,
		'\t',
	)}\n`;
}

/*
 * The printer: generated code is written as TypeScript object literals in the house style (single
 * quotes, keys unquoted where they are identifiers, tabs, trailing commas, short objects on one
 * line). References and calls are values of their own (`ref`, `call`, `spread`), never text
 * spliced into JSON.
 */
const WIDTH = 120;

class Ref {
	constructor(text) {
		this.text = text;
	}
}
class Call {
	constructor(callee, args) {
		this.callee = callee;
		this.args = args;
	}
}
class Spread {
	constructor(value) {
		this.value = value;
	}
}
/** A name in generated code: an import or a local constant (`followPageCursor`, `path.url`). */
const ref = (text) => new Ref(text);
const call = (callee, ...args) => new Call(callee, args);
const spread = (value) => new Spread(value);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(text) {
	const escaped = text.replace(/[\\'\u0000-\u001f\u2028\u2029\u007f]/g, (character) => {
		const named = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' }[character];
		return named ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
	return `'${escaped}'`;
}

const tabs = (depth) => '\t'.repeat(depth);
const fits = (text, depth, prefix) => !text.includes('\n') && depth * 4 + prefix + text.length + 1 <= WIDTH;

/**
 * `value` as TypeScript at `depth` tabs, after `prefix` characters of its line (a key). Objects,
 * lists and calls stay on one line when they fit, else take one entry a line; `broken` forces that.
 */
function print(value, depth = 0, prefix = 0, broken = false) {
	if (value instanceof Ref) return value.text;
	if (value instanceof Spread) return `...${print(value.value, depth, prefix + 3)}`;
	if (value instanceof Call) return printCall(value, depth, prefix);
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const items = value.map((item) => print(item, depth + 1));
		const inline = `[${items.join(', ')}]`;
		if (!broken && fits(inline, depth, prefix)) return inline;
		return `[\n${items.map((item) => `${tabs(depth + 1)}${item},`).join('\n')}\n${tabs(depth)}]`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
		if (!entries.length) return '{}';
		const keyOf = (key) => (IDENTIFIER.test(key) ? key : quote(key));
		const lines = entries.map(([key, inner]) =>
			inner instanceof Ref && inner.text === key ? key : `${keyOf(key)}: ${print(inner, depth + 1, keyOf(key).length + 2)}`,
		);
		const inline = `{ ${lines.join(', ')} }`;
		if (!broken && fits(inline, depth, prefix)) return inline;
		return `{\n${lines.map((line) => `${tabs(depth + 1)}${line},`).join('\n')}\n${tabs(depth)}}`;
	}
	throw new Error(`Cannot print ${typeof value}`);
}

/**
 * A call on one line when it fits; else its last argument (an object or list) opens on the call's
 * line when the arguments before it fit there; else one argument a line.
 */
function printCall({ callee, args }, depth, prefix) {
	const inline = `${callee}(${args.map((arg) => print(arg, depth, prefix + callee.length + 1)).join(', ')})`;
	if (fits(inline, depth, prefix)) return inline;
	const last = args[args.length - 1];
	const head = args.slice(0, -1).map((arg) => print(arg, depth));
	const headLine = `${callee}(${[...head, ''].join(', ')}${Array.isArray(last) ? '[' : '{'}`;
	if (last && typeof last === 'object' && !(last instanceof Ref || last instanceof Call || last instanceof Spread) && fits(headLine, depth, prefix) && head.every((arg) => !arg.includes('\n'))) {
		return `${callee}(${[...head, print(last, depth, 0, true)].join(', ')})`;
	}
	return `${callee}(\n${args.map((arg) => `${tabs(depth + 1)}${print(arg, depth + 1)},`).join('\n')}\n${tabs(depth)})`;
}

/** Where each helper of the generated code comes from, from a file two folders below nodes/Afosto. */
const HELPER_MODULES = {
	afostoBody: '../../shared/body',
	afostoPath: '../../shared/pathParameters',
	pathParameter: '../../shared/pathParameters',
	afostoResource: '../../shared/operations',
	AfostoOperation: '../../shared/operations',
	LIST_PAGING: '../../shared/listPaging',
	followPageCursor: '../../shared/listPaging',
	sendPageSize: '../../shared/listPaging',
	bodyPagingFields: '../../shared/searchPaging',
	followBodyCursor: '../../shared/searchPaging',
	followBodyOffset: '../../shared/searchPaging',
	additionalFields: '../../shared/query',
	sendCheckedQuery: '../../shared/query',
	sendIdempotencyKey: '../../shared/idempotency',
	backgroundTaskField: '../../shared/tasks',
	waitForAfostoTask: '../../shared/tasks',
	uploadFileFields: '../../shared/uploadFile',
	outputDeletedWhenEmpty: '../../shared/responses',
	SIMPLIFY: '../../shared/simplify',
	followPageCursorSimplified: '../../shared/simplify',
	outputSimplified: '../../shared/simplify',
	simplifyOrder: '../../shared/simplify',
	simplifyContact: '../../shared/simplify',
	OUTPUT_FILE_FIELD: '../../shared/responses',
	FieldSpecs: '../../shared/fieldTypes',
	INodeProperties: 'n8n-workflow',
};
const TYPE_ONLY = new Set(['AfostoOperation', 'FieldSpecs', 'INodeProperties']);

/** The import lines for `names` (helpers, or names of `local` modules: name -> './file'). */
function importLines(names, local = {}) {
	const byModule = new Map();
	for (const name of names) {
		const module = local[name] ?? HELPER_MODULES[name];
		if (!module) throw new Error(`No module for ${name}`);
		const kind = TYPE_ONLY.has(name) ? 'type' : 'value';
		const key = `${module}\0${kind}`;
		if (!byModule.has(key)) byModule.set(key, { module, kind, names: [] });
		byModule.get(key).names.push(name);
	}
	const order = (module) => `${module.startsWith('./') ? 2 : module.startsWith('../') ? 1 : 0}${module}`;
	return [...byModule.values()]
		.sort((first, second) => order(first.module).localeCompare(order(second.module)) || first.kind.localeCompare(second.kind))
		.map(({ module, kind, names: list }, index, all) => {
			const line = `import ${kind === 'type' ? 'type ' : ''}{ ${[...list].sort().join(', ')} } from '${module}';`;
			// A blank line between the packages' imports and the package's own.
			return index > 0 && module.startsWith('.') && !all[index - 1].module.startsWith('.') ? `\n${line}` : line;
		})
		.join('\n');
}

const HEADER = '// Generated by generator/generateNodes.js from spec/afosto.json: do not edit by hand.\n';

/** How searches that page in the request body are followed, by the spec's paging style. */
const BODY_PAGING = {
	'body-cursor': { follow: 'followBodyCursor', how: 'page_cursor in the body' },
	offset: { follow: 'followBodyOffset', how: 'offset and limit in the body' },
};

/** The path parameters of a resource's operations, one constant per distinct field. */
function pathParametersOf(endpoints, named) {
	const constants = new Map();
	// Not a name the generated files import (a parameter named `path` would give `pathParameter`).
	const taken = new Set(Object.keys(HELPER_MODULES));
	const constantOf = (parameter, endpoint) => {
		const description = naming.pathFieldDescription(endpoint, parameter, named.listedBy);
		const field = { displayName: titleCase(parameter.name), name: pathParameterName(parameter.name), description };
		const picker = recordPickerOf(endpoint, parameter);
		const key = JSON.stringify([parameter.name, field, picker]);
		if (!constants.has(key)) {
			let name = `${field.name}Parameter`;
			for (let index = 2; taken.has(name); index++) name = `${field.name}Parameter${index}`;
			taken.add(name);
			constants.set(key, { name, placeholder: parameter.name, field, picker });
		}
		return constants.get(key).name;
	};
	for (const endpoint of endpoints) {
		if (!isFileUpload(endpoint)) endpoint.parameters.filter((parameter) => parameter.in === 'path').forEach((parameter) => constantOf(parameter, endpoint));
	}
	return { constantOf, constants: [...constants.values()] };
}

/**
 * The query parameters and headers of an operation that the user may fill in, as Additional
 * Fields; the ones the exceptions table makes required, as fields of their own.
 */
function queryOf(endpoint, named) {
	// n8n sends no body with GET (nor do many proxies): the two GETs that the Afosto API reference gives a body
	// take its fields as query parameters instead.
	const bodyAsQuery = endpoint.method === 'GET' && endpoint.body?.kind === 'object';
	const extras = [
		...endpoint.parameters.filter(
			(parameter) => parameter.in !== 'path' && parameter.in !== 'formData' && !HANDLED_HEADERS.has(parameter.name.toLowerCase()),
		),
		// A body field that is also a query parameter (`path` of the storage reads) is one field.
		...(bodyAsQuery
			? endpoint.body.fields
					.filter((field) => !endpoint.parameters.some((parameter) => parameter.in === 'query' && parameter.name === field.name))
					.map((field) => ({ ...field, in: 'query' }))
			: []),
	];
	const about = named.of(endpoint).about;
	const fields = extras.map((parameter) => ({ ...parameter, ...naming.fieldException(endpoint, parameter.name), about }));
	const required = fields.filter((parameter) => parameter.required);
	return {
		extras: fields,
		query: fields.filter((parameter) => parameter.in === 'query'),
		required: required.map(parameterOption),
		options: fields.filter((parameter) => !parameter.required).map(parameterOption).sort(byDisplayName),
	};
}

/** The operations of a resource that send a request body, and the body. */
const bodyOf = (endpoint) =>
	endpoint.body && !isFileUpload(endpoint) && !(endpoint.method === 'GET' && endpoint.body.kind === 'object') ? endpoint.body : null;

/** What afostoBody is given of a body: its example as the template, its field types, its Body Fields (when typed). */
function bodyParts(body, about) {
	return {
		Template: body.example === undefined ? (body.kind === 'array' ? [] : {}) : body.example,
		Types: fieldSpecsOf(body.fields),
		...(body.kind === 'object' && body.fields.length > 0 ? { BodyFields: body.fields.map((field) => bodyFieldOption(field, about)).sort(byDisplayName) } : {}),
	};
}

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
 */
function sharedSchemas(endpoints, named) {
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
	const names = new Map();
	const declarations = [];
	const partOf = (kind, part, schema) => {
		const key = `${kind}:${JSON.stringify(part)}`;
		if (uses.get(key) < 2) return part;
		if (!names.has(key)) {
			const base = `${camelCase(schema || 'shared body')}${kind}`;
			const taken = new Set(names.values());
			let name = base;
			for (let index = 2; taken.has(name); index++) name = `${base}${index}`;
			names.set(key, name);
			declarations.push({ name, kind, schema, part });
		}
		return ref(names.get(key));
	};
	return { partOf, declarations };
}

/** The file of one operation: its entry in the Operation list, its routing and its fields. */
function operationOf(endpoint, context) {
	const used = new Set(['AfostoOperation']);
	const use = (name) => (used.add(name), ref(name));
	const shared = (kind, part, about) => {
		const value = context.schemas.partOf(kind, part, about);
		if (value instanceof Ref) used.add(value.text);
		return value;
	};
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
	const fields = [];
	const preSend = [];
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
	const bodyPaging = endpoint.response.kind === 'json-object' && BODY_PAGING[endpoint.response.paging];
	if (bodyPaging) {
		fields.push(spread(call(use('bodyPagingFields').text, bodyPaging.how)));
		routing.operations = { pagination: use(bodyPaging.follow) };
	}

	const { extras, query, required, options } = queryOf(endpoint, context.named);
	fields.push(...required);
	if (extras.some((parameter) => parameter.name.toLowerCase() === 'x-idempotency-key')) preSend.push(use('sendIdempotencyKey'));
	// Shared query parts are named by their one or two parameters, else by the first operation with them.
	const nameOfQuery = (parameters) => (parameters.length <= 2 ? parameters.map(({ name }) => name).join(' ') : endpoint.summary);
	if (query.length) preSend.push(call(use('sendCheckedQuery').text, shared('QueryTypes', fieldSpecsOf(query), nameOfQuery(query))));
	if (options.length) fields.push(call(use('additionalFields').text, shared('AdditionalFields', options, nameOfQuery(extras))));

	const body = bodyOf(endpoint);
	if (body) {
		const bodyType = body.kind === 'array' ? `${checkedType({ type: body.items })}[]` : 'object';
		const parts = Object.entries(bodyParts(body, context.named.of(endpoint).about)).map(([kind, part]) => shared(kind, part, body.schema));
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

/** The files of one resource: index.ts, one file per operation, and its path parameters and shared schemas. */
function resourceFiles(resource, folder, named) {
	const files = {};
	const context = { named, pathParameters: pathParametersOf(resource.endpoints, named), schemas: sharedSchemas(resource.endpoints, named) };
	const local = {};
	// Each operation's file and export are named by its value (method and path, as the spec's id
	// has it), which no other endpoint has and no renaming changes.
	const operations = resource.endpoints.map((endpoint) => ({ exportName: endpoint.id, ...operationOf(endpoint, context) }));
	for (const { name } of context.pathParameters.constants) local[name] = './pathParameters';
	for (const { name, kind } of context.schemas.declarations) local[name] = `./${PART_FILE[kind]}`;
	for (const { exportName, used, locals, operation } of operations) {
		const imports = importLines(used, local);
		const declarations = locals.length ? `${locals.join('\n\n')}\n\n` : '';
		files[`${folder}/${exportName}.ts`] =
			`${HEADER}${imports}\n\n${declarations}export const ${exportName}: AfostoOperation = ${print(operation)};\n`;
	}
	if (context.pathParameters.constants.length) {
		const constants = context.pathParameters.constants.map(
			({ name, placeholder, field, picker }) => `export const ${name} = ${print(call('pathParameter', placeholder, field, ...(picker ? [picker] : [])))};`,
		);
		files[`${folder}/pathParameters.ts`] = `${HEADER}${importLines(['pathParameter'])}\n\n${constants.join('\n')}\n`;
	}
	for (const file of ['schemas', 'queries']) {
		const declarations = context.schemas.declarations.filter(({ kind }) => PART_FILE[kind] === file);
		if (!declarations.length) continue;
		const typeNames = [...new Set(declarations.map(({ kind }) => PART_TYPES[kind].slice(2).replace('[]', '')).filter(Boolean))];
		const constants = declarations.map(({ name, kind, schema, part }) => {
			const of = file === 'schemas' ? (schema ? ` of the Afosto API reference's ${schema}` : '') : ' that several operations of the resource have';
			return `/** ${PART_ABOUT[kind]}${of}. */\nexport const ${name}${PART_TYPES[kind]} = ${print(part)};`;
		});
		files[`${folder}/${file}.ts`] = `${HEADER}${importLines(typeNames)}\n\n${constants.join('\n\n')}\n`;
	}
	const operationImports = operations.map(({ exportName }) => `import { ${exportName} } from './${exportName}';`).join('\n');
	files[`${folder}/index.ts`] =
		`${HEADER}${importLines(['afostoResource'])}\n\n${operationImports}\n\n` +
		`/** ${resource.label}: the operations in the Afosto API reference's order. */\n` +
		`export const ${resource.value}Resource = ${print(call('afostoResource', resource.value, operations.map(({ exportName }) => ref(exportName))))};\n`;
	return files;
}

/**
 * The node's subtitle: the chosen operation's and resource's names, as n8n shows a node with one
 * resource by itself (the editor looks names up only in the first Operation list, so a node with
 * several resources says them itself).
 */
function subtitleOf(resources, named) {
	const operations = Object.fromEntries(resources.flatMap((resource) => resource.endpoints.map((endpoint) => [endpoint.id, named.of(endpoint).name])));
	const labels = Object.fromEntries(resources.map((resource) => [resource.value, resource.label]));
	return `={{ ${JSON.stringify(operations)}[$parameter["operation"]] + ": " + ${JSON.stringify(labels)}[$parameter["resource"]] }}`;
}

function nodeFile(node, resources, named) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	const uploads = resources.flatMap((resource) => resource.endpoints.filter(isFileUpload).map((endpoint) => ({ resource: resource.value, operation: endpoint.id })));
	const customOperations = uploads.length
		? `\n\n\t/** Uploads send the item's binary file in two steps (the Afosto API reference), which routing cannot say. */\n\tcustomOperations = ${print(
				Object.fromEntries(uploads.map(({ resource, operation }) => [resource, { [operation]: ref('uploadFileFromBinary') }])),
				1,
			)};`
		: '';
	const uploadImport = uploads.length ? `import { uploadFileFromBinary } from './shared/uploadFile';\n` : '';
	// The searches of the node's resource locators ("From List"), each once.
	const searches = [
		...new Set(
			resources.flatMap((resource) =>
				resource.endpoints
					.filter((endpoint) => !isFileUpload(endpoint))
					.flatMap((endpoint) => endpoint.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => recordPickerOf(endpoint, parameter)?.searchListMethod)),
			),
		),
	]
		.filter(Boolean)
		.sort();
	const methods = searches.length
		? `\n\n\tmethods = ${print({ listSearch: Object.fromEntries(searches.map((search) => [search, ref(`recordListSearch.${search}`)])) }, 1)};`
		: '';
	const searchImport = searches.length ? `import { recordListSearch } from './shared/recordPickers';\n` : '';
	const imports = resources.map((resource) => `import { ${resource.value}Resource } from './${node.service}/${resource.value}';`).join('\n');
	const resourceOptions = resources.map((resource) => ({ name: resource.label, value: resource.value, routing: ref('checkedRequest') }));
	const description = {
		displayName: node.displayName,
		name,
		icon: { light: 'file:../../icons/afosto.svg', dark: 'file:../../icons/afosto.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(resources, named),
		description: `Afosto ${node.about}`,
		defaults: { name: node.displayName },
		usableAsTool: true,
		inputs: [ref('NodeConnectionTypes.Main')],
		outputs: [ref('NodeConnectionTypes.Main')],
		credentials: call('partnerCredentials', 'afosto'),
		requestDefaults: ref('AFOSTO_REQUEST_DEFAULTS'),
		properties: ref('properties'),
	};
	const properties = [
		ref('authenticationField'),
		{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: resourceOptions, default: resources[0].value },
		...resources.map((resource) => ref(`${resource.value}Resource.operation`)),
		...resources.map((resource) => spread(ref(`${resource.value}Resource.fields`))),
		spread(ref('LIST_OUTPUT_FIELDS')),
		call('declarativeOptionsField', 'Afosto'),
	];
	return `${HEADER}import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationField, partnerCredentials } from '../shared/transport/authentication';
import { declarativeOptionsField } from '../shared/transport/jsonApiRequestDefaults';
import { LIST_OUTPUT_FIELDS } from './shared/listPages';
import { AFOSTO_REQUEST_DEFAULTS, afostoRouting } from './shared/requestDefaults';
${searchImport}${uploadImport}${imports}

const checkedRequest = afostoRouting(() => properties);

const properties: INodeProperties[] = ${print(properties)};

export class ${node.className} implements INodeType {
	description: INodeTypeDescription = ${print(description, 1)};${methods}${customOperations}
}
`;
}

/**
 * The names of a node's operations (naming.js), with what each acts on, and which operation lists
 * the records under a path (what path fields point to): `of(endpoint)`, `listedBy(path)`.
 */
function namesOfNode(resources, endpoints) {
	const byEndpoint = new Map();
	const listers = new Map();
	for (const resource of resources) {
		naming.operationNamesOf(resource.label, resource.endpoints).forEach((named, index) => {
			const endpoint = resource.endpoints[index];
			const about = singular(named.object.toLowerCase());
			byEndpoint.set(endpoint, { ...named, about });
			if (endpoint.method === 'GET' && endpoint.response.kind === 'json-list' && !listers.has(endpoint.path)) {
				listers.set(endpoint.path, { resource, name: named.name });
			}
		});
	}
	return {
		of: (endpoint) => byEndpoint.get(endpoint),
		listedBy: (path) => {
			const lister = listers.get(path);
			return lister && `${lister.resource.label} › ${lister.name}`;
		},
		copied: naming.copiedDescriptions(endpoints),
	};
}

/** Every generated file, by path relative to the repository root. */
function generateAfostoNodes(spec) {
	const files = {};
	for (const node of NODES) {
		const resources = resourcesOf(node, spec.endpoints);
		const named = namesOfNode(resources, spec.endpoints.filter((endpoint) => !endpoint.duplicateOf));
		files[`nodes/Afosto/${node.className}.node.ts`] = nodeFile(node, resources, named);
		files[`nodes/Afosto/${node.className}.node.json`] = codexFile(node);
		for (const resource of resources) Object.assign(files, resourceFiles(resource, `nodes/Afosto/${node.service}/${resource.value}`, named));
	}
	files['credentials/afostoScopes.ts'] = `${HEADER}\n/** The OAuth2 scopes the Afosto API reference lists. */\nexport const AFOSTO_SCOPES = ${JSON.stringify(spec.scopes, null, '\t').replace(/"/g, "'").replace(/'\n]$/, "',\n]")};\n`;
	files['package.json'] = packageManifestListing(NODES);
	return files;
}

/**
 * The package's package.json with its `n8n.nodes` made from NODES (and the hand-written trigger):
 * the nodes are listed once, here; package.json, which n8n and the test runner read, follows.
 */
function packageManifestListing(nodes) {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const nodeFiles = [...nodes.map(({ className }) => className), 'AfostoTrigger'].map((className) => `dist/nodes/Afosto/${className}.node.js`);
	manifest.n8n.nodes = nodeFiles.sort();
	return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The Afosto nodes, each with the folder its generated resources live in (nothing else is in it). */
const AFOSTO_NODES = NODES.map((node) => ({ ...node, folder: `nodes/Afosto/${node.service}` }));

module.exports = { generateAfostoNodes, pathParameterName, AFOSTO_NODES, SPEC_PATH };

if (require.main === module) {
	const files = generateAfostoNodes(JSON.parse(readFileSync(SPEC_PATH, 'utf8')));
	for (const node of AFOSTO_NODES) {
		rmSync(join(ROOT, node.folder), { recursive: true, force: true });
		for (const extension of ['ts', 'json']) rmSync(join(ROOT, 'nodes', 'Afosto', `${node.className}.node.${extension}`), { force: true });
	}
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(ROOT, path)), { recursive: true });
		writeFileSync(join(ROOT, path), content);
	}
	process.stdout.write(`${Object.keys(files).length} files for ${NODES.length} Afosto nodes\n`);
}
