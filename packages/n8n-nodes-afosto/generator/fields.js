// @ts-check
// Building an operation's fields: the n8n property of each query parameter and body field, the
// types the shared checker is given (nodes/Afosto/shared/fieldTypes.ts), and which parameters
// an operation shows as fields of their own or as Additional Fields.
const naming = require('./naming');
const { isFileUpload } = require('./spec');
const { camelCase, titleCase } = naming;

/**
 * @typedef {import('./spec').Scalar} Scalar
 * @typedef {import('./spec').Endpoint} Endpoint
 * @typedef {import('./spec').Body} Body
 * @typedef {import('./nodes').NamesOfNode} NamesOfNode
 *
 * @typedef {object} FieldLike A query parameter, header or body field, as the builders read it.
 * @property {string} name The wire name.
 * @property {string} type
 * @property {string} [items]
 * @property {Scalar[]} [enum]
 * @property {Scalar} [default]
 * @property {boolean} [required]
 * @property {string} [description]
 * @property {string} [displayName] The exceptions table's name (namingExceptions.js FIELDS).
 * @property {string} [in]
 *
 * @typedef {FieldLike & { about: string }} QueryField A query field with the record it belongs to.
 *
 * @typedef {object} Option An n8n property (INodeProperties) as the generator builds it.
 * @property {string} displayName
 * @property {string} name
 * @property {string} [type]
 * @property {Array<{ name: string, value: Scalar }>} [options]
 * @property {unknown} [default]
 * @property {string} [description]
 * @property {string} [placeholder]
 * @property {boolean} [required]
 * @property {Record<string, unknown>} [typeOptions]
 * @property {{ send: { type: 'query' | 'body', property: string } }} [routing]
 *
 * @typedef {{ field: string, type: string, oneOf?: Scalar[] }} FieldSpec What the shared checker knows of a field.
 */

/** Headers the node handles itself: the credential signs, paging and JSON are built in. */
const HANDLED_HEADERS = new Set(['authorization', 'accept', 'x-page', 'x-page-size']);

/** @param {string} type */
function fieldType(type) {
	if (type === 'integer' || type === 'number') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'object' || type === 'array') return 'json';
	return 'string';
}

/** @param {string} n8nType @param {boolean} multiple */
function defaultFor(n8nType, multiple) {
	if (multiple) return [];
	if (n8nType === 'number') return 0;
	if (n8nType === 'boolean') return false;
	if (n8nType === 'json') return '{}';
	return '';
}

/** The parameter name of a path field: its wire name in camelCase, unless n8n's or the node's own fields have it. @param {string} name */
function pathParameterName(name) {
	const reserved = new Set(['resource', 'operation', 'authentication', 'returnAll', 'limit', 'bodyMode', 'bodyFields', 'bodyJson', 'additionalFields']);
	const candidate = camelCase(name);
	return reserved.has(candidate) ? `${candidate}Value` : candidate;
}

/** A value's type for the shared checker (nodes/Afosto/shared/fieldTypes.ts): `integer`, `string[]`… @param {{ type: string, items?: string }} field */
function checkedType(field) {
	/** @param {string} type */
	const scalar = (type) => (['integer', 'number', 'boolean', 'object'].includes(type) ? type : 'string');
	return field.type === 'array' ? `${scalar(field.items ?? 'string')}[]` : scalar(field.type);
}

/** The name a user sees for a query or body field: the exceptions table's, else its wire name in Title Case. @param {FieldLike} field */
const displayNameOf = (field) => field.displayName ?? titleCase(field.name);

/** What the shared checker needs to know of a query or body field: the name the user sees, the type. @param {FieldLike} field @returns {FieldSpec} */
function fieldSpecOf(field) {
	return { field: displayNameOf(field), type: checkedType(field), ...(field.enum?.length ? { oneOf: field.enum } : {}) };
}

/** @param {FieldLike[]} fields @returns {Record<string, FieldSpec>} */
const fieldSpecsOf = (fields) => Object.fromEntries(fields.map((field) => [field.name, fieldSpecOf(field)]));

/** @param {Scalar[]} values */
const enumOptions = (values) =>
	// n8n calls an upsert "Create or Update".
	[...values].map((value) => ({ name: value === 'upsert' ? 'Create or Update' : titleCase(String(value)) || String(value), value })).sort((first, second) => first.name.localeCompare(second.name));

/**
 * What n8n's guidelines ask of a field by its name and type: an email address shows an example,
 * a secret is hidden as it is typed, a Limit is n8n's Limit.
 * @param {Option} option
 */
