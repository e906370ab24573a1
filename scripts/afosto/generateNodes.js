#!/usr/bin/env node
// Generates the Afosto nodes' declarative descriptions from the committed spec (specs/afosto.json):
// one node per Afosto service, one file per resource (the document's tag). Deterministic: the same
// spec always gives the same files, and test/afosto/generatedNodes.test.ts fails when the
// committed files and this generator drift apart. Run: node scripts/afosto/generateNodes.js
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const SPEC_PATH = join(ROOT, 'specs', 'afosto.json');

/** Afosto's service groups (the document's top headings), as nodes. */
const NODES = [
	{ className: 'AfostoCatalog', displayName: 'Afosto Catalog', groups: ['Catalog'], about: 'pricing groups, prices and VAT' },
	{ className: 'AfostoContacts', displayName: 'Afosto Contacts', groups: ['Contacts'], about: 'contacts, addresses, organisations and identities' },
	{ className: 'AfostoContent', displayName: 'Afosto Content', groups: ['Content', 'Meilisearch', 'Quicq', 'Theme service'], about: 'files, search indexes, barcodes, PDFs, images and themes' },
	{ className: 'AfostoFulfilment', displayName: 'Afosto Fulfilment', groups: ['Fulfilment', 'Dpd-service'], about: 'shipments, parcels, handling and carriers' },
	{ className: 'AfostoIam', displayName: 'Afosto IAM', groups: ['IAM', 'Usage'], about: 'users, roles, OAuth clients, tenants, subscriptions and usage' },
	{ className: 'AfostoMessaging', displayName: 'Afosto Messaging', groups: ['Messaging', 'Webhooks'], about: 'conversations, e-mail, webhooks and background tasks' },
	{ className: 'AfostoOrders', displayName: 'Afosto Orders', groups: ['Order'], about: 'orders, invoices, payments, coupons and sessions' },
	{ className: 'AfostoPlatform', displayName: 'Afosto Platform', groups: ['Apps', 'Channel service', 'Profielen', 'Spooler'], about: 'apps, channels, profiles and printing' },
	{ className: 'AfostoWms', displayName: 'Afosto WMS', groups: ['WMS'], about: 'locations, inventory, allocation and logistics' },
];

/** Headers the node handles itself: the credential signs, paging and JSON are built in. */
const HANDLED_HEADERS = new Set(['authorization', 'accept', 'x-page', 'x-page-size']);
const ACRONYMS = { id: 'ID', ids: 'IDs', url: 'URL', uri: 'URI', uuid: 'UUID', sku: 'SKU', skus: 'SKUs', vat: 'VAT', api: 'API', ip: 'IP', json: 'JSON', pdf: 'PDF', html: 'HTML', iban: 'IBAN', ean: 'EAN', gln: 'GLN', jwt: 'JWT', sla: 'SLA', wms: 'WMS', dpd: 'DPD', gif: 'GIF', oauth: 'OAuth', rbac: 'RBAC', '2fa': '2FA' };
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'via', 'per']);

function words(text) {
	return String(text)
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean);
}

function titleCase(text) {
	return words(text)
		.map((word, index) => {
			const lower = word.toLowerCase();
			if (ACRONYMS[lower]) return ACRONYMS[lower];
			if (index > 0 && SMALL_WORDS.has(lower)) return lower;
			return lower.charAt(0).toUpperCase() + lower.slice(1);
		})
		.join(' ');
}

