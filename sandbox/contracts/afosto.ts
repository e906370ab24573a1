import afostoSpec from '../../specs/afosto.json';
import type { ContractResponse, ContractRoute, PartnerContract, ReceivedRequest } from '../contractServer';
import type { Schema } from '../schema';

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

/** Pages of a list, three items each, for lists the tests page through. */
export const PAGED_ITEMS = Array.from({ length: 7 }, (_, index) => ({ id: `item-${index + 1}` }));

/**
 * A list answers its page (x-page, a page number here) of x-page-size items, with the next page
 * in the `x-page` response header while there is one, as the Afosto API reference describes.
 */
function answerList(request: ReceivedRequest): ContractResponse {
	const page = Number(request.headers['x-page'] ?? 1) || 1;
	const size = Number(request.headers['x-page-size'] ?? 25) || 25;
	const items = PAGED_ITEMS.slice((page - 1) * size, page * size);
	const hasNext = page * size < PAGED_ITEMS.length;
	return {
		status: 200,
		body: items,
		headers: { 'x-count': String(PAGED_ITEMS.length), ...(hasNext ? { 'x-page': String(page + 1) } : {}) },
	};
}

/** The paging numbers of a search body, as the searches paged in the body send them. */
function bodyPaging(request: ReceivedRequest): { limit: number; start: number } {
	const body = (request.body ?? {}) as { limit?: number; offset?: number; page_cursor?: string };
	const limit = Number(body.limit ?? 25) || 25;
	const start = body.page_cursor !== undefined ? Number(body.page_cursor.replace('after-', '')) || 0 : Number(body.offset ?? 0) || 0;
	return { limit, start };
}

/** `POST /cnt/search…`: hits, and `pagination.next_page_cursor` while more follow (the Afosto API reference). */
function answerSearchByCursor(request: ReceivedRequest): ContractResponse {
	const { limit, start } = bodyPaging(request);
	const end = start + limit;
	const pagination = { entity_count: PAGED_ITEMS.length, page_limit: limit, page_count: Math.ceil(PAGED_ITEMS.length / limit), ...(end < PAGED_ITEMS.length ? { next_page_cursor: `after-${end}` } : {}) };
	return { status: 200, body: { hits: PAGED_ITEMS.slice(start, end), pagination }, headers: { 'x-count': String(PAGED_ITEMS.length) } };
}

/** The instant searches: one result per index with its hits, `offset`, `limit` and the `count` (the Afosto API reference). */
function answerSearchByOffset(request: ReceivedRequest): ContractResponse {
	const { limit, start } = bodyPaging(request);
	const hits = PAGED_ITEMS.slice(start, start + limit);
	return {
		status: 200,
		body: { results: [{ id: request.pathParameters.id ?? 'index-1', count: PAGED_ITEMS.length, hits, facets: [] }], offset: start, limit, count: PAGED_ITEMS.length },
		headers: { 'x-count': String(PAGED_ITEMS.length) },
	};
}

/** Background tasks the sandbox started: each is half done when first asked about, then done. */
const tasks = new Map<string, number>();
let lastTaskId = 0;

function answerFor(endpoint: AfostoEndpoint): (request: ReceivedRequest) => ContractResponse {
	if (endpoint.response.headers.includes('x-task-id')) {
		return (request) => {
			const id = `task-${++lastTaskId}`;
			tasks.set(id, 0);
			return { status: 200, body: { id: request.pathParameters.id ?? 'object-1' }, headers: { 'x-task-id': id } };
		};
	}
	switch (endpoint.response.kind) {
		case 'json-list':
			return endpoint.response.paging === 'header-cursor' ? answerList : () => ({ status: 200, body: [{ id: 'item-1' }] });
		case 'binary':
			return () => ({ status: 200, body: AFOSTO_BINARY_SAMPLE, headers: { 'content-type': endpoint.response.contentType ?? 'application/octet-stream' } });
		case 'empty':
			return () => ({ status: endpoint.response.status === 204 ? 204 : 200 });
		case 'json-object':
			if (endpoint.response.paging === 'body-cursor') return answerSearchByCursor;
			if (endpoint.response.paging === 'offset') return answerSearchByOffset;
		// falls through: other objects echo what was asked for
		default:
			return (request) => ({ status: 200, body: { id: request.pathParameters.id ?? 'object-1', endpoint: endpoint.id } });
	}
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

const notFound = (what: string): ContractResponse => ({
	status: 404,
	body: { code: 404, message: `${what} not found`, reference: 'sandbox', errors: {} },
});

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

export const afostoContract: PartnerContract = {
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
		respond: statefulRoutes[endpoint.id] ?? answerFor(endpoint),
	})),
};
