import afostoSpec from '../../packages/n8n-nodes-afosto/spec/afosto.json';
import type { ContractResponse, ContractRoute, PartnerContract, ReceivedRequest } from '../contractServer';
import type { Schema } from '../schema';
import { afostoResponseExample, groupPricesBuilder, recordIndexOf, recordTextBuilder } from '../records/afostoRecords';
import type { RecordBuilder, RecordTextBuilder } from '../records/afostoRecords';

/**
 * Afosto's contract, built from the committed spec of the Afosto API reference (the same spec the nodes are
 * generated from, but read here independently): every distinct endpoint with its method, path,
 * bearer token, and the JSON body's shape where it has one.
 */

export interface AfostoEndpoint {
	id: string;
	group: string;
	tag: string;
	summary: string;
	method: ContractRoute['method'];
	path: string;
	duplicateOf?: string;
	parameters: Array<{ name: string; in: string; type: string; required: boolean; enum?: unknown[]; items?: string }>;
	body: null | { kind: 'object' | 'array'; example?: unknown; fields: Array<{ name: string; type: string }> };
	response: { kind: 'json-object' | 'json-list' | 'binary' | 'empty'; contentType?: string; headers: string[]; paging: string | null; status?: number };
}

export const AFOSTO_ENDPOINTS = (afostoSpec.endpoints as unknown as AfostoEndpoint[]).filter((endpoint) => !endpoint.duplicateOf);

const bearer = { authorization: /^Bearer \S+$/ };

function fieldSchema(type: string): Schema {
	if (type === 'string') return { type: 'string' };
	if (type === 'integer' || type === 'number') return { type: 'number' };
	if (type === 'boolean') return { type: 'boolean' };
	return { type: 'any' };
}

/** GET bodies are not sent by n8n: those fields travel as query parameters (see the generator). */
export const sendsBodyAsQuery = (endpoint: AfostoEndpoint) => endpoint.method === 'GET' && endpoint.body?.kind === 'object';

function bodySchema(endpoint: AfostoEndpoint): Schema | undefined {
	const { body } = endpoint;
	if (!body || sendsBodyAsQuery(endpoint)) return undefined;
	if (body.kind === 'array') return { type: 'array', items: { type: 'any' } };
	return {
		type: 'object',
		properties: Object.fromEntries(body.fields.map((field) => [field.name, fieldSchema(field.type)])),
		// The document's examples do not list every field an integrator may send.
		additionalProperties: true,
	};
}

/** A small, recognisable PNG-like payload for binary responses. */
export const AFOSTO_BINARY_SAMPLE = Buffer.from('89504e470d0a1a0a-afosto-binary-sample', 'utf8');

/** How many records each sandbox list and search holds: three pages of three for the paging tests to read. */
export const SANDBOX_LIST_SIZE = 7;

export interface AfostoContractOptions {
	/** How many records the lists and searches hold (the bench pages through 50,000). */
	listSize?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The collection a path's records belong to: `/odr/orders/{id}` to `/odr/orders`. */
const collectionOf = (path: string) => path.replace(/\/\{[^}]+\}$/, '');

/** The last path value of a request (`/odr/orders/{id}`: the id), if its path has one. */
const lastPathValue = (request: ReceivedRequest) => Object.values(request.pathParameters).at(-1);

/**
 * The builder of the records an endpoint answers, from the documented example at `pick` (the item
 * of a list, the hit of a search); endpoints the reference prints no example for answer `{ id }`.
 */
function textBuilderFor(endpoint: AfostoEndpoint, pick: (example: unknown) => unknown = (example) => example): RecordTextBuilder {
	const documented = afostoResponseExample(endpoint.id);
	// `"file"`, `"object"`: the reference prints a type, not a shape.
	const example = typeof documented === 'string' ? undefined : pick(documented);
	if (example === undefined) return (index) => `{"id":"item-${index + 1}"}`;
	return recordTextBuilder(example, collectionOf(endpoint.path));
}

function builderFor(endpoint: AfostoEndpoint, pick?: (example: unknown) => unknown): RecordBuilder {
	const text = textBuilderFor(endpoint, pick);
	return (index) => JSON.parse(text(index)) as unknown;
}

