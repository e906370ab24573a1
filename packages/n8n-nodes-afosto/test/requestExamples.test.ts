import type { IncomingHttpHeaders, Server } from 'node:http';
import type { INodeParameters, INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

import { startLoopbackServer, stopServer, urlOf } from '../../../sandbox/loopbackServer';
import { runNode } from '../../../scripts/n8nCore/runNode';
import { afostoOperations } from './afostoOperations';
import type { AfostoOperation } from './afostoOperations';
import REQUEST_EXAMPLES from './fixtures/requestExamples.json';
import { logWire } from '../../../test/harness/wireLog';

/**
 * Each Afosto operation against the Request Example the Afosto API reference documents for it:
 * the example's keys are filled with a value of the type the example names ("string",
 * "boolean", "integer (int64)", …; a literal value keeps its type), once through the Body
 * Fields and once as Body (JSON); the node runs through n8n-core against a 127.0.0.1 server,
 * and the body on the wire must have exactly the example's keys, nested where the example
 * nests, each with the documented type.
 *
 * What is expected comes only from test/fixtures/requestExamples.json, which
 * test/fixtures/readRequestExamples.js reads from the reference by hand, apart from the
 * generator and its spec. From the nodes this test takes only where to put a value: the
 * operation (by its request's method and URL), and the Body Fields entry that sends a key (its
 * routing's `send.property`, or, when no entry sends the key, the entry named like it, so a
 * wrong wire name shows as the wrong key on the wire).
 */

type Example = string | number | boolean | null | Example[] | { [key: string]: Example };
const EXAMPLES = REQUEST_EXAMPLES as Record<string, Example>;

/**
 * The operations whose Body Fields cannot carry their Request Example, each with the reason;
 * they are tested from Body (JSON) only (or, for the two reads, from the query only). A test
 * below checks that this list is exactly the operations without Body Fields.
 */
const LIST_BODY = 'the body is a JSON list; the node offers Body (JSON) only for a list, as a list has no fields to fill';
const ANY_OBJECT = 'the example is the type name "object": any object, with no documented keys to fill, so the node offers Body (JSON) only';
const FIELDS_MODE_EXCEPTIONS: Record<string, string> = {
	'PUT /cat/maps/collections/{id}/keys': LIST_BODY,
	'PUT /cat/groups/{id}/prices': LIST_BODY,
	'PUT /cat/vat/products': LIST_BODY,
	'POST /cnt/datasets/{id}/upload': LIST_BODY,
	'POST /cnt/instant/indexes/{id}/documents/delete': LIST_BODY,
	'PUT /cnt/instant/indexes/{id}/documents': LIST_BODY,
	'POST /cnt/dataflow/loader': LIST_BODY,
	'DELETE /lcs/locations/{id}/positions': LIST_BODY,
	'PUT /lcs/locations/{id}/positions': LIST_BODY,
	'POST /lcs/locations/{id}/positions/search': LIST_BODY,
	'PUT /lcs/locations/{id}/skus': LIST_BODY,
	'PUT /lcs/lists/{id}/items': LIST_BODY,
	'PUT /lcs/shipments/{id}/items/missing': LIST_BODY,
	'PUT /lcs/shipments/{id}/items/backorders': LIST_BODY,
	'PUT /lcs/shipments/{id}/items/overage': LIST_BODY,
	'PUT /iam/users/{id}/roles': LIST_BODY,
	'PUT /odr/filters': LIST_BODY,
	'POST /odr/orders/{id}/items': LIST_BODY,
	'POST /odr/orders/{id}/items/attach': LIST_BODY,
	'DELETE /odr/orders/{id}/items': LIST_BODY,
	'POST /odr/orders/{id}/items/cancel': LIST_BODY,
	'PUT /odr/orders/{id}/items/claim': LIST_BODY,
	'PUT /odr/orders/{id}/items/routing': LIST_BODY,
	'PUT /odr/orders/{id}/tags': LIST_BODY,
	'POST /odr/skus': LIST_BODY,
	'PUT /spl/hubs/{id}/network': LIST_BODY,
	'PUT /wms/claims/{id}/attach': LIST_BODY,
	'DELETE /wms/claims/{id}': LIST_BODY,
	'POST /wms/locations/{id}/overage': LIST_BODY,
	'POST /wms/locations/{id}/skus': LIST_BODY,
	'DELETE /wms/locations/{id}/skus': LIST_BODY,
	'PUT /iam/profiles/{path}': ANY_OBJECT,
	'PUT /iam/profiles/{path}/announce': ANY_OBJECT,
};

/**
 * Reads whose Request Example a GET cannot send as a body: the node sends its keys as query
 * values (Additional Fields), so there is no Body (JSON), and the query is checked instead.
 */
const SENT_AS_QUERY: Record<string, string> = {
	'GET /cnt/filesystems/storages/{id}/list': 'a GET has no body: the example\'s "path" goes in the query',
	'GET /cnt/filesystems/storages/{id}/read': 'a GET has no body: the example\'s "path" goes in the query',
};

/**
 * Differences between the Request Example and the wire that the generated nodes have today,
 * per operation and mode, exactly as the test reports them; the test fails when one changes
 * (fixed or different), so each stays a known, named bug until it is fixed.
 */
const KNOWN_WIRE_MISMATCHES: Record<string, { fields?: string[]; json?: string[] }> = {};

// ---- The documented types -------------------------------------------------------------------

type DocumentedType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'definition';

/**
 * The type a leaf of a Request Example documents: a type name ("string (uuid)" is a string),
 * a pointer the reference prints instead of a nested definition ("#/definitions/OdrKey": an
 * object whose keys it does not print), or the type of a literal value ("A3.32435", true).
 */
function documentedType(leaf: string | number | boolean | null): DocumentedType {
	if (typeof leaf === 'string') {
		const typeName = /^(string|integer|number|boolean|object)(?: \([\w-]+\))?$/.exec(leaf)?.[1];
		if (typeName) return typeName as DocumentedType;
		if (leaf.startsWith('#/definitions/')) return 'definition';
		return 'string';
	}
	if (typeof leaf === 'number') return Number.isInteger(leaf) ? 'integer' : 'number';
	if (typeof leaf === 'boolean') return 'boolean';
	throw new Error('A Request Example leaf is null: no type is documented');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const STRING_FORMATS: Record<string, string> = {
	uuid: '2f1d2a47-8c1e-4b53-9f3a-6d1c0e5b7a90',
	'date-time': '2024-05-17T10:30:00Z',
	datetime: '2024-05-17T10:30:00Z',
	date: '2024-05-17',
	base64: 'ZXhhbXBsZQ==',
};

/** A value for a leaf: a literal stays as documented; a type name becomes a value of the type. */
function valueFor(leaf: string | number | boolean | null): unknown {
	if (typeof leaf !== 'string') return leaf;
	switch (documentedType(leaf)) {
		case 'string':
			return leaf === 'string' || /^string \(/.test(leaf) ? (STRING_FORMATS[/\((.+)\)/.exec(leaf)?.[1] ?? ''] ?? 'example text') : leaf;
		case 'integer':
			return 7;
		case 'number':
			return 7.5;
		case 'boolean':
			return true;
		case 'object':
			// Any object: one key of our own, so the object is not empty (an empty field is not sent).
			return { note: 'example' };
		case 'definition':
			// The reference does not print the definition's keys, so none is invented.
			return {};
	}
}

/** The Request Example with every leaf filled. */
function filled(example: Example): unknown {
	if (Array.isArray(example)) return example.map(filled);
	if (isPlainObject(example)) return Object.fromEntries(Object.entries(example).map(([key, value]) => [key, filled(value)]));
	return valueFor(example);
}

function typeOfSent(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	if (value === null) return 'null';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function hasType(value: unknown, type: DocumentedType): boolean {
	switch (type) {
		case 'integer':
			return Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'object':
		case 'definition':
			return isPlainObject(value);
		default:
			return typeof value === type;
	}
}

/**
 * Where the sent value leaves the Request Example: a key missing or extra (recursively where the
 * example nests objects and lists), a list of another length, a value of another type. Empty
 * when the wire has exactly the example's keys with the documented types.
 */
function differences(example: Example, sent: unknown, at = 'body'): string[] {
	if (Array.isArray(example)) {
		if (!Array.isArray(sent)) return [`${at}: documented a list, sent ${typeOfSent(sent)} ${JSON.stringify(sent)}`];
		if (sent.length !== example.length) return [`${at}: documented a list of ${example.length}, sent ${sent.length}`];
		return example.flatMap((entry, index) => differences(entry, sent[index], `${at}[${index}]`));
	}
	if (isPlainObject(example)) {
		if (!isPlainObject(sent)) return [`${at}: documented an object, sent ${typeOfSent(sent)} ${JSON.stringify(sent)}`];
		const missing = Object.keys(example).filter((key) => !(key in sent)).map((key) => `${at}.${key}: documented, not sent`);
		const extra = Object.keys(sent).filter((key) => !(key in example)).map((key) => `${at}.${key}: sent, not documented`);
		const nested = Object.keys(example).filter((key) => key in sent).flatMap((key) => differences(example[key], sent[key], `${at}.${key}`));
		return [...missing, ...extra, ...nested];
	}
	const type = documentedType(example);
	if (hasType(sent, type)) return [];
	return [`${at}: documented ${type === 'definition' ? `an object (${String(example)})` : type}, sent ${typeOfSent(sent)} ${JSON.stringify(sent)}`];
}

// ---- The operations, as the nodes describe them ---------------------------------------------

type Operation = AfostoOperation & { endpoint: string };

const operations = new Map<string, Operation[]>();
// The file upload is a custom operation (upload.test.ts), without a request URL; it has no Request Example.
for (const operation of afostoOperations().filter((candidate): candidate is Operation => candidate.endpoint !== undefined)) {
	operations.set(operation.endpoint, [...(operations.get(operation.endpoint) ?? []), operation]);
}

const BODY_PARAMETERS = new Set(['resource', 'operation', 'bodyMode', 'bodyJson', 'bodyFields']);

/** The resource, the operation, and a simple valid value for each required non-body field (the path's). */
function baseParameters(operation: Operation): INodeParameters {
	const parameters: INodeParameters = { resource: operation.resource, operation: operation.operation };
	for (const property of operation.shown.filter((candidate) => candidate.required && !BODY_PARAMETERS.has(candidate.name))) {
		if (property.type === 'string') parameters[property.name] = `p-${property.name}`;
		else if (property.type === 'number') parameters[property.name] = 1;
		else if (property.type === 'boolean') parameters[property.name] = true;
		else if (property.type === 'options') parameters[property.name] = (property.options as INodePropertyOptions[])[0].value;
		// A record picked By ID, as the editor saves a resource locator.
		else if (property.type === 'resourceLocator') parameters[property.name] = { __rl: true, mode: 'id', value: `p-${property.name}` };
		else throw new Error(`${operation.endpoint}: no simple value for the required ${property.type} field ${property.name}`);
	}
	return parameters;
}

const camelCase = (wireName: string) => wireName.replace(/[_-](\w)/g, (_, letter: string) => letter.toUpperCase());

/** The entry of a collection that sends `wireName`: by its routing, else by its name. */
function entryFor(collection: INodeProperties, wireName: string): INodeProperties | undefined {
	const entries = (collection.options ?? []) as INodeProperties[];
	return entries.find((entry) => entry.routing?.send?.property === wireName) ?? entries.find((entry) => entry.name === camelCase(wireName));
}

/**
 * The value for an entry: the filled value, or, where the entry is a choice and the example
 * only says "string", the entry's first choice (the reference lists the allowed values in its
 * definitions, not in the Request Example; the type stays a string, or a list of strings).
 */
function chosenValue(entry: INodeProperties, value: unknown): unknown {
	const choices = ((entry.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	if (entry.type === 'options' && typeof value === 'string' && !choices.includes(value)) return choices[0];
	if (entry.type === 'multiOptions' && Array.isArray(value)) return [choices[0]];
	return value;
}

/**
 * What a user can put into the entry for a filled value, as n8n holds it: a text or JSON entry
 * holds text (an object or a list as JSON text, a number or a yes/no as typed), a number entry
 * a number, a boolean entry a boolean, a choice one of its choices. The node has to turn that
 * into the documented type on the wire.
 */
function parameterValue(entry: INodeProperties, value: unknown): NodeParameterValueType {
	const chosen = chosenValue(entry, value);
	if (entry.type === 'string' || entry.type === 'json') return typeof chosen === 'string' ? chosen : JSON.stringify(chosen);
	return chosen as NodeParameterValueType;
}

/**
 * Choices inside list bodies, which have no Body Fields to offer them: from the reference's
 * definition of the list's entries (WmsAttachItemClaimRequest: entity_type sku, inventory_item;
 * state available, backordered).
 */
const LIST_ENTRY_CHOICES: Record<string, Record<string, string>> = {
	'PUT /wms/claims/{id}/attach': { entity_type: 'sku', state: 'available' },
};

/** The Body (JSON) text: the filled example, with the same choices as the Body Fields make. */
function jsonModeBody(operation: Operation, example: Example): string {
	let body = filled(example);
	const collection = operation.shown.find((property) => property.name === 'bodyFields');
	if (collection && isPlainObject(body)) {
		body = Object.fromEntries(
			Object.entries(body).map(([key, value]) => {
				const entry = entryFor(collection, key);
				return [key, entry ? chosenValue(entry, value) : value];
			}),
		);
	}
	const choices = LIST_ENTRY_CHOICES[operation.endpoint];
	if (choices && Array.isArray(body)) body = body.map((entry) => ({ ...(entry as object), ...choices }));
	return JSON.stringify(body, null, 2);
}

/** The Body Fields (or, for the reads, Additional Fields) filled with the example's keys. */
function fieldsModeParameters(operation: Operation, example: Record<string, Example>, collectionName: string): { parameters: INodeParameters; unplaced: string[] } {
	const parameters = baseParameters(operation);
	const collection = operation.shown.find((property) => property.name === collectionName)!;
	const values: INodeParameters = {};
	const unplaced: string[] = [];
	for (const [key, leaf] of Object.entries(example)) {
		const entry = entryFor(collection, key);
		if (!entry) unplaced.push(`body.${key}: documented, but no ${collection.displayName} entry sends it`);
		else values[entry.name] = parameterValue(entry, filled(leaf));
	}
	if (collectionName === 'bodyFields') parameters.bodyMode = 'fields';
	parameters[collectionName] = values;
	return { parameters, unplaced };
}

// ---- The wire -------------------------------------------------------------------------------

interface WireRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

const wire: WireRequest[] = [];
let server: Server;

beforeAll(async () => {
	server = await startLoopbackServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			wire.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(request.headers['x-page-size'] ? '[]' : '{}');
		});
	});
});
afterAll(async () => await stopServer(server));

/** Runs the node once and returns the one request it sent. */
async function sentRequest(operation: Operation, parameters: INodeParameters): Promise<WireRequest> {
	wire.length = 0;
	const result = await runNode({
		type: operation.nodeName,
		parameters,
		timezone: 'UTC',
		credentials: { afostoApi: { baseUrl: urlOf(server, 'wire server'), accessToken: 'afosto-test-token' } },
	});
	if (result.error) throw new Error(`${operation.endpoint}: the run failed: ${result.error.message} ${result.error.description ?? ''}`);
	expect(wire).toHaveLength(1);
	const [request] = wire;
	logWire([{ ...request, rawBody: request.body }]);
	const [method, template] = operation.endpoint.split(' ');
	const path = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
	expect([request.method, path.test(request.url)]).toEqual([method, true]);
	return request;
}

function bodyOf(request: WireRequest): unknown {
	if (request.body === '') return undefined;
	expect(request.headers['content-type']).toMatch(/^application\/json/);
	return JSON.parse(request.body);
}

function queryOf(request: WireRequest): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(request.url.split('?')[1] ?? ''));
}

