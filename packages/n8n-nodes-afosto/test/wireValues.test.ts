import type { IncomingHttpHeaders, Server } from 'node:http';
import type { IDataObject, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AFOSTO_ENDPOINTS } from '../../../sandbox/contracts/afosto';
import type { AfostoEndpoint } from '../../../sandbox/contracts/afosto';
import { startLoopbackServer, stopServer, urlOf } from '../../../sandbox/loopbackServer';
import { AFOSTO_NODE_CLASSES } from '../../../scripts/n8nCore/packageTypes';
import { runNode } from '../../../scripts/n8nCore/runNode';
import { logWire } from '../../../test/harness/wireLog';
// The generator names the parameters that fill a path.
import { pathParameterName } from '../generator/fields';

/**
 * The property: every value a user or an expression can put into a path, query, header or body
 * field of any generated Afosto operation either is refused before anything is sent, with an
 * error naming the item and the field, or goes out in a well-formed request. One workflow run per
 * operation, one item per (field, value), Continue On Fail on, against one 127.0.0.1 server that
 * records the raw requests and answers each with its number, so each item's outcome is known.
 */

const VALUES: Array<[label: string, value: unknown]> = [
	['null', null],
	['undefined', undefined],
	['empty text', ''],
	['"."', '.'],
	['".."', '..'],
	['an object', { code: 'A1' }],
	['a list', ['a', 'b']],
	['a number', 42],
	['10 KB of text', 'x'.repeat(10 * 1024)],
	['a line break', 'line\r\nbreak'],
	['unicode', 'ñandú-📱-Ω'],
];

/** The Afosto API reference's description of a parameter or body field. */
interface Documented {
	name: string;
	type: string;
	items?: string;
	enum?: unknown[];
}

interface FieldUnderTest {
	/** `path:id`, `query:number`, `header:x-idempotency-key`, `body:name`, `body:[]` */
	key: string;
	where: 'path' | 'query' | 'header' | 'body';
	documented: Documented;
	/** How the node's error must name it. */
	shownAs: string;
}

interface WireRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

const GOOD_PATH_VALUE = 'p-good';
const wire = new Map<number, WireRequest>();
let server: Server;

beforeAll(async () => {
	server = await startLoopbackServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const number = wire.size + 1;
			wire.set(number, { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(200, { 'content-type': 'application/json' });
			// A list (it asks for a page size) gets the documented shape: one page of one record.
			const answer = { requestNumber: number };
			response.end(JSON.stringify(request.headers['x-page-size'] ? [answer] : answer));
		});
	});
});
afterAll(async () => await stopServer(server));
let loggedRequests = 0;
afterEach(() => {
	logWire([...wire.values()].slice(loggedRequests).map(({ body, ...request }) => ({ ...request, rawBody: body })));
	loggedRequests = wire.size;
});

interface Operation {
	endpoint: AfostoEndpoint;
	nodeName: string;
	resource: string;
	properties: INodeProperties[];
}

/** The routed operations of every Afosto node (the file upload is a custom operation: upload.test.ts). */
const operationsByNode = new Map<string, Operation[]>();
for (const NodeClass of AFOSTO_NODE_CLASSES) {
	const { description } = new NodeClass();
	const list: Operation[] = [];
	for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
		const resource = String(property.displayOptions?.show?.resource?.[0]);
		for (const option of property.options as INodePropertyOptions[]) {
			if (!option.routing) continue;
			const endpoint = AFOSTO_ENDPOINTS.find((candidate) => candidate.id === option.value)!;
			list.push({ endpoint, nodeName: description.name, resource, properties: description.properties });
		}
	}
	operationsByNode.set(description.displayName, list);
}

const shownFor = (operation: Operation) => (property: INodeProperties) =>
	(property.displayOptions?.show?.resource as string[] | undefined)?.includes(operation.resource) &&
	(property.displayOptions?.show?.operation as string[] | undefined)?.includes(operation.endpoint.id);