const firstItem = (example: unknown) => (Array.isArray(example) ? example[0] : example);
const firstHit = (example: unknown) => (isRecord(example) && Array.isArray(example.hits) ? example.hits[0] : undefined);
const firstInstantHit = (example: unknown) => {
	const results = isRecord(example) && Array.isArray(example.results) ? example.results[0] : undefined;
	return firstHit(results);
};

const ENDPOINTS_BY_ID = new Map(AFOSTO_ENDPOINTS.map((endpoint) => [endpoint.id, endpoint]));

/** A list whose records depend on its path values: how many it holds, and its records' builder. */
type PathList = (pathParameters: Record<string, string>, listSize: number) => { size: number; build: RecordTextBuilder };

const pricesOf = (endpointId: string) => {
	const endpoint = ENDPOINTS_BY_ID.get(endpointId)!;
	return groupPricesBuilder(firstItem(afostoResponseExample(endpointId)), collectionOf(endpoint.path));
};
const groupPrices = pricesOf('getCatGroupsByIdPrices');
const skuPrices = pricesOf('getCatGroupsByIdPricesBySku');

/** The prices of the price group asked for, each SKU twice, and the two prices of the SKU asked for (groupPricesBuilder). */
const PATH_LISTS: Record<string, PathList> = {
	getCatGroupsByIdPrices: ({ id }, listSize) => ({ size: listSize, build: groupPrices(id) }),
	getCatGroupsByIdPricesBySku: ({ id, sku }) => ({ size: 2, build: skuPrices(id, sku) }),
};

/**
 * The records the sandbox's list or search `endpointId` holds from `from` up to `to`, as it answers
 * them; a list under a record (a price group's prices) for the `pathParameters` asked for.
 */
export function afostoListRecords(endpointId: string, from: number, to: number, pathParameters: Record<string, string> = {}): unknown[] {
	const endpoint = ENDPOINTS_BY_ID.get(endpointId);
	if (!endpoint) throw new Error(`No Afosto endpoint ${endpointId}`);
	if (Object.hasOwn(PATH_LISTS, endpointId)) {
		const { size, build } = PATH_LISTS[endpointId](pathParameters, to);
		return Array.from({ length: Math.max(0, Math.min(to, size) - from) }, (_, offset) => JSON.parse(build(from + offset)) as unknown);
	}
	const pick = endpoint.response.paging === 'body-cursor' ? firstHit : endpoint.response.paging === 'offset' ? firstInstantHit : firstItem;
	const build = builderFor(endpoint, pick);
	return Array.from({ length: Math.max(0, to - from) }, (_, offset) => build(from + offset));
}

/**
 * A list answers its page (x-page, a page number here) of x-page-size records, with the next page
 * in the `x-page` response header while there is one, as the Afosto API reference describes.
 * Only the page asked for is built, straight into JSON text.
 */
function answerList(build: RecordTextBuilder, listSize: number, filters: ListFilter[] = []) {
	return (request: ReceivedRequest): ContractResponse => {
		const filtered = answerFilteredList(build, listSize, filters, request);
		if (filtered) return filtered;
		const page = Number(request.headers['x-page'] ?? 1) || 1;
		const size = Number(request.headers['x-page-size'] ?? 25) || 25;
		const from = Math.min((page - 1) * size, listSize);
		const to = Math.min(page * size, listSize);
		const items: string[] = [];
		for (let index = from; index < to; index++) items.push(build(index));
		return {
			status: 200,
			body: Buffer.from(`[${items.join(',')}]`),
			headers: { 'content-type': 'application/json', 'x-count': String(listSize), ...(to < listSize ? { 'x-page': String(page + 1) } : {}) },
		};
	};
}

/** A query parameter of a list that filters its records on a field of theirs (`GET /odr/orders?number=`). */
interface ListFilter {
	parameter: string;
	valueOf: (record: Record<string, unknown>) => unknown;
}

/**
 * The documented filters of a list: its query parameters that name a top-level field of its
 * records, which the Afosto API reference shows in the list's example (`number` of an order).
 */
