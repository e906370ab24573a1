import type { IDataObject, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AFOSTO_BINARY_SAMPLE, AFOSTO_ENDPOINTS, sendsBodyAsQuery } from '../../sandbox/contracts/afosto';
import type { AfostoEndpoint } from '../../sandbox/contracts/afosto';
import { AFOSTO_TOKEN, useAfostoServer } from '../harness/afostoSetup';
import { AFOSTO_NODE_CLASSES } from '../../scripts/n8nCore/packageTypes';
import { runNode } from '../../scripts/n8nCore/runNode';

// The generator is plain JavaScript tooling: it names the parameters that fill a path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pathParameterName } = require('../../scripts/afosto/generateNodes.js') as { pathParameterName: (name: string) => string };

const { server, tokenCredentials: credentials } = useAfostoServer();

interface OperationLocation {
	nodeName: string;
	resource: string;
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/** Where each operation value sits: which node, which resource. */
const operations = new Map<string, OperationLocation[]>();
for (const NodeClass of AFOSTO_NODE_CLASSES) {
	const { description } = new NodeClass();
	for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
		const resource = String(property.displayOptions?.show?.resource?.[0]);
		for (const option of property.options as INodePropertyOptions[]) {
			const list = operations.get(String(option.value)) ?? [];
			list.push({ nodeName: description.name, resource, option, properties: description.properties });
			operations.set(String(option.value), list);
		}
	}
}

function sampleValue(type: string, oneOf?: unknown[]): unknown {
	if (oneOf?.length) return type === 'array' ? [oneOf[0]] : oneOf[0];
	if (type === 'string') return 'sample';
	if (type === 'integer' || type === 'number') return 1;
	if (type === 'boolean') return true;
	if (type === 'array') return [];
	return {};
}

/** A body of the right shape: each field with a value of its type, in a list for list bodies. */
function sampleBody(endpoint: AfostoEndpoint): unknown {
	const object = Object.fromEntries((endpoint.body?.fields ?? []).map((field) => [field.name, sampleValue(field.type, (field as { enum?: unknown[] }).enum)]));
	if (endpoint.body?.kind === 'array') return endpoint.body.fields.length ? [object] : ['sample'];
	return object;
}

/** The node's parameters for an endpoint: path values filled in, the body as JSON. */
function parametersFor(endpoint: AfostoEndpoint, location: OperationLocation) {
	// A custom operation (the file upload) has no routing; its path values come from Afosto.
	const url = location.option.routing ? endpoint.path : endpoint.path.replace(/\{signature\}/, 'upload-signature-1');
	const pathParameterNames = [...url.matchAll(/\{(\w+)\}/g)].map((match) => pathParameterName(match[1]));
	const parameters: INodeParameters = { resource: location.resource, operation: endpoint.id };
	const values = pathParameterNames.map((name) => `v-${name}`);
	pathParameterNames.forEach((name, index) => (parameters[name] = values[index]));
	let index = 0;
	const expectedPath = location.option.routing ? endpoint.path.replace(/\{[^}]+\}/g, () => values[index++]) : url;
	const body = sampleBody(endpoint);
	if (sendsBodyAsQuery(endpoint)) {
		parameters.additionalFields = body as INodeParameters;
	} else if (endpoint.body) {
		const typed = location.properties.some(
			(property) => property.name === 'bodyMode' && (property.displayOptions?.show?.operation as string[]).includes(endpoint.id),
		);
		if (typed) parameters.bodyMode = 'json';
		parameters.bodyJson = JSON.stringify(body);
	}
	if (endpoint.response.paging === 'header-cursor') parameters.limit = 2;
	return { parameters, expectedPath, body };
}

describe('every Afosto endpoint of the Afosto API reference is one operation', () => {
	it('maps the 544 distinct endpoints to exactly one operation each, and nothing else', () => {
		expect(AFOSTO_ENDPOINTS).toHaveLength(544);
		expect(new Set(AFOSTO_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).size).toBe(544);
		for (const endpoint of AFOSTO_ENDPOINTS) expect([endpoint.id, operations.get(endpoint.id)?.length]).toEqual([endpoint.id, 1]);
		expect(operations.size).toBe(544);
	});

	it.each(AFOSTO_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))(
		'%s',
		async (_label, endpoint) => {
			const [location] = operations.get(endpoint.id)!;
			const { parameters, expectedPath, body } = parametersFor(endpoint, location);

			// The sandbox keeps webhook subscriptions; here every id exists.
			if (/^(get|delete)MesWebhooksSubscriptionsById$/.test(endpoint.id)) {
				server.scriptNext(endpoint.id, () => ({ status: 200, body: { id: 'v-id' } }));
			}
			const upload = !location.option.routing;
			const binaryItems = upload
				? [{ json: {}, binary: { data: { data: Buffer.from('file').toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } }]
				: undefined;
			const result = await runNode({ type: location.nodeName, parameters, credentials: credentials(), binaryItems });

			expect(result.error).toBeUndefined();
			server.assertNoViolations();
			const [request] = server.requestsTo(endpoint.id);
			expect([request.method, request.path]).toEqual([endpoint.method, expectedPath]);
			expect(request.headers.authorization).toBe(`Bearer ${AFOSTO_TOKEN}`);
			if (sendsBodyAsQuery(endpoint)) expect(request.query).toEqual(body);
			else if (endpoint.body) {
				const sent = request.body ?? (Array.isArray(body) ? [] : {});
				expect(sent).toEqual(body);
				// A body that is empty is not sent, and then no Content-Type either.
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
