import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { AfostoEndpoint, AfostoParameter, AfostoSpec } from './fixtures/afostoSpec';

// The extractor is plain CommonJS tooling without type declarations, so it is required and typed here.
const { extractAfostoSpec } = require('../generator/extractSpec') as {
	extractAfostoSpec: (referenceText: string) => AfostoSpec;
};

// A miniature of the Afosto API reference: its plain-text layout, quirks included, on a few endpoints.
const reference = readFileSync(join(__dirname, 'fixtures', 'referenceQuirks.txt'), 'utf8');
const spec = extractAfostoSpec(reference);

function endpoint(method: string, path: string): AfostoEndpoint {
	const found = spec.endpoints.find((candidate) => candidate.method === method && candidate.path === path && !candidate.duplicateOf);
	if (!found) throw new Error(`no ${method} ${path} in the fixture's spec`);
	return found;
}

function parameter(method: string, path: string, name: string): AfostoParameter {
	const found = endpoint(method, path).parameters.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no parameter ${name} on ${method} ${path}`);
	return found;
}

// The fixture with one passage replaced; the passage must occur exactly once.
function referenceWith(passage: string, replacement: string): string {
	const parts = reference.split(passage);
	if (parts.length !== 2) throw new Error(`the fixture holds ${parts.length - 1} copies of ${JSON.stringify(passage)}`);
	return parts.join(replacement);
}

describe('the extractor, on the scopes list', () => {
	it('keeps each scope name, without the description printed under it, up to the first group heading', () => {
		expect(spec.scopes).toEqual(['cnt:files:read', 'cnt:files:write', 'email', 'iam:users:read', 'openid']);
	});
});

describe('the extractor, on group and tag headings', () => {
	it('files each endpoint under the group and tag printed above it, the tag carrying over to the rest of its section', () => {
		expect(endpoint('GET', '/int/apps/store')).toMatchObject({ group: 'Apps', tag: 'Apps', summary: 'List apps', description: 'Returns list of apps' });
		expect(endpoint('GET', '/int/apps/integrations')).toMatchObject({ group: 'Apps', tag: 'Integrations' });
		expect(endpoint('POST', '/cnt/files/signature')).toMatchObject({ group: 'Content', tag: 'Files' });
		expect(endpoint('POST', '/cnt/files/upload/{signature}')).toMatchObject({ group: 'Content', tag: 'Files', summary: 'Upload a file' });
	});

	it('reads a tag printed twice above its first endpoint and once more under every closing brace as one tag of the group (Vat, Pdf, Jwt)', () => {
		expect(endpoint('GET', '/cat/vat')).toMatchObject({ group: 'Catalog', tag: 'Vat' });
		expect(endpoint('PUT', '/cat/vat/products')).toMatchObject({ group: 'Catalog', tag: 'Vat', summary: 'Upsert vat rates for skus' });
		expect(endpoint('POST', '/cnt/html')).toMatchObject({ group: 'Content', tag: 'Pdf' });
		expect(endpoint('POST', '/cnt/html/inline')).toMatchObject({ group: 'Content', tag: 'Pdf' });
		expect(endpoint('GET', '/iam/jwt/revoke')).toMatchObject({ group: 'IAM', tag: 'Jwt' });
		expect(endpoint('POST', '/iam/jwt/validate')).toMatchObject({ group: 'IAM', tag: 'Jwt' });
		expect(endpoint('GET', '/iam/users')).toMatchObject({ group: 'IAM', tag: 'Users' });
	});

	it('reads a group heading, its tag and the tag label above the first endpoint (Dpd-service, Dpd, Dpd)', () => {
		expect(endpoint('GET', '/lcs/dpd/points')).toMatchObject({ group: 'Dpd-service', tag: 'Dpd' });
		expect(endpoint('GET', '/lcs/dpd/points/{id}')).toMatchObject({ group: 'Dpd-service', tag: 'Dpd', summary: 'Get servicepoint' });
	});

	it('reads two equal headings as a group and its tag when the next endpoint carries no label (Usage)', () => {
		expect(endpoint('GET', '/iam/records')).toMatchObject({ group: 'Usage', tag: 'Usage' });
		expect(endpoint('GET', '/iam/records/export')).toMatchObject({ group: 'Usage', tag: 'Usage' });
	});

	it("passes over a tag's multi-line description (Profile)", () => {
		expect(endpoint('PUT', '/iam/profiles/{path}/announce')).toMatchObject({
			group: 'Profielen',
			tag: 'Profile',
			summary: 'Upsert new a profile definition',
			description: 'Announce an new profile',
		});
	});

	it('refuses a tag label that is not the tag it sits in', () => {
		expect(() => extractAfostoSpec(referenceWith('}\n\nExport records\n', '}\nRecords\n\nExport records\n'))).toThrow(
			'tag label "Records" outside tag "Usage"',
		);
	});

	it('refuses more headings above an endpoint than a group, a tag and a label', () => {
		expect(() => extractAfostoSpec(referenceWith('Content\n\nBarcode\n', 'Content\n\nImages\n\nBarcode\n'))).toThrow(
			'unexpected headings Content, Images, Barcode',
		);
	});
});

describe('the extractor, on the re-printed Meilisearch group', () => {
	const reprints = spec.endpoints.filter((candidate) => candidate.duplicateOf !== undefined);

	it('keeps each re-print in its place, pointing at its first print and named after it with the group appended', () => {
		expect(reprints.map((reprint) => [reprint.id, reprint.duplicateOf, reprint.group, reprint.tag])).toEqual([
			['getCntProxiesMeilisearch', 'getCntProxies', 'Meilisearch', 'Proxy'],
			['postCntSearchMeilisearch', 'postCntSearch', 'Meilisearch', 'Index'],
			['postCntInstantIndexesByIdSearchMeilisearch', 'postCntInstantIndexesByIdSearch', 'Meilisearch', 'Index'],
		]);
		const ids = spec.endpoints.map((candidate) => candidate.id);
		expect(ids.indexOf('getCntProxiesMeilisearch')).toBe(ids.indexOf('postCntInstantIndexesByIdSearch') + 1);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('reads a re-print word for word as its first print', () => {
		for (const reprint of reprints) {
			const original = spec.endpoints.find((candidate) => candidate.id === reprint.duplicateOf);
			const { id, group, duplicateOf, ...content } = reprint;
			expect(original).toEqual({ ...content, id: duplicateOf, group: 'Content' });
			expect(id).not.toBe(duplicateOf);
		}
	});

	it('refuses two endpoints whose ids would be the same', () => {
		expect(() => extractAfostoSpec(referenceWith('GET /cnt/gif/transform', 'GET /cnt/barcode/'))).toThrow('duplicate endpoint id getCntBarcode');
	});
});

describe('the extractor, on parameters', () => {
	it('reads name, location, type and description, requiring path and formData parameters only', () => {
		expect(endpoint('POST', '/cnt/files/upload/{signature}').parameters).toEqual([
			{ name: 'signature', in: 'path', type: 'string', required: true, description: '' },
			{ name: 'file', in: 'formData', type: 'file', required: true, description: '' },
		]);
		expect(parameter('GET', '/cnt/barcode', 'w')).toEqual({
			name: 'w',
			in: 'query',
			type: 'integer',
			required: false,
			description: 'Width of the barcode in pixels',
		});
	});

	it('gives an enum parameter its exact values', () => {
		expect(parameter('GET', '/cnt/barcode', 't')).toEqual({
			name: 't',
			in: 'query',
			type: 'string',
			required: false,
			enum: ['ean', 'code_128', 'code_39', 'code_93', 'qr'],
			description: 'Type of barcode',
		});
	});

	it('splits an enum from the default printed after its last value, both typed as the parameter is', () => {
		expect(parameter('GET', '/iam/jwt/revoke', 'tokens')).toMatchObject({ enum: ['current', 'jwt', 'all'], default: 'current' });
		expect(parameter('GET', '/iam/users', 'is_deleted')).toMatchObject({ type: 'integer', enum: [1, 0], default: 0 });
		expect(parameter('GET', '/int/apps/integrations', 'is_deleted')).toMatchObject({ type: 'string', enum: ['1', '0'], default: '0' });
		expect(parameter('POST', '/cnt/instant/indexes/{id}/search', 'Accept')).toMatchObject({
			in: 'header',
			enum: ['application/json', 'application/vnd.instantsearch+json'],
			default: 'application/json',
		});
	});

	it('reads a single value after the type as a default, not as a one-value enum', () => {
		expect(parameter('GET', '/int/apps/store', 'x-page')).toEqual({
			name: 'x-page',
			in: 'header',
			type: 'integer',
			required: false,
			default: 1,
			description: '',
		});
		expect(parameter('GET', '/cat/vat', 'x-page')).toEqual({
			name: 'x-page',
			in: 'header',
			type: 'string',
			required: false,
			default: '1',
			description: 'the requested page id',
		});
	});

	it('gives a parameter one description paragraph; the paragraph after it is the success response whose "200 OK" label is missing', () => {
		expect(parameter('GET', '/iam/jwt/revoke', 'tokens').description).toBe(
			'Current (default value) will revoke only the token that is passed as Authorization header.',
		);
		expect(endpoint('GET', '/iam/jwt/revoke').response).toMatchObject({ kind: 'json-object', status: 200 });
		expect(parameter('GET', '/iam/records/export', 'from')).toMatchObject({ format: 'date-time', description: '' });
		// Nothing but the unlabelled paragraph tells this answer's status.
		expect(endpoint('GET', '/iam/records/export').response).toEqual({ kind: 'binary', status: 200, contentType: 'text/csv', headers: [], paging: null });
	});

	it('refuses an endpoint with two unlabelled paragraphs, which it could not tell apart', () => {
		expect(() => extractAfostoSpec(referenceWith('List configuration\n', 'List configuration\n\nA stray paragraph\n'))).toThrow(
			'more than one unlabelled paragraph: List configuration | A stray paragraph',
		);
	});
});

describe('the extractor, on request bodies', () => {
	it('names the definition whose example the Request Example is, and takes its fields from that definition', () => {
		const signature = endpoint('POST', '/cnt/files/signature');
		expect(signature.description).toBe('Returns a new upload signature');
		expect(signature.body).toMatchObject({ kind: 'object', schema: 'CntUploadRequest' });
		expect(signature.body?.fields).toEqual([
			{ name: 'is_public', type: 'boolean', required: false },
			{ name: 'path', type: 'string', required: false },
			{ name: 'is_listed', type: 'boolean', required: false },
			{ name: 'method', type: 'string', required: false, enum: ['resolve', 'strict', 'upsert'], default: 'strict' },
			{ name: 'metadata', type: 'object', required: false },
		]);
		expect(endpoint('POST', '/iam/jwt/validate').body?.schema).toBe('IamValidationRequest');
	});

	it('reads the paragraph after a body\'s description as the success response whose "200 OK" label is missing', () => {
		// "undefined" (the body's description) and "The signature data" would otherwise be two unlabelled paragraphs.
		expect(endpoint('POST', '/cnt/files/signature').response).toEqual({
			kind: 'json-object',
			status: 200,
			contentType: 'application/json',
			headers: [],
			paging: null,
		});
	});

	it("settles an example shared by several definitions on the one named after the path's service, else names none", () => {
		expect(endpoint('POST', '/mes/conversations/search').body?.schema).toBe('MesSearch');
		expect(endpoint('POST', '/lcs/search/shipments').body).toMatchObject({
			schema: null,
			fields: [{ name: 'constraints', type: 'array', items: 'object', required: false }],
		});
	});

	it('reads the top-level fields of an inline body schema, leaving nested item fields to the example', () => {
		const body = endpoint('PUT', '/odr/orders/{id}/flow').body;
		expect(body?.example).toEqual({ code: 'approval', actions: [{ code: 'manager_approve', is_handled: true }] });
		expect(body?.fields).toEqual([
			{ name: 'code', type: 'string', required: false },
			{ name: 'actions', type: 'array', items: 'object', required: false },
		]);
	});

	it("keeps an inline body's defaults, description paragraphs and arrays of a definition", () => {
		expect(endpoint('PUT', '/lcs/bulk/items').body?.fields).toEqual([
			{ name: 'command', type: 'string', required: false, default: 'set_parameters' },
			{ name: 'parameters', type: 'object', required: false, description: 'possible keys are: [position], [parcel_id], [is_handled]' },
			{ name: 'constraints', type: 'array', items: 'object', ref: 'LcsItemSearchConstraint', required: false },
		]);
	});

	it("reads the enum on an array field's item line", () => {
		expect(endpoint('POST', '/iam/purges').body?.fields).toEqual([
			{ name: 'domains', type: 'array', items: 'string', required: false, enum: ['rel:contacts', 'rel:addresses', 'odr:orders'] },
		]);
	});

	it('keeps an inline body schema printed right above the first parameter apart from the parameters', () => {
		const read = endpoint('GET', '/cnt/filesystems/storages/{id}/read');
		expect(read.parameters.map((declared) => `${declared.in} ${declared.name}`)).toEqual(['path id', 'query path']);
		expect(read.body?.fields).toEqual([{ name: 'path', type: 'string', required: false }]);
	});

	it('reads an array body: its item schema from the item line, else its item type from the example', () => {
		expect(endpoint('PUT', '/cat/groups/{id}/prices').body).toMatchObject({ kind: 'array', items: 'object', schema: 'CatNewPrice' });
		expect(endpoint('PUT', '/cat/groups/{id}/prices').body?.fields.map((field) => field.name)).toEqual(['sku', 'amount', 'active_at']);
		expect(endpoint('PUT', '/odr/orders/{id}/tags').body).toEqual({ kind: 'array', items: 'string', example: ['string'], schema: null, fields: [] });
		expect(endpoint('PUT', '/cat/vat/products').body).toMatchObject({
			kind: 'array',
			items: 'object',
			schema: null,
			fields: [
				{ name: 'sku', type: 'string', required: false },
				{ name: 'rates', type: 'array', items: 'object', required: false },
			],
		});
	});

	it('reads a Request Example that is a bare JSON value', () => {
		expect(endpoint('PUT', '/iam/profiles/{path}/announce').body).toEqual({ kind: 'object', example: 'object', schema: null, fields: [] });
	});

	it('refuses a body schema without a Request Example', () => {
		const requestExample = '{\n  "code": "approval",\n  "actions": [\n    {\n      "code": "manager_approve",\n      "is_handled": true\n    }\n  ]\n}\n';
		expect(() => extractAfostoSpec(referenceWith(`Request Example\n${requestExample}`, ''))).toThrow('body schema without a Request Example');
	});
});

describe('the extractor, on responses', () => {
	it('answers with a binary of the declared content type when none of the declared types is JSON', () => {
		expect(endpoint('GET', '/cnt/barcode').response).toEqual({ kind: 'binary', status: 200, contentType: 'image/png', headers: [], paging: null });
	});

	it('answers with a binary of the type its content-type response header names when the response is a file', () => {
		expect(endpoint('GET', '/cnt/filesystems/storages/{id}/read').response).toEqual({
			kind: 'binary',
			status: 200,
			contentType: 'application/octet-stream',
			headers: ['content-type'],
			paging: null,
		});
	});

	it('answers with a binary of no named type for the two responses only their descriptions call a file (inline PDF, transcoded GIF)', () => {
		expect(endpoint('POST', '/cnt/html/inline').response).toEqual({ kind: 'binary', status: 200, headers: [], paging: null });
		expect(endpoint('GET', '/cnt/gif/transform').response).toEqual({ kind: 'binary', status: 206, headers: [], paging: null });
	});

	it('answers with nothing but headers when there is no success example, x-task-id naming the background task started', () => {
		expect(endpoint('PUT', '/cnt/batches/{id}/validate').response).toEqual({ kind: 'empty', status: 200, headers: ['x-task-id'], paging: null });
		expect(endpoint('POST', '/odr/orders/{id}/allocate').response).toEqual({ kind: 'empty', status: 202, headers: ['x-task-id'], paging: null });
		expect(endpoint('PUT', '/odr/orders/{id}/flow').response).toEqual({ kind: 'empty', status: 204, headers: [], paging: null });
	});

	it('answers with a JSON list or object after the success example, in the first declared content type', () => {
		expect(endpoint('GET', '/lcs/dpd/points').response).toMatchObject({ kind: 'json-list', contentType: 'application/json' });
		expect(endpoint('GET', '/lcs/dpd/points/{id}').response).toMatchObject({ kind: 'json-object', contentType: 'application/json' });
		expect(endpoint('PUT', '/iam/profiles/{path}/announce').response).toMatchObject({ kind: 'json-object', status: 200 });
	});

	it('pages a list through the x-page request header and the x-page response header', () => {
		expect(endpoint('GET', '/int/apps/store').response).toEqual({
			kind: 'json-list',
			status: 200,
			contentType: 'application/json',
			headers: ['x-page'],
			paging: 'header-cursor',
		});
		expect(endpoint('GET', '/iam/users').response.paging).toBe('header-cursor');
	});

	it('pages nothing by an x-page response header alone, without the x-page request header', () => {
		expect(endpoint('POST', '/cnt/files/upload/{signature}').response).toMatchObject({ kind: 'json-list', headers: ['x-page'], paging: null });
	});

	it('pages a search by the cursor pair in its bodies (page_cursor in, next_page_cursor out) even though it also takes x-page', () => {
		expect(endpoint('POST', '/cnt/search').response).toEqual({
			kind: 'json-object',
			status: 200,
			contentType: 'application/json',
			headers: ['x-page', 'x-count'],
			paging: 'body-cursor',
		});
	});

	it('pages offset and limit in the body by offset, unless the list also takes x-page', () => {
		expect(endpoint('POST', '/cnt/instant/indexes/{id}/search').response.paging).toBe('offset');
		expect(endpoint('POST', '/iam/logging/logs').response).toMatchObject({ kind: 'json-list', paging: 'header-cursor' });
	});

	it('refuses response headers that are not name, description and type triples', () => {
		expect(() => extractAfostoSpec(referenceWith('x-task-id\n\nReference to backend task\n\nstring\n', 'x-task-id\n\nReference to backend task\n'))).toThrow(
			'response headers are not name/description/type triples',
		);
	});
});

describe('the extractor, on schema definitions', () => {
	it("keeps every definition, in the reference's order", () => {
		expect(Object.keys(spec.definitions)).toEqual([
			'Error',
			'MesConversation',
			'MesMessage',
			'MesMetadata',
			'MesSearchConstraint',
			'MesSearch',
			'CntUploadRequest',
			'CntWatcher',
			'CatNewPrice',
			'IamValidationRequest',
			'IamValidationResponse',
			'LcsShipmentSearch',
			'LcsItemSearch',
			'LcsItemSearchConstraint',
			'LcsPoint',
			'LcsPoints',
			'LcsDPDServicePoint',
			'WmsAddAvailableSkuRequest',
			'OdrPhonenumberSet',
			'OdrPhonenumber',
		]);
	});

	it('resolves references, arrays of a definition, enums and formats', () => {
		expect(spec.definitions.MesConversation).toEqual({
			type: 'object',
			required: [],
			properties: {
				id: { type: 'string' },
				event: { type: 'string', enum: ['update', 'memo'] },
				messages: { type: 'array', items: 'object', ref: 'MesMessage' },
				metadata: { type: 'object', ref: 'MesMetadata' },
				started_at: { type: 'string', format: 'date-time' },
			},
		});
	});

	it('reads typed defaults, item formats and description paragraphs, and a property printed after a paragraph stays a property', () => {
		expect(spec.definitions.CntWatcher.properties).toEqual({
			id: { type: 'string', format: 'uuid' },
			tags: { type: 'array', items: 'string', itemFormat: 'uuid' },
			is_ready: { type: 'boolean', default: false },
			retries: { type: 'integer', default: 3, description: 'How many times a failing run is retried' },
			config: { type: 'object' },
		});
		expect(spec.definitions.MesSearchConstraint.properties.operator).toEqual({ type: 'string', default: 'in' });
		expect(spec.definitions.config).toBeUndefined();
	});

	it("leaves out the properties of array items, printed flat after their array, as the example's top-level keys do", () => {
		expect(spec.definitions.LcsDPDServicePoint.properties).toEqual({
			parcelShopId: { type: 'number' },
			city: { type: 'string' },
			openingHours: { type: 'array', items: 'object' },
			services: { type: 'array', items: 'object' },
		});
	});

	it('types a definition whose heading prints no type by its example', () => {
		expect(spec.definitions.IamValidationRequest).toEqual({ type: 'object', required: [], properties: { otp: { type: 'string' } } });
	});

	it('reads the item type of an array definition', () => {
		expect(spec.definitions.LcsPoints).toEqual({
			type: 'array',
			items: 'object',
			required: [],
			properties: { distance: { type: 'number' }, point: { type: 'object', ref: 'LcsPoint' } },
		});
		expect(spec.definitions.WmsAddAvailableSkuRequest).toEqual({ type: 'array', items: 'string', required: [], properties: {} });
	});

	it('takes the properties of a definition that prints only its example from the example, placeholders and references included', () => {
		expect(spec.definitions.MesSearch.properties).toEqual({ constraints: { type: 'array', items: 'object' } });
		expect(spec.definitions.OdrPhonenumberSet.properties).toEqual({
			primary: { type: 'object' },
			secondary: { type: 'array', items: 'object', ref: 'OdrPhonenumber' },
			spending_limit: { type: 'integer', format: 'int64' },
			from: { type: 'object', ref: 'LcsPoint' },
			count: { type: 'integer' },
			ratio: { type: 'number' },
			is_primary: { type: 'boolean' },
			label: { type: 'string' },
		});
	});

	it('keeps no properties for a definition whose example is a bare value', () => {
		expect(spec.definitions.MesMetadata).toEqual({ type: 'object', required: [], properties: {} });
	});

	it('refuses a definition printed twice, or without its Example', () => {
		expect(() => extractAfostoSpec(`${reference}\nLcsPoint: object\n\nid: string\nExample\n{\n  "id": "string"\n}\n`)).toThrow(
			'definition LcsPoint is printed twice',
		);
		expect(() => extractAfostoSpec(referenceWith('number: string\nExample\n', 'number: string\n'))).toThrow('definition OdrPhonenumber has no Example');
	});
});

describe('the extractor, on the reference as a whole', () => {
	it("records the file the reference came in and Afosto's one base URL", () => {
		expect(spec.source).toBe('Afosto API reference');
		expect(spec.baseUrl).toBe('https://api.afosto.io');
	});

	it('reads the same spec from Windows line endings', () => {
		expect(extractAfostoSpec(reference.replace(/\n/g, '\r\n'))).toEqual(spec);
	});

	it('refuses a text without a scopes list or without schema definitions', () => {
		expect(() => extractAfostoSpec(referenceWith('\nscopes\n', '\nscope list\n'))).toThrow('the reference has no scopes list');
		expect(() => extractAfostoSpec(referenceWith('Schema Definitions\n', 'Definitions\n'))).toThrow('the reference has no "Schema Definitions" section');
	});
});

describe('npm run spec:extract', () => {
	it('prints its usage and fails when no path to the Afosto API reference is given', () => {
		const run = spawnSync(process.execPath, [join(__dirname, '..', 'generator', 'extractSpec.js')], { encoding: 'utf8' });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('usage: npm run spec:extract -- <path to the Afosto API reference text>');
		expect(run.stdout).toBe('');
	});
});
