import type { INodeExecutionData } from 'n8n-workflow';

import { useAfostoServer } from '../../../test/harness/afostoSetup';
import { runNode } from '../../../scripts/n8nCore/runNode';

const { server, tokenCredentials } = useAfostoServer();

const invoice = Buffer.from('%PDF-1.7 invoice 2026-0001');
const withInvoice = (): INodeExecutionData[] => [
	{
		json: { invoice: '2026-0001' },
		binary: { data: { data: invoice.toString('base64'), mimeType: 'application/pdf', fileName: 'invoice-2026-0001.pdf' } },
		pairedItem: { item: 0 },
	},
];
const upload = { resource: 'files', operation: 'postCntFilesUploadBySignature' };

describe('Afosto Content: Upload a File (the Afosto API reference: signature, then multipart file)', () => {
	it("asks for a signature with the options given, then sends the item's binary file as the multipart part `file`", async () => {
		const result = await runNode({
			type: 'afostoContent',
			parameters: { ...upload, uploadOptions: { path: '/invoices', isPublic: false, method: 'upsert', metadata: '{"invoice": "2026-0001"}' } },
			binaryItems: withInvoice(),
			credentials: tokenCredentials(),
		});

		expect(result.error).toBeUndefined();
		server.assertNoViolations();
		expect(server.requestsTo('postCntFilesSignature')[0].body).toEqual({
			path: '/invoices',
			is_public: false,
			method: 'upsert',
			metadata: { invoice: '2026-0001' },
		});
		const [sent] = server.requestsTo('postCntFilesUploadBySignature');
		expect(sent.path).toBe('/cnt/files/upload/upload-signature-1');
		expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(sent.body).toEqual({ file: { fileName: 'invoice-2026-0001.pdf', contentType: 'application/pdf', content: invoice.toString() } });
		expect(result.json).toEqual([{ id: 'file-1', filename: 'invoice-2026-0001.pdf', size: invoice.length }]);
	});

	it.each(['..', '.'])('refuses a signature %j from Afosto or from the user instead of uploading to a path it would change', async (signature) => {
		server.scriptNext('postCntFilesSignature', () => ({ status: 200, body: { signature } }));
		const fromAfosto = await runNode({ type: 'afostoContent', parameters: upload, binaryItems: withInvoice(), credentials: tokenCredentials() });
		const fromUser = await runNode({ type: 'afostoContent', parameters: { ...upload, uploadOptions: { signature } }, binaryItems: withInvoice(), credentials: tokenCredentials() });

		expect(fromAfosto.error?.message).toBe(`Item 0: "Signature" is "${signature}", which would change the path`);
		expect(fromUser.error?.message).toBe(`Item 0: "Signature" is "${signature}", which would change the path`);
		expect(server.requestsTo('postCntFilesUploadBySignature')).toHaveLength(0);
		expect(server.received.map((request) => request.path)).toEqual(['/cnt/files/signature']);
	});

	it('uses a signature the user already has, without asking for one', async () => {
		await runNode({ type: 'afostoContent', parameters: { ...upload, uploadOptions: { signature: 'mine-42' } }, binaryItems: withInvoice(), credentials: tokenCredentials() });

		expect(server.requestsTo('postCntFilesSignature')).toHaveLength(0);
		expect(server.requestsTo('postCntFilesUploadBySignature')[0].path).toBe('/cnt/files/upload/mine-42');
	});

	it('refuses an item without that binary field before sending, naming the field', async () => {
		const result = await runNode({ type: 'afostoContent', parameters: { ...upload, binaryPropertyName: 'attachment' }, binaryItems: withInvoice(), credentials: tokenCredentials() });

		expect(result.error?.message).toBe('Item 0: "Input Binary Field" "attachment" is not a binary field of the item');
		expect(server.received).toHaveLength(0);
	});

	it("reports Afosto's refusal of one item and goes on with the next under Continue On Fail", async () => {
		server.scriptNext('postCntFilesSignature', () => ({ status: 403, body: { code: 403, message: 'Forbidden', reference: 'r-1', errors: {} } }));

		const result = await runNode({
			type: 'afostoContent',
			parameters: upload,
			binaryItems: [...withInvoice(), { ...withInvoice()[0], pairedItem: { item: 1 } }],
			continueOnFail: true,
			credentials: tokenCredentials(),
		});

		expect(result.json).toEqual([
			{ error: 'Afosto answered 403: Forbidden', description: 'Reference: r-1' },
			{ id: 'file-1', filename: 'invoice-2026-0001.pdf', size: invoice.length },
		]);
	});
});
