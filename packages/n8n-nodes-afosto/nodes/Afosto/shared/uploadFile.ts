import { randomBytes } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { chosenCredentialType } from '../../shared/transport/authentication';
import { invalidInput } from '../../shared/validation/invalidInput';
import { parseJsonObject } from '../../shared/validation/jsonObjectParameter';
import { asNodeError } from '../../shared/transport/partnerError';
import { sendPartnerRequest } from '../../shared/transport/partnerRequest';
import { fillPath } from '../../shared/transport/requestPath';

/** The signature, Afosto's or the user's, is a path segment: the one path builder refuses `.`, `..` and empty. */
const UPLOAD_PATH = {
	signature: { parameter: 'signature', displayName: 'Signature', fix: 'Give the signature Afosto returned for POST /cnt/files/signature, or leave it empty to ask for one.' },
};

/** The fields of "Upload a File": a binary input, and what the signature request may say. */
export function uploadFileFields(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The binary field of the input item that holds the file',
			displayOptions: { show },
		},
		{
			displayName: 'Upload Options',
			name: 'uploadOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{ displayName: 'Listed', name: 'isListed', type: 'boolean', default: true, description: 'Whether the file shows in listings' },
				{ displayName: 'Metadata', name: 'metadata', type: 'json', default: '{}', description: 'Metadata to store with the file, as a JSON object' },
				{
					displayName: 'Method',
					name: 'method',
					type: 'options',
					options: [
						{ name: 'Create or Update', value: 'upsert' },
						{ name: 'Resolve', value: 'resolve' },
						{ name: 'Strict', value: 'strict' },
					],
					default: 'strict',
					description: 'What Afosto does when a file already exists at the path',
				},
				{ displayName: 'Path', name: 'path', type: 'string', default: '', placeholder: '/uploads/invoices', description: 'The directory to put the file in' },
				{ displayName: 'Public', name: 'isPublic', type: 'boolean', default: false, description: 'Whether the file is publicly readable' },
				{
					displayName: 'Signature',
					name: 'signature',
					type: 'string',
					default: '',
					description: 'An upload signature you already have; the node then skips asking for one',
				},
			],
		},
	];
}

/** A multipart/form-data body with one file part, as the upload endpoint takes it. */
function multipartFile(field: string, fileName: string, mimeType: string, content: Buffer) {
	const boundary = `----n8nAfosto${randomBytes(12).toString('hex')}`;
	const safeName = fileName.replace(/["\r\n]/g, '_');
	const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

async function uploadOne(context: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<IDataObject[]> {
	const propertyName = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const item = context.getInputData()[itemIndex];
	if (!item.binary?.[propertyName]) {
		throw invalidInput(
			context.getNode(),
			itemIndex,
			'Input Binary Field',
			`"${propertyName}" is not a binary field of the item`,
			`The item has ${Object.keys(item.binary ?? {}).join(', ') || 'no binary fields'}; name the one that holds the file.`,
		);
	}
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	const content = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	const options = context.getNodeParameter('uploadOptions', itemIndex, {}) as IDataObject;

	// The Afosto API reference: an upload is two steps, a signature (POST /cnt/files/signature), then the file.
	let signature = String(options.signature ?? '').trim();
	if (!signature) {
		const request: IDataObject = {};
		if (options.path) request.path = options.path;
		if (options.isPublic !== undefined) request.is_public = options.isPublic;
		if (options.isListed !== undefined) request.is_listed = options.isListed;
		if (options.method) request.method = options.method;
		if (options.metadata !== undefined) request.metadata = parseJsonObject(context.getNode(), itemIndex, options.metadata, 'Metadata', '{"invoice": "2026-0001"}');
		const answer = await sendPartnerRequest(context, { partner: 'Afosto', credentialType, method: 'POST', path: '/cnt/files/signature', body: request, itemIndex });
		signature = String((answer.body as IDataObject)?.signature ?? '');
		if (!signature) throw new NodeOperationError(context.getNode(), 'Afosto answered the signature request without a signature', { itemIndex });
	}

	const multipart = multipartFile('file', binary.fileName ?? propertyName, binary.mimeType || 'application/octet-stream', content);
	const uploaded = await sendPartnerRequest(context, {
		partner: 'Afosto',
		credentialType,
		method: 'POST',
		path: fillPath('/cnt/files/upload/{signature}', UPLOAD_PATH, () => signature, context.getNode(), itemIndex),
		body: multipart.body,
		headers: { 'Content-Type': multipart.contentType },
		itemIndex,
	});
	const files = uploaded.body;
	return Array.isArray(files) ? (files as IDataObject[]) : [files as IDataObject];
}

/** "Upload a File" (custom operation): each item's binary file, signed and uploaded. */
export async function uploadFileFromBinary(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const credentialType = chosenCredentialType(this, 'afosto');
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			for (const file of await uploadOne(this, itemIndex, credentialType)) output.push({ json: file, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = asNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push({ json: { error: failure.message, description: failure.description ?? null }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