// ---- The tests ------------------------------------------------------------------------------

const endpoints = Object.keys(EXAMPLES).sort();
const hasFieldsMode = (endpoint: string) => operations.get(endpoint)?.[0].shown.some((property) => property.name === 'bodyFields') ?? false;
const counts = { fields: 0, json: 0, query: 0 };

describe('each Afosto operation sends the Request Example the Afosto API reference documents for it', () => {
	it(`has one operation for each of the ${endpoints.length} endpoints with a Request Example`, () => {
		expect(endpoints).toHaveLength(247);
		expect(endpoints.filter((endpoint) => operations.get(endpoint)?.length !== 1)).toEqual([]);
	});

	it(`lets Body Fields carry every Request Example but the ${Object.keys(FIELDS_MODE_EXCEPTIONS).length + Object.keys(SENT_AS_QUERY).length} listed exceptions, each with its reason`, () => {
		expect(Object.keys(FIELDS_MODE_EXCEPTIONS)).toHaveLength(33);
		expect(Object.keys(SENT_AS_QUERY)).toHaveLength(2);
		expect(endpoints.filter((endpoint) => !hasFieldsMode(endpoint)).sort()).toEqual([...Object.keys(FIELDS_MODE_EXCEPTIONS), ...Object.keys(SENT_AS_QUERY)].sort());
	});

	it.each(endpoints.map((endpoint) => [endpoint, endpoint in SENT_AS_QUERY ? 'from the query' : endpoint in FIELDS_MODE_EXCEPTIONS ? 'from JSON' : 'from Fields and from JSON']))(
		"%s sends the documented Request Example's keys with their types, %s",
		async (endpoint) => {
			const example = EXAMPLES[endpoint];
			const [operation] = operations.get(endpoint)!;
			const found: { fields?: string[]; json?: string[] } = {};

			if (endpoint in SENT_AS_QUERY) {
				const { parameters, unplaced } = fieldsModeParameters(operation, example as Record<string, Example>, 'additionalFields');
				const request = await sentRequest(operation, parameters);
				expect(bodyOf(request)).toBeUndefined();
				// A query value is text on the wire; the documented keys are all text.
				found.fields = [...unplaced, ...differences(example, queryOf(request), 'query')];
				counts.query++;
			} else {
				if (!(endpoint in FIELDS_MODE_EXCEPTIONS)) {
					const { parameters, unplaced } = fieldsModeParameters(operation, example as Record<string, Example>, 'bodyFields');
					found.fields = [...unplaced, ...differences(example, bodyOf(await sentRequest(operation, parameters)))];
					counts.fields++;
				}
				const parameters = baseParameters(operation);
				if (operation.shown.some((property) => property.name === 'bodyMode')) parameters.bodyMode = 'json';
				parameters.bodyJson = jsonModeBody(operation, example);
				found.json = differences(example, bodyOf(await sentRequest(operation, parameters)));
				counts.json++;
			}

			const known = KNOWN_WIRE_MISMATCHES[endpoint] ?? {};
			expect(found).toEqual({ ...('fields' in found ? { fields: known.fields ?? [] } : {}), ...('json' in found ? { json: known.json ?? [] } : {}) });
		},
	);
});

afterAll(() => {
	process.stdout.write(`Afosto Request Examples: ${counts.fields} operations from Body Fields, ${counts.json} from Body (JSON), ${counts.query} from the query\n`);
});