function listFiltersOf(endpoint: AfostoEndpoint): ListFilter[] {
	const example = firstItem(afostoResponseExample(endpoint.id));
	if (!isRecord(example)) return [];
	return endpoint.parameters
		.filter((parameter) => parameter.in === 'query' && parameter.name in example && typeof example[parameter.name] === 'string')
		.map((parameter) => ({ parameter: parameter.name, valueOf: (record) => record[parameter.name] }));
}

/**
 * A list asked for with a filter: the records whose field equals the value, paged as the whole
 * list is. Undefined when the request sends no filter, so an unfiltered page stays cheap.
 */
function answerFilteredList(build: RecordTextBuilder, listSize: number, filters: ListFilter[], request: ReceivedRequest): ContractResponse | undefined {
	const asked = filters.filter(({ parameter }) => typeof request.query[parameter] === 'string');
	if (!asked.length) return undefined;
	const texts: string[] = [];
	for (let index = 0; index < listSize; index++) {
		const text = build(index);
		const record = JSON.parse(text) as Record<string, unknown>;
		if (asked.every(({ parameter, valueOf }) => valueOf(record) === request.query[parameter])) texts.push(text);
	}
	const page = Number(request.headers['x-page'] ?? 1) || 1;
	const size = Number(request.headers['x-page-size'] ?? 25) || 25;
	const items = texts.slice((page - 1) * size, page * size);
	return {
		status: 200,
		body: Buffer.from(`[${items.join(',')}]`),
		headers: { 'content-type': 'application/json', 'x-count': String(texts.length), ...(page * size < texts.length ? { 'x-page': String(page + 1) } : {}) },
	};
}

/** The paging numbers of a search body, as the searches paged in the body send them. */
function bodyPaging(request: ReceivedRequest, listSize: number): { limit: number; start: number; end: number } {
	const body = (request.body ?? {}) as { limit?: number; offset?: number; page_cursor?: string };
	const limit = Number(body.limit ?? 25) || 25;
	const start = body.page_cursor !== undefined ? Number(body.page_cursor.replace('after-', '')) || 0 : Number(body.offset ?? 0) || 0;
	return { limit, start: Math.min(start, listSize), end: Math.min(start + limit, listSize) };
}

const hitsOf = (build: RecordBuilder, start: number, end: number) => Array.from({ length: end - start }, (_, offset) => build(start + offset));

/** `POST /cnt/search…`: hits, and `pagination.next_page_cursor` while more follow (the Afosto API reference). */
function answerSearchByCursor(build: RecordBuilder, listSize: number) {
	return (request: ReceivedRequest): ContractResponse => {
		const { limit, start, end } = bodyPaging(request, listSize);
		const pagination = { entity_count: listSize, page_limit: limit, page_count: Math.ceil(listSize / limit), ...(end < listSize ? { next_page_cursor: `after-${end}` } : {}) };
		return { status: 200, body: { hits: hitsOf(build, start, end), pagination }, headers: { 'x-count': String(listSize) } };
	};
}

/** The instant searches: one result per index with its hits, `offset`, `limit` and the `count` (the Afosto API reference). */
function answerSearchByOffset(build: RecordBuilder, listSize: number) {
	return (request: ReceivedRequest): ContractResponse => {
		const { limit, start, end } = bodyPaging(request, listSize);
		return {
			status: 200,
			body: { results: [{ id: request.pathParameters.id ?? 'index-1', count: listSize, hits: hitsOf(build, start, end), facets: [] }], offset: start, limit, count: listSize },
			headers: { 'x-count': String(listSize) },
		};
	};
}

/** `target` with the values `source` holds for the same fields: what was sent or stored shows in the answer. */
function overlaid(target: unknown, source: unknown, keepId = false): unknown {
	if (!isRecord(target) || !isRecord(source)) return target;
	const result = { ...target };
	for (const [field, value] of Object.entries(source)) {
		if (field in result && value !== undefined && !(keepId && field === 'id')) result[field] = value;
	}
	return result;
}

