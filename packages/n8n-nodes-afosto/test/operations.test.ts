import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AFOSTO_BINARY_SAMPLE, AFOSTO_ENDPOINTS, sendsBodyAsQuery } from '../../../sandbox/contracts/afosto';
import type { AfostoEndpoint } from '../../../sandbox/contracts/afosto';
import { AFOSTO_TOKEN, useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';
import { afostoOperations } from './afostoOperations';
import type { AfostoOperation } from './afostoOperations';
import REFERENCE_ENDPOINTS from './fixtures/endpoints.json';

/**
 * Every operation of the Afosto nodes against the endpoints of the Afosto API reference: one
 * operation per distinct endpoint (the list test/fixtures/readRequestExamples.js reads from
 * the reference, apart from the generator and its spec), and, run through n8n-core against the
 * Afosto sandbox, each fills its path in order, authenticates, and reads the answer (pages,
 * binary files). What the bodies carry is checked against the reference's Request Examples in
 * requestExamples.test.ts; the bodies here are only what the sandbox accepts.
 */

const { server, tokenCredentials: credentials } = useAfostoServer();

/** The file upload is a custom operation: its request is made by its own code, not by a routing URL. */
const CUSTOM_OPERATIONS: Record<string, string> = { postCntFilesUploadBySignature: 'POST /cnt/files/upload/{signature}' };

const operations = afostoOperations();
const endpointOf = (operation: AfostoOperation) => operation.endpoint ?? CUSTOM_OPERATIONS[operation.operation];

const camelCase = (name: string) => name.replace(/[_-](\w)/g, (_, letter: string) => letter.toUpperCase());

/** The field that fills a path placeholder: the shown required field named like it (`Value` added where the name is taken). */
function pathFieldOf(operation: AfostoOperation, placeholder: string): string {
	const names = operation.shown.filter((property) => property.required).map((property) => property.name);
	const name = [camelCase(placeholder), `${camelCase(placeholder)}Value`].find((candidate) => names.includes(candidate));
	if (!name) throw new Error(`${endpointOf(operation)}: no required field fills {${placeholder}} (shown: ${names.join(', ')})`);
	return name;
}

function sampleValue(type: string, oneOf?: unknown[]): unknown {
	if (oneOf?.length) return type === 'array' ? [oneOf[0]] : oneOf[0];
	if (type === 'string') return 'sample';
	if (type === 'integer' || type === 'number') return 1;
	if (type === 'boolean') return true;
	if (type === 'array') return [];
	return {};
}

/** A body the sandbox accepts: each field with a value of its type, in a list for list bodies. */
function sampleBody(endpoint: AfostoEndpoint): unknown {
	const object = Object.fromEntries((endpoint.body?.fields ?? []).map((field) => [field.name, sampleValue(field.type, (field as { enum?: unknown[] }).enum)]));
	if (endpoint.body?.kind === 'array') return endpoint.body.fields.length ? [object] : ['sample'];
	return object;
}

/** The node's parameters for an endpoint: a distinct value for each path field, a body as JSON. */
function parametersFor(endpoint: AfostoEndpoint, operation: AfostoOperation) {
	// The upload's signature comes from Afosto (the sandbox's signature answer), not from a field.
	const custom = !operation.endpoint;
	const path = custom ? endpoint.path.replace(/\{signature\}/, 'upload-signature-1') : endpoint.path;
	const parameters: INodeParameters = { resource: operation.resource, operation: operation.operation };
	const expectedPath = path.replace(/\{([^}]+)\}/g, (_, placeholder: string) => {
		const value = `v-${placeholder}`;
		parameters[pathFieldOf(operation, placeholder)] = value;
		return value;
	});
	// A query parameter the user must fill in (the barcode's value to encode) gets a value of its type.
	for (const property of operation.shown.filter((candidate) => candidate.required && candidate.routing?.send?.type === 'query')) {
		const documented = endpoint.parameters.find((parameter) => parameter.name === property.routing?.send?.property);
		parameters[property.name] = sampleValue(String(documented?.type)) as string;
	}
	if (sendsBodyAsQuery(endpoint)) parameters.additionalFields = sampleBody(endpoint) as INodeParameters;
	else if (endpoint.body) {
		if (operation.shown.some((property) => property.name === 'bodyMode')) parameters.bodyMode = 'json';
		parameters.bodyJson = JSON.stringify(sampleBody(endpoint));
	}
	if (endpoint.response.paging === 'header-cursor') parameters.limit = 2;
	return { parameters, expectedPath };
}

describe('every Afosto endpoint of the Afosto API reference is one operation', () => {
	it('has exactly one operation for each of the reference\'s 544 distinct endpoints, and nothing else', () => {
		expect(REFERENCE_ENDPOINTS).toHaveLength(544);
		expect(operations.map(endpointOf).sort()).toEqual([...REFERENCE_ENDPOINTS].sort());
	});

	const byEndpoint = new Map(operations.map((operation) => [endpointOf(operation), operation]));
	it.each(AFOSTO_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
		'%s fills its path in order, sends the bearer token and reads the answer',
		async (label, endpoint) => {
			const operation = byEndpoint.get(label)!;
			const { parameters, expectedPath } = parametersFor(endpoint, operation);

			// The sandbox keeps webhook subscriptions; here every id exists.
			if (/^(get|delete)MesWebhooksSubscriptionsById$/.test(endpoint.id)) {
				server.scriptNext(endpoint.id, () => ({ status: 200, body: { id: 'v-id' } }));
			}
			const binaryItems = operation.endpoint
				? undefined
				: [{ json: {}, binary: { data: { data: Buffer.from('file').toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } }];
			const result = await runNode({ type: operation.nodeName, parameters, credentials: credentials(), binaryItems });

			expect(result.error).toBeUndefined();
			server.assertNoViolations();
			const [request] = server.requestsTo(endpoint.id);
			expect([request.method, request.path]).toEqual([endpoint.method, expectedPath]);
			expect(request.headers.authorization).toBe(`Bearer ${AFOSTO_TOKEN}`);
			// A body that is empty is not sent, and then no Content-Type either.
			if (endpoint.body && !sendsBodyAsQuery(endpoint)) {
				expect(request.headers['content-type']).toEqual(request.rawBody ? expect.stringMatching(/^application\/json/) : undefined);
			}
			if (endpoint.response.paging === 'header-cursor') {
				expect(request.headers['x-page-size']).toBe('2');
				expect(result.json).toHaveLength(2);
			}
			if (endpoint.response.kind === 'binary') {
				const binary = result.outputs[0][0].binary?.data as IDataObject;
				expect(Buffer.from(String(binary.data), 'base64')).toEqual(AFOSTO_BINARY_SAMPLE);
			}
		},
	);
});