/** n8n's lint wants actions in sentence case: only the first letter capitalised. */
function sentenceCase(text) {
	const lower = String(text).trim().toLowerCase().replace(/\s+/g, ' ');
	return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function camelCase(text) {
	const parts = words(text).map((word) => word.toLowerCase());
	const joined = parts.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
	return /^[0-9]/.test(joined) ? `n${joined}` : joined;
}

/** Descriptions as n8n's lint wants them: acronyms upper case, no final period on one sentence. */
function cleanDescription(text) {
	let clean = String(text ?? '').replace(/\s+/g, ' ').trim();
	if (!clean) return undefined;
	clean = clean.replace(/\b(id|ids|url|json)\b/gi, (match) => ACRONYMS[match.toLowerCase()]);
	if (!/[.!?].+[.!?]$/.test(clean.slice(0, -1)) && /\.$/.test(clean) && clean.split(/\. /).length === 1) {
		clean = clean.slice(0, -1);
	}
	return clean;
}

function booleanDescription(text, displayName) {
	const clean = cleanDescription(text);
	if (clean && /^whether\b/i.test(clean)) return clean;
	if (clean && /^(true|set) (when|if)\b/i.test(clean)) return clean.replace(/^(true|set) (when|if)\b/i, 'Whether');
	return `Whether ${displayName.toLowerCase()} is set${clean ? `: ${clean.charAt(0).toLowerCase()}${clean.slice(1)}` : ''}`;
}

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

/** Functions and imports in generated code are written as markers, then unquoted. */
const code = (expression) => `@@code:${expression}@@`;

/** Stands for a list's Return All and Limit fields until they are written as code. */
const LIST_PAGING_FIELDS = '@@listPagingFields';
const SEARCH_PAGING_OPTIONS = '@@pagingOptionsField';

function pathParameterName(name) {
	const reserved = new Set(['resource', 'operation', 'authentication', 'returnAll', 'limit', 'bodyMode', 'bodyFields', 'bodyJson', 'additionalFields']);
	const candidate = camelCase(name);
	return reserved.has(candidate) ? `${candidate}Value` : candidate;
}

/** A value's type for the shared checker (nodes/shared/fieldTypes.ts): `integer`, `string[]`… */
function checkedType(field) {
	const scalar = (type) => (['integer', 'number', 'boolean', 'object'].includes(type) ? type : 'string');
	return field.type === 'array' ? `${scalar(field.items ?? 'string')}[]` : scalar(field.type);
}

/** What the shared checker needs to know of a query or body field: the name the user sees, the type. */
function fieldSpecOf(field) {
	return { field: titleCase(field.name), type: checkedType(field), ...(field.enum?.length ? { oneOf: field.enum } : {}) };
}

const fieldSpecsOf = (fields) => Object.fromEntries(fields.map((field) => [field.name, fieldSpecOf(field)]));

/** A type name the Afosto API reference's examples put where a value goes: "boolean", "string (uuid)". */
const TYPE_NAME = /^(string|integer|number|boolean|object|array)( \([^)]*\))?$/;

/**
 * The type names of a Body (JSON) template by where they sit (`lines[].sku`, as
 * templatePlaceholderLeft in nodes/shared/fieldTypes.ts reads them): left there, they are refused.
 */
function templatePlaceholders(example, path = '', found = {}) {
	if (typeof example === 'string' && TYPE_NAME.test(example)) found[path] = example;
	if (Array.isArray(example)) example.forEach((entry) => templatePlaceholders(entry, `${path}[]`, found));
	else if (example && typeof example === 'object') {
		for (const [key, value] of Object.entries(example)) templatePlaceholders(value, path ? `${path}.${key}` : key, found);
	}
	return found;
}

const enumOptions = (values) =>
	[...values].map((value) => ({ name: titleCase(String(value)) || String(value), value })).sort((first, second) => first.name.localeCompare(second.name));

function parameterOption(parameter) {
	const multiple = parameter.type === 'array' && parameter.items !== 'object';
	const baseType = multiple ? fieldType(parameter.items ?? 'string') : fieldType(parameter.type);
	const displayName = titleCase(parameter.name);
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
	const description = option.type === 'boolean' ? booleanDescription(parameter.description, displayName) : cleanDescription(parameter.description);
	if (description) option.description = description;
	// n8n's routing sends only body and query values; the one header (x-idempotency-key) is sent
	// by its preSend.
	if (parameter.in !== 'header') option.routing = { send: { type: 'query', property: parameter.name } };
	return option;
}

function bodyFieldOption(field) {
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
	const description = n8nType === 'boolean' ? booleanDescription(field.description, displayName) : cleanDescription(field.description);
	if (description) option.description = description;
	option.routing = { send: { type: 'body', property: field.name } };
	return option;
}

const byDisplayName = (first, second) => first.displayName.localeCompare(second.displayName);

/** How searches that page in the request body are followed, by the spec's paging style. */
const BODY_PAGING = {
	'body-cursor': { follow: 'followBodyCursor', how: 'page_cursor in the body' },
	offset: { follow: 'followBodyOffset', how: 'offset and limit in the body' },
};

/** Operations that take a file (the Afosto API reference's multipart upload) run as the node's custom operation. */
const isFileUpload = (endpoint) => endpoint.parameters.some((parameter) => parameter.in === 'formData' && parameter.type === 'file');