const notFound = (what: string): ContractResponse => ({
	status: 404,
	body: { code: 404, message: `${what} not found`, reference: 'sandbox', errors: {} },
});

/**
 * Records created in the sandbox, by collection and id, so that a created order, contact, group…
 * can be read back, changed and deleted: every collection whose create ("Create…", "Add…", "Upsert…"
 * on `/c`) has a `GET /c/{id}`.
 * Records nobody created are built from their id, so a listed record reads back the same.
 */
const createdRecords = new Map<string, unknown>();
const deletedRecords = new Set<string>();
/** Created records start here, apart from the records the lists hold. */
let lastCreatedIndex = 999;
const MAX_CREATED_RECORDS = 10_000;

const readableCollections = new Set(
	AFOSTO_ENDPOINTS.filter((endpoint) => endpoint.method === 'GET' && endpoint.path !== collectionOf(endpoint.path)).map((endpoint) => collectionOf(endpoint.path)),
);

function remember(key: string, record: unknown): void {
	if (createdRecords.size >= MAX_CREATED_RECORDS) createdRecords.delete(createdRecords.keys().next().value!);
	createdRecords.set(key, record);
	deletedRecords.delete(key);
}

/** The created record an upsert (`PUT /rel/contacts`: "based on its email address") updates, if any. */
function upsertedKey(collection: string, fields: unknown): string | undefined {
	if (!isRecord(fields)) return undefined;
	if (typeof fields.id === 'string' && createdRecords.has(`${collection}/${fields.id}`)) return `${collection}/${fields.id}`;
	if (typeof fields.email !== 'string') return undefined;
	for (const [key, record] of createdRecords) {
		if (key.startsWith(`${collection}/`) && isRecord(record) && record.email === fields.email) return key;
	}
	return undefined;
}

/**
 * A create (or upsert) on a readable collection, `POST /odr/orders`, `PUT /rel/contacts`: each
 * record sent gets the next id and what was sent, is stored, and answered in the documented shape.
 */
function answerCreate(endpoint: AfostoEndpoint, build: RecordBuilder, readBack: RecordBuilder) {
	const answersList = Array.isArray(afostoResponseExample(endpoint.id));
	const upserts = /^upsert/i.test(endpoint.summary);
	return (request: ReceivedRequest): ContractResponse => {
		const sent = Array.isArray(request.body) ? request.body : [request.body ?? {}];
		const created = sent.map((fields) => {
			const existing = upserts ? upsertedKey(endpoint.path, fields) : undefined;
			const stored = existing ? (createdRecords.get(existing) as { id: string }) : undefined;
			const index = stored ? recordIndexOf(stored.id) ?? 0 : ++lastCreatedIndex;
			const record = overlaid(stored ?? readBack(index), fields, true) as { id?: unknown };
			remember(`${endpoint.path}/${String(record.id)}`, record);
			return overlaid(build(index), record);
		});
		return { status: 200, body: answersList ? created : created[0] };
	};
}

/**
 * An answer about one record (`/c/{id}` and what hangs under it, or an answer without a path
 * value): the documented shape, the record's values for its id, and what was created or sent.
 */
function answerRecord(endpoint: AfostoEndpoint, build: RecordBuilder) {
	const collection = collectionOf(endpoint.path);
	const aboutOneRecord = endpoint.path !== collection && readableCollections.has(collection);
	const answersList = Array.isArray(afostoResponseExample(endpoint.id));
	return (request: ReceivedRequest): ContractResponse => {
		const id = lastPathValue(request);
		const key = `${collection}/${id}`;
		if (aboutOneRecord && deletedRecords.has(key)) return notFound('Record');
		const index = (id !== undefined ? recordIndexOf(id) : undefined) ?? 0;
		let record = overlaid(build(index), createdRecords.get(key));
		if (id !== undefined && isRecord(record) && 'id' in record && !createdRecords.has(key)) record = { ...record, id };
		if (aboutOneRecord && endpoint.method === 'PUT' && isRecord(request.body)) {
			record = overlaid(record, request.body, true);
			remember(key, record);
		}
		if (aboutOneRecord && endpoint.method === 'DELETE') {
			createdRecords.delete(key);
			deletedRecords.add(key);
		}
		if (endpoint.response.kind === 'empty') return { status: endpoint.response.status === 204 ? 204 : 200 };
		return { status: 200, body: answersList ? [record] : record };
	};
}

