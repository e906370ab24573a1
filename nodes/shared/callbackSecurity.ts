import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * The partners sign nothing and document no secret: the shared secret is something the user puts
 * into the callback URL they hand out (query parameter) or agrees with the partner as a header.
 */
export const callbackSecretFields: INodeProperties[] = [
	{
		displayName: 'Shared Secret',
		name: 'sharedSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'When set, only callbacks carrying this secret start the workflow; others get 401. Leave empty to accept every callback.',
	},
	{
		displayName: 'Secret Location',
		name: 'secretLocation',
		type: 'options',
		options: [
			{ name: 'Header', value: 'header', description: 'The partner sends the secret in a header' },
			{
				name: 'Query Parameter',
				value: 'query',
				description: 'Add ?secret=… to the callback URL you give the partner',
			},
		],
		default: 'query',
		displayOptions: { hide: { sharedSecret: [''] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Callback-Secret',
		displayOptions: { show: { secretLocation: ['header'] }, hide: { sharedSecret: [''] } },
	},
];

/** Compares in constant time; hashing first makes both sides the same length. */
export function secretsMatch(given: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** Answers a callback with a 4xx and a JSON reason, and starts no workflow run. */
export function refuseCallback(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: reason });
	return { noWebhookResponse: true };
}

/** The reason to refuse a callback whose shared secret is missing or wrong, if any. */
export function wrongSecretReason(context: IWebhookFunctions): string | undefined {
	const expected = context.getNodeParameter('sharedSecret', '') as string;
	if (!expected) return undefined;
	let given: unknown;
	if (context.getNodeParameter('secretLocation', 'query') === 'header') {
		const headerName = (context.getNodeParameter('headerName', 'X-Callback-Secret') as string).toLowerCase();
		given = context.getHeaderData()[headerName];
	} else {
		given = (context.getQueryData() as IDataObject).secret;
	}
	if (typeof given !== 'string' || !given) return 'The callback carries no shared secret';
	return secretsMatch(given, expected) ? undefined : 'The shared secret does not match';
}

/** The callback's body if it is a JSON object, else undefined. */
export function jsonObjectBody(context: IWebhookFunctions): IDataObject | undefined {
	const contentType = String(context.getHeaderData()['content-type'] ?? '');
	const body = context.getBodyData() as unknown;
	if (!contentType.includes('json')) return undefined;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	return body as IDataObject;
}