/** The fields and the routing of one endpoint as an operation of its resource. */
function operationOf(endpoint, resourceValue, operationName, sharedMap = (map) => mapCode(map)) {
	const value = endpoint.id;
	const show = { resource: [resourceValue], operation: [value] };
	if (isFileUpload(endpoint)) {
		return {
			option: {
				name: operationName,
				value,
				action: sentenceCase(endpoint.summary).replace(/\.$/, ''),
				description: 'Upload the binary file of each item: asks Afosto for an upload signature, then sends the file',
			},
			fields: [],
			fieldsCode: `...uploadFileFields(${JSON.stringify(show)})`,
		};
	}
	const fields = [];
	const preSend = [];
	const pathParameters = endpoint.parameters.filter((parameter) => parameter.in === 'path');
	for (const parameter of pathParameters) {
		fields.push({
			displayName: titleCase(parameter.name),
			name: pathParameterName(parameter.name),
			type: 'string',
			required: true,
			default: '',
			...(cleanDescription(parameter.description) ? { description: cleanDescription(parameter.description) } : {}),
			displayOptions: { show },
		});
	}
	if (pathParameters.length) {
		// The URL below stays the readable template; this preSend replaces it with the filled path,
		// or refuses the item (nodes/shared/requestPath.ts).
		const placeholders = Object.fromEntries(
			pathParameters.map((parameter) => [parameter.name, { parameter: pathParameterName(parameter.name), displayName: titleCase(parameter.name) }]),
		);
		preSend.push(code(`sendToPath(${JSON.stringify(endpoint.path)}, ${mapCode(placeholders)})`));
	}

	const paged = endpoint.response.kind === 'json-list' && endpoint.response.paging === 'header-cursor';
	const routing = { request: { method: endpoint.method, url: endpoint.path } };
	if (paged) {
		// Return All and Limit, written as one call of listPagingFields once merged across the
		// resource's lists (see resourceFile).
		fields.push({ name: LIST_PAGING_FIELDS, displayOptions: { show } });
		// Code reads Return All and Limit: a Limit above one page follows the cursor too.
		routing.operations = { pagination: code('followPageCursor') };
		preSend.push(code('sendPageSize'));
	}
	// Searches paged in the body answer one object (hits with facets and pagination): it stays
	// the output by default; Return All pages through and outputs the hits.
	const bodyPaging = endpoint.response.kind === 'json-object' && BODY_PAGING[endpoint.response.paging];
	if (bodyPaging) {
		fields.push({
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: `Whether to fetch every page (${bodyPaging.how}) and output one item per hit. Off: Afosto's one response, with its facets and paging.`,
			displayOptions: { show },
			routing: { send: { paginate: '={{ $value }}' } },
		});
		// How often a page is asked for again, as on the lists (written as one call, see resourceFile).
		fields.push({ name: SEARCH_PAGING_OPTIONS, displayOptions: { show: { ...show, returnAll: [true] } } });
		routing.operations = { pagination: code(bodyPaging.follow) };
	}

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
	const idempotent = extras.some((parameter) => parameter.name.toLowerCase() === 'x-idempotency-key');
	if (idempotent) preSend.push(code('sendIdempotencyKey'));
	const query = extras.filter((parameter) => parameter.in === 'query');
	if (query.length) preSend.push(code(`sendCheckedQuery(${mapCode(fieldSpecsOf(query))})`));
	const options = extras.map(parameterOption).sort(byDisplayName);
	if (options.length) {
		fields.push({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options,
		});
	}

	const body = bodyAsQuery ? null : endpoint.body;
	if (body) {
		const typed = body.kind === 'object' && body.fields.length > 0;
		if (typed) {
			fields.push({
				displayName: 'Body',
				name: 'bodyMode',
				type: 'options',
				options: [
					{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
					{ name: 'JSON', value: 'json', description: 'Write the whole request body as JSON' },
				],
				default: 'fields',
				displayOptions: { show },
			});
			fields.push({
				displayName: 'Body Fields',
				name: 'bodyFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: { show: { ...show, bodyMode: ['fields'] } },
				options: body.fields.map(bodyFieldOption).sort(byDisplayName),
			});
		}
		const example = body.example === undefined ? (body.kind === 'array' ? [] : {}) : body.example;
		fields.push({
			displayName: 'Body (JSON)',
			name: 'bodyJson',
			type: 'json',
			default: JSON.stringify(example, null, 2),
			description: body.kind === 'array' ? 'The request body: a JSON array' : 'The whole request body as a JSON object',
			displayOptions: { show: typed ? { ...show, bodyMode: ['json'] } : show },
		});
		const bodyType = body.kind === 'array' ? `${checkedType({ type: body.items })}[]` : 'object';
		const placeholders = templatePlaceholders(example);
		const placeholderArgument = Object.keys(placeholders).length ? `, ${sharedMap(placeholders, body.schema, 'Template')}` : '';
		preSend.push(code(`sendJsonBody(${JSON.stringify(bodyType)}, ${sharedMap(fieldSpecsOf(body.fields), body.schema, 'Fields')}${placeholderArgument})`));
	}

	if (endpoint.response.headers.includes('x-task-id')) {
		fields.push({
			displayName: 'Background Task',
			name: 'taskOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Afosto runs this in the background and answers with the task ID',
			displayOptions: { show },
			options: [
				{ displayName: 'Poll Interval (Seconds)', name: 'pollIntervalSeconds', type: 'number', typeOptions: { minValue: 0.1 }, default: 2, description: 'How often to ask Afosto about the task' },
				{ displayName: 'Timeout (Seconds)', name: 'timeoutSeconds', type: 'number', typeOptions: { minValue: 1 }, default: 120, description: 'How long to wait for the task before failing' },
				{ displayName: 'Wait for Task', name: 'waitForTask', type: 'boolean', default: false, description: 'Whether to wait until the task is completed and output it' },
			],
		});
		routing.output = { postReceive: [code('waitForAfostoTask')] };
	}
	if (endpoint.response.kind === 'binary') {
		routing.request.encoding = 'arraybuffer';
		routing.request.json = false;
		routing.output = { postReceive: [{ type: 'binaryData', properties: { destinationProperty: 'data' } }] };
	}
	if (preSend.length) routing.send = { preSend, ...(paged ? { paginate: true } : {}) };

	const description = cleanDescription(endpoint.description);
	return {
		option: {
			name: operationName,
			value,
			action: sentenceCase(endpoint.summary).replace(/\.$/, ''),
			...(description && description !== cleanDescription(endpoint.summary) ? { description } : {}),
			routing,
		},
		fields,
	};
}

/** One property per distinct definition; fields shared by several operations are merged. */
function mergeFields(fields) {
	const merged = new Map();
	for (const field of fields) {
		const { displayOptions, ...rest } = field;
		const { operation, ...otherConditions } = displayOptions.show;
		const key = JSON.stringify({ rest, otherConditions });
		const existing = merged.get(key);
		if (existing) existing.displayOptions.show.operation.push(...operation);
		else merged.set(key, { ...rest, displayOptions: { show: { ...otherConditions, operation: [...operation] } } });
	}
	return [...merged.values()].map((field) => {
		const { resource, operation, ...others } = field.displayOptions.show;
		return { ...field, displayOptions: { show: { resource, operation, ...others } } };
	});
}

/** n8n's lint wants resource names singular: the last word of a tag like "Addresses" loses its plural. */
function singular(label) {
	return label.replace(/(\w+)$/, (word) => {
		if (/ies$/i.test(word)) return word.replace(/ies$/i, 'y');
		if (/(ss|x|ch|sh)es$/i.test(word)) return word.replace(/es$/i, '');
		if (/[^su]s$/i.test(word) && !/is$/i.test(word)) return word.slice(0, -1);
		return word;
	});
}

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

function operationNames(endpoints) {
	const counts = new Map();
	for (const endpoint of endpoints) counts.set(titleCase(endpoint.summary), (counts.get(titleCase(endpoint.summary)) ?? 0) + 1);
	return endpoints.map((endpoint) => {
		const name = titleCase(endpoint.summary);
		return counts.get(name) > 1 ? `${name} (${endpoint.method} ${endpoint.path})` : name;
	});
}

/** Generated code as text: markers unquoted, the lines of a multi-line call indented where it sits. */
function literal(value) {
	return JSON.stringify(value, null, '\t').replace(/^(\t*)(.*)"@@code:(.*?)@@"/gm, (_match, indent, before, expression) =>
		`${indent}${before}${JSON.parse(`"${expression}"`).replace(/\n/g, `\n${indent}`)}`,
	);
}

/** A map as code, one entry a line: `{\n\t"name": {…},\n}`. */
function mapCode(map) {
	const entries = Object.entries(map);
	if (!entries.length) return '{}';
	const valueCode = (value) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? `{ ${Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)}: ${JSON.stringify(inner)}`).join(', ')} }`
			: JSON.stringify(value);
	return `{\n${entries.map(([key, value]) => `\t${JSON.stringify(key)}: ${valueCode(value)}`).join(',\n')},\n}`;
}

const HEADER = '// Generated by scripts/afosto/generateNodes.js from specs/afosto.json: do not edit by hand.\n';

/**
 * The body maps (field types, template placeholders) that several operations of a resource share,
 * e.g. create and update of one schema, as named constants: `nameOf(map, schema, kind)` gives the
 * constant's name, or the map itself when only one operation uses it; `code` declares them.
 */
function sharedMaps(endpoints) {
	const uses = new Map();
	const count = (map) => uses.set(mapCode(map), (uses.get(mapCode(map)) ?? 0) + 1);
	for (const endpoint of endpoints) {
		const body = endpoint.body;
		if (!body || isFileUpload(endpoint) || (endpoint.method === 'GET' && body.kind === 'object')) continue;
		count(fieldSpecsOf(body.fields));
		const placeholders = templatePlaceholders(body.example === undefined ? {} : body.example);
		if (Object.keys(placeholders).length) count(placeholders);
	}
	const names = new Map();
	const declarations = [];
	const nameOf = (map, schema, kind) => {
		const text = mapCode(map);
		if (uses.get(text) < 2) return text;
		if (!names.has(text)) {
			const base = `${camelCase(schema || 'shared body')}${kind}`;
			const taken = new Set(names.values());
			let name = base;
			for (let index = 2; taken.has(name); index++) name = `${base}${index}`;
			names.set(text, name);
			const type = kind === 'Fields' ? ': FieldSpecs' : ': Record<string, string>';
			const about = kind === 'Fields' ? 'The body fields and their types' : "The Body (JSON) template's type names, refused when left in place";
			declarations.push(`/** ${about}${schema ? ` (the Afosto API reference's ${schema})` : ''}. */\nconst ${name}${type} = ${text};\n\n`);
		}
		return names.get(text);
	};
	// Names are handed out while the operations are written; the declarations are read after.
	return { nameOf, get code() { return declarations.join(''); } };
}

function resourceFile(resource) {
	const names = operationNames(resource.endpoints);
	const constants = sharedMaps(resource.endpoints);
	const operations = resource.endpoints.map((endpoint, index) => operationOf(endpoint, resource.value, names[index], constants.nameOf));
	const options = operations.map(({ option }) => option).sort((first, second) => first.name.localeCompare(second.name));
	const operationProperty = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: options[0].value,
	};
	const fields = mergeFields(operations.flatMap(({ fields: list }) => list)).map((field) =>
		field.name === LIST_PAGING_FIELDS
			? code(`...listPagingFields(${JSON.stringify(field.displayOptions.show)})`)
			: field.name === SEARCH_PAGING_OPTIONS
				? code(`pagingOptionsField(${JSON.stringify(field.displayOptions.show)})`)
				: field,
	);
	const fieldsCode = operations.map((operation) => operation.fieldsCode).filter(Boolean);
	const fieldList = fieldsCode.length ? literal(fields).replace(/\n\]$/, `,\n\t${fieldsCode.join(',\n\t')},\n]`) : literal(fields);
	const body = `${literal(operationProperty)};\n\nexport const ${resource.value}Fields: INodeProperties[] = ${fieldList};\n`;
	const helpers = ['sendIdempotencyKey', 'sendCheckedQuery', 'sendJsonBody', 'sendPageSize', 'waitForAfostoTask', 'followPageCursor', 'listPagingFields'].filter((name) => body.includes(name));
	const searchHelpers = Object.values(BODY_PAGING).map((paging) => paging.follow).filter((name) => body.includes(name));
	const imports =
		(helpers.length ? `import { ${helpers.join(', ')} } from '../../../shared/afosto/afostoRequests';\n` : '') +
		(body.includes('sendToPath(') ? `import { sendToPath } from '../../../shared/requestPath';\n` : '') +
		(body.includes('pagingOptionsField(') ? `import { pagingOptionsField } from '../../../shared/afosto/listPages';\n` : '') +
		(searchHelpers.length ? `import { ${searchHelpers.join(', ')} } from '../../../shared/afosto/searchPaging';\n` : '') +
		(fieldsCode.length ? `import { uploadFileFields } from '../../../shared/afosto/uploadFile';\n` : '');
	const typeImport = constants.code.includes(': FieldSpecs') ? `import type { FieldSpecs } from '../../../shared/fieldTypes';\n` : '';
	return `${HEADER}import type { INodeProperties } from 'n8n-workflow';\n\n${imports}${typeImport}\n${constants.code}export const ${resource.value}Operations: INodeProperties = ${body}`;
}

function nodeFile(node, resources) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	const uploads = resources.flatMap((resource) => resource.endpoints.filter(isFileUpload).map((endpoint) => ({ resource: resource.value, operation: endpoint.id })));
	const customOperations = uploads.length
		? `\n\n\t/** Uploads send the item's binary file in two steps (the Afosto API reference), which routing cannot say. */\n\tcustomOperations = {\n${uploads
				.map(({ resource, operation }) => `\t\t${resource}: { ${operation}: uploadFileFromBinary },`)
				.join('\n')}\n\t};`
		: '';
	const uploadImport = uploads.length ? `import { uploadFileFromBinary } from '../shared/afosto/uploadFile';\n` : '';
	const imports = resources
		.map((resource) => `import { ${resource.value}Fields, ${resource.value}Operations } from './resources/${resource.value}';`)
		.join('\n');
	const resourceOptions = resources
		.map((resource) => `\t\t\t{ name: ${JSON.stringify(resource.label)}, value: ${JSON.stringify(resource.value)}, routing: checkedRequest },`)
		.join('\n');
	return `${HEADER}import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { AFOSTO_REQUEST_DEFAULTS, afostoRouting } from '../shared/afosto/afostoRequests';