/** Background tasks the sandbox started: each is half done when first asked about, then done. */
const tasks = new Map<string, number>();
let lastTaskId = 0;

function answerFor(endpoint: AfostoEndpoint, listSize: number): (request: ReceivedRequest) => ContractResponse {
	if (endpoint.response.headers.includes('x-task-id')) {
		return (request) => {
			const id = `task-${++lastTaskId}`;
			tasks.set(id, 0);
			return { status: 200, body: { id: request.pathParameters.id ?? 'object-1' }, headers: { 'x-task-id': id } };
		};
	}
	if (endpoint.response.kind === 'binary')
		return () => ({ status: 200, body: AFOSTO_BINARY_SAMPLE, headers: { 'content-type': endpoint.response.contentType ?? 'application/octet-stream' } });
	if (Object.hasOwn(PATH_LISTS, endpoint.id)) {
		const pathList = PATH_LISTS[endpoint.id];
		return (request) => {
			const { size, build } = pathList(request.pathParameters, listSize);
			return answerList(build, size)(request);
		};
	}
	if (endpoint.response.paging === 'header-cursor') return answerList(textBuilderFor(endpoint, firstItem), listSize, listFiltersOf(endpoint));
	if (endpoint.response.paging === 'body-cursor') return answerSearchByCursor(builderFor(endpoint, firstHit), listSize);
	if (endpoint.response.paging === 'offset') return answerSearchByOffset(builderFor(endpoint, firstInstantHit), listSize);
	const example = afostoResponseExample(endpoint.id);
	const collection = collectionOf(endpoint.path);
	const readBackEndpoint = AFOSTO_ENDPOINTS.find((candidate) => candidate.method === 'GET' && candidate.path !== collection && collectionOf(candidate.path) === collection);
	const creates = ['POST', 'PUT'].includes(endpoint.method) && /^(create|add|upsert)\b/i.test(endpoint.summary);
	if (creates && endpoint.path === collection && readBackEndpoint && example !== undefined && typeof example !== 'string')
		return answerCreate(endpoint, builderFor(endpoint, firstItem), builderFor(readBackEndpoint));
	if (endpoint.response.kind === 'empty' || (example !== undefined && typeof example !== 'string'))
		return answerRecord(endpoint, builderFor(endpoint, firstItem));
	// The reference prints no example: other objects echo what was asked for.
	return (request) => ({ status: 200, body: { id: request.pathParameters.id ?? 'object-1', endpoint: endpoint.id } });
}

/** What the token route issues to OAuth2 clients. */
export const AFOSTO_OAUTH_TOKEN = 'afosto-oauth-issued-token';

/**
 * `POST /iam/oauth/authorize` issues tokens (the Afosto API reference). The document prints a JSON body; n8n's OAuth2
 * client sends the same four fields form-encoded, as OAuth2 token endpoints take them.
 */
const issueToken: ContractRoute = {
	name: 'postIamOauthAuthorize',
	method: 'POST',
	path: '/iam/oauth/authorize',
	bodyEncoding: 'form',
	body: {
		type: 'object',
		properties: {
			client_id: { type: 'string', pattern: /\S/ },
			client_secret: { type: 'string', pattern: /\S/ },
			grant_type: { type: 'string', pattern: /\S/ },
			scope: { type: 'string' },
		},
		required: ['client_id', 'client_secret', 'grant_type'],
	},
	respond: () => ({ status: 200, body: { access_token: AFOSTO_OAUTH_TOKEN, token_type: 'Bearer', expires_in: 3600 } }),
};

/** Events the sandbox lists at `GET /mes/webhooks/events`, in the Afosto API reference's `{event, description}` shape. */
export const AFOSTO_WEBHOOK_EVENTS = [
	{ event: 'contact.created', description: 'A contact was created' },
	{ event: 'order.created', description: 'An order was created' },
	{ event: 'order.updated', description: 'An order changed' },
];