/** The item's value, the one expression of a run: n8n evaluates every expression once per item. */
const ITEM_VALUE = '={{ $json.value }}';

/** The required query fields of an operation (not under Additional Fields). */
const requiredQueryFields = (operation: Operation) =>
	operation.properties.filter((property) => shownFor(operation)(property) && property.required && property.routing?.send?.type === 'query');

/** The fields of an operation, and where each is set in the node's parameters. */
function fieldsOf(operation: Operation): Array<FieldUnderTest & { parameter: string[] }> {
	const { endpoint } = operation;
	const shown = shownFor(operation);
	const fields: Array<FieldUnderTest & { parameter: string[] }> = [];
	const documented = endpoint.parameters as unknown as Array<Documented & { in: string }>;
	for (const parameter of documented.filter((candidate) => candidate.in === 'path')) {
		const name = pathParameterName(parameter.name);
		fields.push({ key: `path:${parameter.name}`, where: 'path', documented: parameter, shownAs: titleOf(operation, name), parameter: [name] });
	}
	// Query parameters the user must fill in are fields of their own, beside Additional Fields.
	for (const property of requiredQueryFields(operation)) {
		const wireName = String(property.routing?.send?.property);
		const spec = documented.find((candidate) => candidate.name === wireName)!;
		fields.push({ key: `query:${wireName}`, where: 'query', documented: spec, shownAs: property.displayName, parameter: [property.name] });
	}
	const bodyAsQuery = endpoint.method === 'GET' && endpoint.body?.kind === 'object';
	const bodyFields = (endpoint.body?.fields ?? []) as Documented[];
	const additional = operation.properties.find((property) => property.name === 'additionalFields' && shown(property));
	for (const option of (additional?.options ?? []) as INodeProperties[]) {
		const wireName = option.routing?.send?.property ?? 'x-idempotency-key';
		const where = option.routing ? 'query' : 'header';
		const spec = [...documented.filter((candidate) => candidate.in !== 'path'), ...(bodyAsQuery ? bodyFields : [])].find((candidate) => candidate.name === wireName)!;
		fields.push({ key: `${where}:${wireName}`, where, documented: spec, shownAs: option.displayName, parameter: ['additionalFields', option.name] });
	}
	const typedBody = operation.properties.find((property) => property.name === 'bodyFields' && shown(property));
	for (const option of (typedBody?.options ?? []) as INodeProperties[]) {
		const wireName = String(option.routing?.send?.property);
		const spec = bodyFields.find((field) => field.name === wireName)!;
		fields.push({ key: `body:${wireName}`, where: 'body', documented: spec, shownAs: option.displayName, parameter: ['bodyFields', option.name] });
	}
	if (!typedBody && endpoint.body?.kind === 'array') {
		// A list body, in JSON mode: each field of its one object in turn, or its one entry.
		for (const field of bodyFields) fields.push({ key: `body:${field.name}`, where: 'body', documented: field, shownAs: `[0].${field.name}`, parameter: ['bodyJson'] });
		if (!bodyFields.length) fields.push({ key: 'body:[]', where: 'body', documented: { name: '[]', type: 'array', items: 'string' }, shownAs: 'Body (JSON)', parameter: ['bodyJson'] });
	}
	return fields;
}

