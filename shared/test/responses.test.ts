import type { INodeExecutionData } from 'n8n-workflow';

import type { ContractResponse } from '../../sandbox/contractServer';
import { useAfostoServer } from '../../test/harness/afostoSetup';
import { useBolttechServer } from '../../test/harness/bolttechSetup';
import { useMasStackServer } from '../../test/harness/masStackSetup';
import { runNode } from '../../scripts/n8nCore/runNode';

const afosto = useAfostoServer();
const masStack = useMasStackServer();
const bolttech = useBolttechServer();

/** A 2xx answer sent as it is, e.g. broken JSON or a proxy's HTML page. */
const raw = (status: number, text: string, contentType: string) => (): ContractResponse => ({
	status,
	body: Buffer.from(text),
	headers: { 'content-type': contentType },
});
const BROKEN_JSON = '{"id": "group-1", "name": "Retail", "prices": [';
const MAINTENANCE_PAGE = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>The upstream is down for maintenance.</p>'.repeat(20)}</body></html>`;

const getGroup = { resource: 'groups', operation: 'getCatGroupsById', id: 'group-1' };
const getBarrings = { resource: 'barring', operation: 'get', serviceType: 'mobile', serviceId: '612123456' };
const verifyImei = { resource: 'device', operation: 'verifyImei', imei: '861248007147070' };

describe('Answers that are not what the partner documents', () => {
	it('fails an Afosto operation answered 200 with broken JSON, showing the status and the start of the answer for the item', async () => {
		afosto.server.scriptNext('getCatGroupsById', raw(200, BROKEN_JSON, 'application/json'));

		const result = await runNode({ type: 'afostoCatalog', parameters: getGroup, credentials: afosto.tokenCredentials() });

		expect(result.error?.message).toBe('Item 0: Afosto answered 200 with text that is not JSON, not the JSON its documentation describes');
		expect(result.error?.description).toContain(`The answer begins: ${BROKEN_JSON}`);
		expect(result.json).toEqual([]);
	});

	it("fails a MasStack operation answered 200 with an HTML page instead of returning only the correlation id, showing the page's first 200 characters", async () => {
		masStack.server.scriptNext('getBarrings', raw(200, MAINTENANCE_PAGE, 'text/html'));

		const result = await runNode({ type: 'masStack', parameters: getBarrings, credentials: masStack.tokenCredentials() });

		expect(result.error?.message).toBe('Item 0: MasStack answered 200 with HTML, not the JSON its documentation describes');
		expect(result.error?.description).toContain(`The answer begins: ${MAINTENANCE_PAGE.slice(0, 200)}…`);
		expect(result.error?.description).not.toContain(MAINTENANCE_PAGE.slice(0, 201));
		expect(result.json).toEqual([]);
	});

	it('fails a bolttech operation answered 200 with broken JSON, and one answered 200 with no body, which bolttech never documents', async () => {
		bolttech.server.scriptNext('verifyImei', raw(200, '{"imei": "861248007147070", "verificationStatus": ', 'application/json'), () => ({ status: 200 }));

		const broken = await runNode({ type: 'bolttech', parameters: verifyImei, credentials: bolttech.tokenCredentials() });
		const empty = await runNode({ type: 'bolttech', parameters: verifyImei, credentials: bolttech.tokenCredentials() });

		expect(broken.error?.message).toBe('Item 0: bolttech answered 200 with text that is not JSON, not the JSON its documentation describes');
		expect(broken.error?.description).toContain('The answer begins: {"imei": "861248007147070", "verificationStatus": ');
		expect(empty.error?.message).toBe('Item 0: bolttech answered 200 with no body, not the JSON its documentation describes');
	});

	it('names the request when a programmatic operation (an Afosto upload) is answered 200 with HTML', async () => {
		afosto.server.scriptNext('postCntFilesUploadBySignature', raw(200, MAINTENANCE_PAGE, 'text/html'));
		const file: INodeExecutionData = {
			json: {},
			binary: { data: { data: Buffer.from('%PDF-1.7').toString('base64'), mimeType: 'application/pdf', fileName: 'invoice.pdf' } },
		};

		const result = await runNode({
			type: 'afostoContent',
			parameters: { resource: 'files', operation: 'postCntFilesUploadBySignature' },
			binaryItems: [file],
			credentials: afosto.tokenCredentials(),
		});

		expect(result.error?.message).toBe('Item 0: Afosto answered 200 with HTML, not the JSON its documentation describes');
		expect(result.error?.description).toMatch(/^POST \/cnt\/files\/upload\/upload-signature-1\. The answer begins: <!DOCTYPE html>/);
	});

	it('masks what looks like a token in the start of the answer it shows', async () => {
		masStack.server.scriptNext('getBarrings', raw(200, 'debug: Authorization: Bearer masstack-test-token-41d7 access_token=abc123', 'text/plain'));

		const result = await runNode({ type: 'masStack', parameters: getBarrings, credentials: masStack.tokenCredentials() });

		expect(result.error?.description).toContain('The answer begins: debug: Authorization: Bearer *** access_token=***');
		expect(result.error?.description).not.toContain('masstack-test-token-41d7');
	});

	it("keeps MasStack's documented empty 202 a success: the item says accepted, with its correlation id", async () => {
		const result = await runNode({
			type: 'masStack',
			parameters: { ...getBarrings, operation: 'update', barringName: 'ROAMING', active: true, callbackSuccessUrl: 'https://n8n.example.com/s', callbackErrorUrl: 'https://n8n.example.com/e' },
			credentials: masStack.tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		masStack.server.assertNoViolations();
		expect(result.json).toEqual([{ accepted: true, requestCorrelationId: expect.any(String) }]);
	});

	it("keeps Afosto's documented empty 204 a success", async () => {
		const result = await runNode({
			type: 'afostoCatalog',
			parameters: { resource: 'mapping', operation: 'putCatMapsCollectionsByIdKeys', id: 'collection-1' },
			credentials: afosto.tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		expect(afosto.server.requestsTo('putCatMapsCollectionsByIdKeys')).toHaveLength(1);
	});
});