/** The webhook subscriptions Afosto holds; their `secret` signs deliveries. */
export const afostoSubscriptions = new Map<string, { id: number; events: string[]; endpoint: string; secret: string; delivery_rate?: number }>();
let lastSubscriptionId = 0;

/** Routes whose answers depend on what was asked before: tasks, file uploads, webhook subscriptions. */
const statefulRoutes: Record<string, ContractRoute['respond']> = {
	getMesTasksById: (request) => {
		const { id } = request.pathParameters;
		if (!tasks.has(id)) return { status: 200, body: { id, name: 'task', progress: 100, completed_at: '2026-11-23T09:00:00Z' } };
		const asked = tasks.get(id)! + 1;
		tasks.set(id, asked);
		return {
			status: 200,
			body: { id, name: 'export', progress: asked >= 2 ? 100 : 50, result: asked >= 2 ? 'done' : '', ...(asked >= 2 ? { completed_at: '2026-11-23T09:00:00Z' } : {}) },
		};
	},
	postCntFilesSignature: () => ({ status: 200, body: { signature: 'upload-signature-1', expires_at: '2026-11-23T12:00:00Z' } }),
	postCntFilesUploadBySignature: (request) => {
		const file = (request.body as { file?: { fileName?: string; content: string } } | undefined)?.file;
		return file
			? { status: 200, body: [{ id: 'file-1', filename: file.fileName, size: Buffer.byteLength(file.content) }] }
			: { status: 400, body: { code: 400, message: 'The upload has no file part', reference: 'sandbox', errors: { file: ['required'] } } };
	},
	getMesWebhooksEvents: () => ({ status: 200, body: AFOSTO_WEBHOOK_EVENTS }),
	postMesWebhooksSubscriptions: (request) => {
		const { events, endpoint, delivery_rate } = request.body as { events: string[]; endpoint: string; delivery_rate?: number };
		const id = ++lastSubscriptionId;
		const subscription = { id, events, endpoint, secret: `whsec-${id}-${Math.random().toString(36).slice(2)}`, delivery_rate };
		afostoSubscriptions.set(String(id), subscription);
		return { status: 200, body: subscription };
	},
	getMesWebhooksSubscriptionsById: (request) => {
		const subscription = afostoSubscriptions.get(request.pathParameters.id);
		return subscription ? { status: 200, body: subscription } : notFound('Subscription');
	},
	deleteMesWebhooksSubscriptionsById: (request) =>
		afostoSubscriptions.delete(request.pathParameters.id) ? { status: 200 } : notFound('Subscription'),
};

/**
 * How the sandbox answers an endpoint: its stateful route, else the reference's documented answer.
 * The subscription list holds the subscriptions made here once there are any (the Afosto Trigger
 * looks for its own there), else the reference's example records like every other list.
 */
function respondTo(endpoint: (typeof AFOSTO_ENDPOINTS)[number], listSize: number): ContractRoute['respond'] {
	const documented = answerFor(endpoint, listSize);
	if (endpoint.id === 'getMesWebhooksSubscriptions') {
		return (request) => (afostoSubscriptions.size ? { status: 200, body: [...afostoSubscriptions.values()] } : documented(request));
	}
	return statefulRoutes[endpoint.id] ?? documented;
}

/** Afosto as the sandbox serves it; the bench asks for longer lists. */
export function createAfostoContract({ listSize = SANDBOX_LIST_SIZE }: AfostoContractOptions = {}): PartnerContract {
	return {
		partner: 'Afosto',
		errorBody: (code, message) => ({ code, message, reference: 'sandbox', errors: {} }),
		routes: AFOSTO_ENDPOINTS.map((endpoint): ContractRoute => endpoint.id === issueToken.name ? issueToken : ({
			name: endpoint.id,
			method: endpoint.method,
			path: endpoint.path,
			requiredHeaders: bearer,
			body: bodySchema(endpoint),
			// The Afosto API reference marks no body field required, and n8n leaves an empty body out.
			bodyOptional: true,
			respond: respondTo(endpoint, listSize),
		})),
	};
}

export const afostoContract = createAfostoContract();
