import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { AfostoEndpoint, AfostoParameter, AfostoSpec } from './fixtures/afostoSpec';

// spec/afosto.json is the source of truth for the Afosto nodes. It was extracted from the Afosto API
// reference by `npm run spec:extract -- <path to the reference>`; the reference itself is not part of
// the repository. These tests pin what the committed spec says about the reference; how the extractor
// reads the reference's layout is tested on fixtures in extractSpec.test.ts.
const committedText = readFileSync(join(__dirname, '..', 'spec', 'afosto.json'), 'utf8');
const spec = JSON.parse(committedText) as AfostoSpec;

function endpoint(method: string, path: string): AfostoEndpoint {
	const found = spec.endpoints.find((candidate) => candidate.method === method && candidate.path === path && !candidate.duplicateOf);
	if (!found) throw new Error(`no ${method} ${path} in the committed spec`);
	return found;
}

function parameter(method: string, path: string, name: string): AfostoParameter {
	const found = endpoint(method, path).parameters.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no parameter ${name} on ${method} ${path}`);
	return found;
}

const firstPrints = spec.endpoints.filter((candidate) => candidate.duplicateOf === undefined);
const reprints = spec.endpoints.filter((candidate) => candidate.duplicateOf !== undefined);

describe('the committed Afosto spec', () => {
	it('is laid out as the extractor writes it (two-space JSON, one final newline), so a re-extraction shows only what changed', () => {
		expect(committedText).toBe(`${JSON.stringify(spec, null, 2)}\n`);
	});

	it('names the file the Afosto API reference came in and the one base URL the reference allows', () => {
		expect(spec.source).toBe('Afosto API reference');
		expect(spec.baseUrl).toBe('https://api.afosto.io');
	});
});

describe('the committed Afosto endpoints', () => {
	it('keep all 565 endpoint headings, 544 of them distinct method and path pairs', () => {
		expect(spec.endpoints).toHaveLength(565);
		expect(new Set(firstPrints.map((candidate) => `${candidate.method} ${candidate.path}`)).size).toBe(544);
		expect(firstPrints).toHaveLength(544);
	});

	it('flag the 21 Meilisearch re-prints as duplicates of an earlier endpoint with the same method and path', () => {
		expect(reprints).toHaveLength(21);
		const positionById = new Map(spec.endpoints.map((candidate, position) => [candidate.id, position]));
		for (const reprint of reprints) {
			const original = spec.endpoints.find((candidate) => candidate.id === reprint.duplicateOf);
			expect(original).toBeDefined();
			expect(original?.duplicateOf).toBeUndefined();
			expect(`${original?.method} ${original?.path}`).toBe(`${reprint.method} ${reprint.path}`);
			expect(positionById.get(reprint.duplicateOf ?? '')).toBeLessThan(positionById.get(reprint.id) ?? 0);
			expect(reprint.group).toBe('Meilisearch');
		}
	});

	it('have unique ids', () => {
		expect(new Set(spec.endpoints.map((candidate) => candidate.id)).size).toBe(spec.endpoints.length);
	});

	it('use only GET, POST, PUT and DELETE', () => {
		expect([...new Set(spec.endpoints.map((candidate) => candidate.method))].sort()).toEqual(['DELETE', 'GET', 'POST', 'PUT']);
	});

	it('declare a required path parameter for every placeholder in their path, and none besides', () => {
		for (const candidate of spec.endpoints) {
			const placeholders = [...candidate.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
			const pathParameters = candidate.parameters.filter((declared) => declared.in === 'path');
			expect({ endpoint: candidate.id, names: pathParameters.map((declared) => declared.name).sort() }).toEqual({
				endpoint: candidate.id,
				names: placeholders,
			});
			expect(pathParameters.every((declared) => declared.required)).toBe(true);
		}
	});

	it('belong to the group and tag headings printed above them, including the labelled Vat and 2fa tags', () => {
		expect(endpoint('GET', '/int/apps/store')).toMatchObject({ group: 'Apps', tag: 'Apps', summary: 'List apps' });
		expect(endpoint('PUT', '/cat/vat/products')).toMatchObject({ group: 'Catalog', tag: 'Vat' });
		expect(endpoint('DELETE', '/iam/2fa/secrets/{type}')).toMatchObject({ group: 'IAM', tag: '2fa' });
		expect(endpoint('GET', '/iam/records')).toMatchObject({ group: 'Usage', tag: 'Usage' });
		expect(endpoint('GET', '/lcs/dpd/points/{id}')).toMatchObject({ group: 'Dpd-service', tag: 'Dpd' });
		expect(endpoint('PUT', '/iam/profiles/{path}/announce')).toMatchObject({ group: 'Profielen', tag: 'Profile' });
	});
});

describe('the committed Afosto parameters and bodies', () => {
	it('give the barcode type parameter its exact enum values', () => {
		expect(parameter('GET', '/cnt/barcode', 't')).toEqual({
			name: 't',
			in: 'query',
			type: 'string',
			required: false,
			enum: ['ean', 'code_128', 'code_39', 'code_93', 'qr'],
			description: 'Type of barcode',
		});
	});

	it('split an enum from its trailing default value', () => {
		expect(parameter('GET', '/iam/jwt/revoke', 'tokens')).toMatchObject({ enum: ['current', 'jwt', 'all'], default: 'current' });
		expect(parameter('GET', '/iam/users', 'is_deleted')).toMatchObject({ type: 'integer', enum: [1, 0], default: 0 });
	});

	it('upload a file as the required formData field of POST /cnt/files/upload/{signature}', () => {
		expect(parameter('POST', '/cnt/files/upload/{signature}', 'file')).toMatchObject({ in: 'formData', type: 'file', required: true });
		expect(endpoint('POST', '/cnt/files/signature').body?.schema).toBe('CntUploadRequest');
	});

	it("read the body fields of a named schema, with the schema's enum", () => {
		const body = endpoint('POST', '/cnt/files/signature').body;
		expect(body?.kind).toBe('object');
		expect(body?.fields.map((field) => field.name)).toEqual(['is_public', 'path', 'is_listed', 'method', 'metadata']);
		expect(body?.fields.find((field) => field.name === 'method')).toMatchObject({ type: 'string', enum: ['resolve', 'strict', 'upsert'] });
	});

	it('read the top-level body fields of an inline Request Example, leaving nested item fields to the example', () => {
		const body = endpoint('PUT', '/odr/orders/{id}/flow').body;
		expect(body?.example).toEqual({ code: 'approval', actions: [{ code: 'manager_approve', is_handled: true }] });
		expect(body?.fields).toEqual([
			{ name: 'code', type: 'string', required: false },
			{ name: 'actions', type: 'array', items: 'object', required: false },
		]);
	});

	it('name the item schema of an array body', () => {
		expect(endpoint('PUT', '/cat/groups/{id}/prices').body).toMatchObject({ kind: 'array', items: 'object', schema: 'CatNewPrice' });
		expect(endpoint('PUT', '/odr/orders/{id}/tags').body).toMatchObject({ kind: 'array', items: 'string', fields: [] });
	});
});

describe('the committed Afosto responses', () => {
	it('return the barcode as a PNG', () => {
		expect(endpoint('GET', '/cnt/barcode').response).toMatchObject({ kind: 'binary', contentType: 'image/png' });
	});

	it('return file reads as octet streams', () => {
		expect(endpoint('GET', '/cnt/filesystems/storages/{id}/read').response).toMatchObject({
			kind: 'binary',
			contentType: 'application/octet-stream',
		});
	});

	it('carry x-task-id on the 21 endpoints that start a background task', () => {
		expect(endpoint('PUT', '/cnt/batches/{id}/validate').response).toMatchObject({ kind: 'empty', status: 200, headers: ['x-task-id'] });
		expect(endpoint('POST', '/odr/orders/{id}/allocate').response).toMatchObject({ kind: 'empty', status: 202, headers: ['x-task-id'] });
		expect(firstPrints.filter((candidate) => candidate.response.headers.includes('x-task-id'))).toHaveLength(21);
	});

	it('page a list through the x-page request header and the x-page/x-count response headers', () => {
		expect(parameter('GET', '/wms/routes', 'x-page')).toMatchObject({ in: 'header', required: false });
		expect(endpoint('GET', '/wms/routes').response).toMatchObject({
			kind: 'json-list',
			headers: ['x-page', 'x-count'],
			paging: 'header-cursor',
		});
	});

	it('page some searches in the body instead', () => {
		expect(endpoint('POST', '/cnt/search').response.paging).toBe('body-cursor');
		expect(endpoint('POST', '/cnt/instant/indexes/{id}/search').response.paging).toBe('offset');
	});

	it('treat a success response whose "200 OK" label is missing as a 200', () => {
		expect(endpoint('GET', '/int/apps/integrations').response).toMatchObject({ kind: 'json-list', status: 200 });
		expect(endpoint('POST', '/cnt/files/signature').response).toMatchObject({ kind: 'json-object', status: 200 });
	});
});

describe('the committed Afosto definitions and scopes', () => {
	it('keep all 580 schema definitions', () => {
		expect(Object.keys(spec.definitions)).toHaveLength(580);
	});

	it('resolve references, array items and enums of a definition', () => {
		expect(spec.definitions.MesConversation.properties).toMatchObject({
			event: { type: 'string', enum: ['update', 'memo'] },
			messages: { type: 'array', items: 'object', ref: 'MesMessage' },
			metadata: { type: 'object', ref: 'MesMetadata' },
		});
	});

	it('list the 116 OAuth2 scopes, all service:resource:action but the OpenID ones', () => {
		expect(spec.scopes).toHaveLength(116);
		expect(new Set(spec.scopes).size).toBe(116);
		expect(spec.scopes.filter((scope) => !/^[a-z]+:[a-z0-9]+:[a-z]+$/.test(scope))).toEqual(['email', 'openid', 'profile']);
		expect(spec.scopes).toContain('cnt:files:write');
	});
});