/** The node's parameters with `field` set to the item's value and every other field left good or out. */
function parametersFor(operation: Operation, field: FieldUnderTest & { parameter: string[] }): INodeParameters {
	const { endpoint, resource, properties } = operation;
	// Simplify off: the answer's requestNumber ties each item to its request on the wire.
	const parameters: INodeParameters = { resource, operation: endpoint.id, limit: 1, simplify: false };
	for (const placeholder of endpoint.path.matchAll(/\{([^}]+)\}/g)) parameters[pathParameterName(placeholder[1])] = GOOD_PATH_VALUE;
	for (const property of requiredQueryFields(operation)) parameters[property.name] = 'good';
	if (properties.some((property) => property.name === 'bodyFields' && shownFor(operation)(property))) parameters.bodyMode = 'fields';
	else if (endpoint.body?.kind === 'array') parameters.bodyJson = endpoint.body.fields.length ? '[{}]' : '["good"]';
	else if (endpoint.body && !(endpoint.method === 'GET' && endpoint.body.kind === 'object')) parameters.bodyJson = '{}';
	const [name, option] = field.parameter;
	if (name === 'bodyJson') {
		parameters.bodyJson = field.key === 'body:[]' ? '={{ [$json.value] }}' : `={{ [{ ${JSON.stringify(field.documented.name)}: $json.value }] }}`;
	} else if (option) parameters[name] = { [option]: ITEM_VALUE };
	else parameters[name] = ITEM_VALUE;
	return parameters;
}