function withConventions(option) {
	if (option.type === 'string' && option.name === 'email') option.placeholder = 'e.g. nathan@example.com';
	if (option.type === 'string' && /secret|password|token|apikey/i.test(option.name)) option.typeOptions = { ...option.typeOptions, password: true };
	if (option.type === 'number' && option.name === 'limit') {
		Object.assign(option, { displayName: 'Limit', typeOptions: { minValue: 1 }, default: 50, description: 'Max number of results to return' });
	}
	return option;
}

/** The field of a query parameter or header. @param {QueryField} parameter */
function parameterOption(parameter) {
	const multiple = parameter.type === 'array' && parameter.items !== 'object';
	const baseType = multiple ? fieldType(parameter.items ?? 'string') : fieldType(parameter.type);
	const displayName = displayNameOf(parameter);
	/** @type {Option} */
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

/** The field of a body field in Body Fields. @param {FieldLike} field @param {string} about */
function bodyFieldOption(field, about) {
	const displayName = titleCase(field.name);
	const choices = field.enum?.length ? (field.type === 'array' ? 'multiOptions' : 'options') : undefined;
	const n8nType = choices ?? fieldType(field.type);
	/** @type {Option} */
	const option = { displayName, name: camelCase(field.name), type: n8nType };
	if (choices && field.enum) {
		option.options = enumOptions(field.enum);
		option.default = choices === 'multiOptions' ? [] : field.enum[0];
	} else {
		option.default = field.type === 'array' ? '[]' : defaultFor(n8nType, false);
	}
	option.description = n8nType === 'boolean' ? naming.booleanDescription(field, displayName, about) : naming.fieldDescription(field, displayName, about);
	option.routing = { send: { type: 'body', property: field.name } };
	return withConventions(option);
}

/** @param {Option} first @param {Option} second */
const byDisplayName = (first, second) => first.displayName.localeCompare(second.displayName);

/**
 * The query parameters and headers of an operation that the user may fill in, as Additional
 * Fields; the ones the exceptions table makes required, as fields of their own.
 * @param {Endpoint} endpoint
 * @param {NamesOfNode} named
 */
function queryOf(endpoint, named) {
	// n8n sends no body with GET (nor do many proxies): the two GETs that the Afosto API reference gives a body
	// take its fields as query parameters instead.
	const body = endpoint.method === 'GET' && endpoint.body?.kind === 'object' ? endpoint.body : null;
	/** @type {FieldLike[]} */
	const extras = [
		...endpoint.parameters.filter(
			(parameter) => parameter.in !== 'path' && parameter.in !== 'formData' && !HANDLED_HEADERS.has(parameter.name.toLowerCase()),
		),
		// A body field that is also a query parameter (`path` of the storage reads) is one field.
		...(body
			? body.fields
					.filter((field) => !endpoint.parameters.some((parameter) => parameter.in === 'query' && parameter.name === field.name))
					.map((field) => ({ ...field, in: 'query' }))
			: []),
	];
	const about = named.of(endpoint).about;
	/** @type {QueryField[]} */
	const fields = extras.map((parameter) => ({ ...parameter, ...naming.fieldException(endpoint, parameter.name), about }));
	const required = fields.filter((parameter) => parameter.required);
	return {
		extras: fields,
		query: fields.filter((parameter) => parameter.in === 'query'),
		required: required.map(parameterOption),
		options: fields.filter((parameter) => !parameter.required).map(parameterOption).sort(byDisplayName),
	};
}

/** The body of an operation that sends one (GETs send theirs as query parameters, uploads a file). @param {Endpoint} endpoint */
const bodyOf = (endpoint) =>
	endpoint.body && !isFileUpload(endpoint) && !(endpoint.method === 'GET' && endpoint.body.kind === 'object') ? endpoint.body : null;

/**
 * What afostoBody is given of a body: its example as the template, its field types, its Body Fields (when typed).
 * @param {Body} body @param {string} about
 * @returns {{ Template: unknown, Types: Record<string, FieldSpec>, BodyFields?: Option[] }}
 */
function bodyParts(body, about) {
	return {
		Template: body.example === undefined ? (body.kind === 'array' ? [] : {}) : body.example,
		Types: fieldSpecsOf(body.fields),
		...(body.kind === 'object' && body.fields.length > 0 ? { BodyFields: body.fields.map((field) => bodyFieldOption(field, about)).sort(byDisplayName) } : {}),
	};
}

module.exports = { pathParameterName, checkedType, fieldSpecsOf, queryOf, bodyOf, bodyParts };