${uploadImport}import { authenticationField } from '../shared/authentication';
import { declarativeOptionsField } from '../shared/jsonApiRequestDefaults';
${imports}

const checkedRequest = afostoRouting(() => properties);

const properties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
${resourceOptions}
		],
		default: ${JSON.stringify(resources[0].value)},
	},
${resources.map((resource) => `\t${resource.value}Operations,`).join('\n')}
${resources.map((resource) => `\t...${resource.value}Fields,`).join('\n')}
	declarativeOptionsField('Afosto'),
];

export class ${node.className} implements INodeType {
	description: INodeTypeDescription = {
		displayName: ${JSON.stringify(node.displayName)},
		name: ${JSON.stringify(name)},
		icon: { light: 'file:../../icons/afosto.svg', dark: 'file:../../icons/afosto.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: ${JSON.stringify(`Afosto ${node.about}`)},
		defaults: { name: ${JSON.stringify(node.displayName)} },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'afostoApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
			{ name: 'afostoOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		requestDefaults: AFOSTO_REQUEST_DEFAULTS,
		properties,
	};${customOperations}
}
`;
}

function codexFile(node) {
	const name = node.className.charAt(0).toLowerCase() + node.className.slice(1);
	return `${JSON.stringify(
		{
			node: `n8n-nodes-telco-partners.${name}`,
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Sales', 'Utility'],
			subcategories: { Sales: ['Commerce'] },
			resources: {
				credentialDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners#afosto-credentials' }],
				primaryDocumentation: [{ url: 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners#afosto' }],
			},
			alias: ['Afosto', 'Commerce', ...node.groups.map(titleCase)],
		},
		null,
		'\t',
	)}\n`;
}

/** Every generated file, by path relative to the repository root. */
function generateAfostoNodes(spec) {
	const files = {};
	for (const node of NODES) {
		const resources = resourcesOf(node, spec.endpoints);
		const folder = `nodes/${node.className}`;
		files[`${folder}/${node.className}.node.ts`] = nodeFile(node, resources);
		files[`${folder}/${node.className}.node.json`] = codexFile(node);
		for (const resource of resources) files[`${folder}/resources/${resource.value}/index.ts`] = resourceFile(resource);
	}
	files['credentials/afostoScopes.ts'] = `${HEADER}\n/** The OAuth2 scopes the Afosto API reference lists. */\nexport const AFOSTO_SCOPES = ${JSON.stringify(spec.scopes, null, '\t').replace(/"/g, "'").replace(/'\n]$/, "',\n]")};\n`;
	return files;
}

module.exports = { generateAfostoNodes, pathParameterName, AFOSTO_NODES: NODES, SPEC_PATH };

if (require.main === module) {
	const files = generateAfostoNodes(JSON.parse(readFileSync(SPEC_PATH, 'utf8')));
	for (const node of NODES) rmSync(join(ROOT, 'nodes', node.className), { recursive: true, force: true });
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(ROOT, path)), { recursive: true });
		writeFileSync(join(ROOT, path), content);
	}
	process.stdout.write(`${Object.keys(files).length} files for ${NODES.length} Afosto nodes\n`);
}