function titleOf(operation: Operation, parameterName: string): string {
	const shown = shownFor(operation);
	return operation.properties.find((property) => property.name === parameterName && shown(property))!.displayName;
}

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` has the documented type (`array` of `items`, `integer`, …). */
function hasDocumentedType(value: unknown, documented: { type: string; items?: string; enum?: unknown[] }): boolean {
	if (documented.enum && !Array.isArray(value) && !documented.enum.includes(value)) return false;
	switch (documented.type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'object':
			return isPlainObject(value);
		case 'array':
			return Array.isArray(value) && value.every((entry) => hasDocumentedType(entry, { type: documented.items ?? 'string', enum: documented.enum }));
		default:
			return true;
	}
}

const STRINGIFIED = /\[object Object\]|^null$|^undefined$/;

/** What is wrong with a request on the wire, if anything (empty: well formed). */
function wireProblems(request: WireRequest, operation: Operation, field: FieldUnderTest | undefined, value: unknown): string[] {
	const { endpoint } = operation;
	const problems: string[] = [];
	if (request.method !== endpoint.method) problems.push(`method ${request.method}`);
	const [rawPath, rawQuery = ''] = request.url.split('?');
	const segments = rawPath.split('/').slice(1);
	const decoded = segments.map((segment) => decodeURIComponent(segment));
	if (segments.some((segment) => segment === '')) problems.push(`empty path segment in ${rawPath}`);
	if (decoded.some((segment) => segment === '.' || segment === '..')) problems.push(`dot segment in ${rawPath}`);
	if (decoded.some((segment) => STRINGIFIED.test(segment) || segment.includes('[object Object]'))) problems.push(`stringified value in ${rawPath}`);
	const templateSegments = endpoint.path.split('/').slice(1);
	if (templateSegments.length !== segments.length) problems.push(`path ${rawPath} is not ${endpoint.path}`);
	templateSegments.forEach((part, index) => {
		const placeholder = /^\{(.+)\}$/.exec(part)?.[1];
		const expected = !placeholder ? part : field?.key === `path:${placeholder}` ? String(value).trim() : GOOD_PATH_VALUE;
		if (decoded[index] !== expected) problems.push(`path segment ${index + 1} is ${JSON.stringify(decoded[index]?.slice(0, 40))}, not ${JSON.stringify(expected.slice(0, 40))}`);
	});
	const query = new URLSearchParams(rawQuery);
	for (const [name, text] of query) {
		if (text === '') problems.push(`empty query value ${name}=`);
		if (STRINGIFIED.test(text) || text.includes('[object Object]')) problems.push(`query ${name}=${text}`);
		const documented = (endpoint.parameters as unknown as Documented[]).find((parameter) => parameter.name === name) ?? (endpoint.body?.fields as Documented[] | undefined)?.find((parameter) => parameter.name === name);
		const type = documented?.type === 'array' ? documented.items : documented?.type;
		if ((type === 'integer' && !/^-?\d+$/.test(text)) || (type === 'number' && !Number.isFinite(Number(text)))) problems.push(`query ${name}=${text} is not ${type}`);
	}
	if (field?.where === 'query' && typeof value === 'string') {
		const sent = query.getAll(field.documented.name);
		if (sent.length && sent.join() !== value) problems.push(`query ${field.documented.name} sent as ${JSON.stringify(sent.join().slice(0, 40))}`);
	}
	for (const [name, header] of Object.entries(request.headers)) {
		if (String(header).includes('[object Object]')) problems.push(`header ${name}: ${header}`);
	}
	const key = request.headers['x-idempotency-key'];
	// Left empty, the key is derived from the execution and item (a name-based UUID).
	const expectedKey = typeof value === 'string' && value.trim() !== '' ? value : /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
	if (field?.key === 'header:x-idempotency-key' && (typeof expectedKey === 'string' ? key !== expectedKey : !expectedKey.test(String(key)))) {
		problems.push(`x-idempotency-key sent as ${JSON.stringify(key)}`);
	}
	if (request.body !== '') problems.push(...bodyProblems(request.body, operation, field, value));
	return problems;
}

function bodyProblems(raw: string, operation: Operation, field: FieldUnderTest | undefined, value: unknown): string[] {
	const problems: string[] = [];
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		return [`body is not JSON: ${raw.slice(0, 60)}`];
	}
	if (raw.includes('[object Object]')) problems.push('[object Object] in the body');
	const fields = (operation.endpoint.body?.fields ?? []) as Documented[];
	const objects = Array.isArray(body) ? body : [body];
	if (operation.endpoint.body?.kind === 'array' && !fields.length) {
		if (!hasDocumentedType(body, { type: 'array', items: 'string' })) problems.push(`body ${raw.slice(0, 60)} is not a list of text`);
		return problems;
	}
	for (const object of objects) {
		if (!isPlainObject(object)) {
			problems.push(`body entry ${JSON.stringify(object)?.slice(0, 60)} is not an object`);
			continue;
		}
		for (const documented of fields) {
			if (!(documented.name in object)) continue;
			const sent = (object as IDataObject)[documented.name];
			if (!hasDocumentedType(sent, documented)) problems.push(`body ${documented.name} is ${JSON.stringify(sent)?.slice(0, 60)}, not ${documented.type}`);
			if (typeof sent === 'string' && STRINGIFIED.test(sent)) problems.push(`body ${documented.name} is the text ${sent}`);
			if (field?.key === `body:${documented.name}` && typeof value === 'string' && sent !== value) problems.push(`body ${documented.name} sent as ${JSON.stringify(sent)?.slice(0, 40)}`);
		}
	}
	return problems;
}

const outcomes = { operations: 0, fields: 0, refused: 0, sent: 0, malformed: 0 };

/**
 * n8n-core spends some 15 ms of CPU on each item (its routing walks every property of the node and
 * evaluates three expressions), so all 11 values in all 1,309 fields take minutes:
 * AFOSTO_WIRE_VALUES=all runs that. By default each field gets 3 of the values, in turn within
 * its kind of field (path, query, header or body, and type), so every value still meets every
 * kind of field; a kind with fewer than 4 fields gets all 11.
 */
const ALL_VALUES = process.env.AFOSTO_WIRE_VALUES === 'all';
const VALUES_PER_FIELD = 3;
const kindOf = (field: FieldUnderTest) => `${field.where}:${field.documented.type}:${field.documented.items ?? ''}:${field.documented.enum ? 'enum' : ''}`;
const fieldsOfKind = new Map<string, number>();
for (const operations of operationsByNode.values()) {
	for (const field of operations.flatMap(fieldsOf)) fieldsOfKind.set(kindOf(field), (fieldsOfKind.get(kindOf(field)) ?? 0) + 1);
}
const turnOfKind = new Map<string, number>();

function valuesFor(field: FieldUnderTest): typeof VALUES {
	const kind = kindOf(field);
	if (ALL_VALUES || fieldsOfKind.get(kind)! * VALUES_PER_FIELD < VALUES.length) return VALUES;
	const turn = turnOfKind.get(kind) ?? 0;
	turnOfKind.set(kind, turn + 1);
	return Array.from({ length: VALUES_PER_FIELD }, (_, index) => VALUES[(turn * VALUES_PER_FIELD + index) % VALUES.length]);
}

/** Runs one field of an operation with one item per value, and reads each item's outcome. */
async function checkField(operation: Operation, field: FieldUnderTest & { parameter: string[] }, values: typeof VALUES): Promise<string[]> {
	const items = values.map(([, value]) => (value === undefined ? {} : { value })) as IDataObject[];
	const before = wire.size;
	const result = await runNode({
		type: operation.nodeName,
		parameters: parametersFor(operation, field),
		items,
		continueOnFail: true,
		// Each expression builds $now in the workflow's zone; UTC spares the zone arithmetic, and no value here is a date.
		timezone: 'UTC',
		credentials: { afostoApi: { baseUrl: urlOf(server, 'wire server'), accessToken: 'afosto-test-token' } },
	});
	const name = `${operation.endpoint.method} ${operation.endpoint.path} ${field.key}`;
	if (result.error) return [`${name}: the run failed: ${result.error.message}`];
	const output = result.outputs[0] ?? [];
	const malformed: string[] = [];
	const answered = new Set<number>();
	values.forEach(([label, value], index) => {
		const item = output[index];
		const what = `${name} = ${label}`;
		if (!item) {
			outcomes.malformed++;
			malformed.push(`${what}: no output item`);
			return;
		}
		if (item.error) {
			const message = item.error.message;
			if (message.startsWith(`Item ${index}: `) && message.includes(field.shownAs)) outcomes.refused++;
			else {
				outcomes.malformed++;
				malformed.push(`${what}: failed without naming the field: ${message}`);
			}
			return;
		}
		const binary = item.binary?.data?.data;
		const number = Number(binary ? JSON.parse(Buffer.from(binary, 'base64').toString()).requestNumber : item.json.requestNumber);
		const request = wire.get(number);
		if (!request) {
			outcomes.malformed++;
			malformed.push(`${what}: succeeded without a request on the wire`);
			return;
		}
		answered.add(number);
		const problems = wireProblems(request, operation, field, value);
		if (problems.length) {
			outcomes.malformed++;
			malformed.push(`${what}: ${problems.join('; ')}`);
		} else outcomes.sent++;
	});
	const unanswered = [...wire.keys()].filter((number) => number > before && !answered.has(number));
	outcomes.malformed += unanswered.length;
	if (unanswered.length) malformed.push(`${name}: ${unanswered.length} request(s) on the wire for items that failed`);
	outcomes.fields++;
	return malformed;
}

afterAll(() => {
	const items = outcomes.refused + outcomes.sent + outcomes.malformed;
	process.stdout.write(
		`Afosto wire values: ${outcomes.operations} operations, ${outcomes.fields} fields, ${ALL_VALUES ? 'all 11 values each' : `${VALUES_PER_FIELD} of the 11 values each, in turn`}, ${items} items: ` +
			`${outcomes.refused} refused before sending naming item and field, ${outcomes.sent} sent well formed, ${outcomes.malformed} malformed\n`,
	);
});

describe('every value in every field of every generated Afosto operation is refused naming the field, or sent well formed', () => {
	it.each([...operationsByNode.keys()])('%s', async (nodeName) => {
		const malformed: string[] = [];
		for (const operation of operationsByNode.get(nodeName)!) {
			for (const field of fieldsOf(operation)) malformed.push(...(await checkField(operation, field, valuesFor(field))));
			outcomes.operations++;
		}
		expect(malformed.slice(0, 30)).toEqual([]);
	}, 600_000);
});
