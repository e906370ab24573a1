import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * The credential type that holds a callback secret (credentials/TelcoPartnersCallbackSecretApi).
 * The triggers name it in their `credentials`, shown for Authentication: Callback Secret and tested
 * by `checkCallbackSecret`.
 */
export const CALLBACK_SECRET_CREDENTIAL = 'telcoPartnersCallbackSecretApi';

/** An HTTP header name (RFC 9110's token); a query parameter name may be anything but empty. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The credential test of the Callback Secret credential (the triggers' `checkCallbackSecret`):
 * there is no partner to ask, so it checks that a secret is set and that the name it is carried
 * under can be one.
 */
export async function checkCallbackSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	if (typeof data.secret !== 'string' || !data.secret) return { status: 'Error', message: 'The secret is empty' };
	if (data.location === 'header') {
		const headerName = String(data.headerName ?? '');
		if (!HEADER_NAME.test(headerName)) return { status: 'Error', message: `"${headerName}" cannot be a header name` };
		return { status: 'OK', message: `Callbacks must carry the secret in the ${headerName} header` };
	}
	const parameterName = String(data.queryParameterName ?? '');
	if (!parameterName.trim()) return { status: 'Error', message: 'The query parameter name is empty' };
	return { status: 'OK', message: `Callback URLs must end in ?${parameterName}=<the secret>` };
}

/**
 * The partners sign nothing and document no secret: the shared secret is something the user puts
 * into the callback URL they hand out (query parameter) or agrees with the partner as a header.
 * It lives in a credential. The `sharedSecret` parameter of earlier versions is still honoured
 * when a saved workflow has it; node parameters are saved with every execution, so the editor
 * shows a notice to move it while it is set, and drops it once a credential is chosen.
 */
export const callbackSecretFields: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Callback Secret', value: 'callbackSecret', description: 'Only callbacks carrying the credential\'s secret start the workflow' },
			{ name: 'None', value: 'none', description: 'Every callback to this node\'s URLs starts the workflow' },
		],
		default: 'none',
	},
	{
		displayName:
			'This Shared Secret is stored in the workflow\'s parameters, so every saved execution holds it in clear text. Create a "Telco Partners Callback Secret API" credential with the same secret and location and choose Authentication: Callback Secret; the Shared Secret is then removed from the workflow. Until then it is still checked.',
		name: 'sharedSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] }, hide: { sharedSecret: [''] } },
	},
	{
		displayName: 'Shared Secret (Deprecated)',
		name: 'sharedSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Kept for workflows saved before the Callback Secret credential; use Authentication: Callback Secret instead. A secret here is saved in clear text with every execution.',
		// Not shown once a credential is chosen, so n8n drops it from the saved workflow then.
		displayOptions: { show: { authentication: ['none'] } },
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
		displayOptions: { show: { authentication: ['none'] }, hide: { sharedSecret: [''] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Callback-Secret',
		displayOptions: { show: { authentication: ['none'], secretLocation: ['header'] }, hide: { sharedSecret: [''] } },
	},
];

/** Where a callback must carry which secret. */
interface ExpectedSecret {
	secret: string;
	location: 'header' | 'query';
	/** The header or query parameter name. */
	name: string;
}

/** The secret the node expects: the credential's, else the deprecated parameter's, else none. */
async function expectedSecretOf(context: IWebhookFunctions): Promise<ExpectedSecret | undefined> {
	if (context.getNodeParameter('authentication', 'none') === 'callbackSecret') {
		const credential = await context.getCredentials<IDataObject>(CALLBACK_SECRET_CREDENTIAL);
		const location = credential.location === 'header' ? 'header' : 'query';
		const name = String((location === 'header' ? credential.headerName : credential.queryParameterName) ?? '');
		return { secret: String(credential.secret ?? ''), location, name: name || (location === 'header' ? 'X-Callback-Secret' : 'secret') };
	}
	const secret = context.getNodeParameter('sharedSecret', '') as string;
	if (!secret) return undefined;
	const location = context.getNodeParameter('secretLocation', 'query') === 'header' ? 'header' : 'query';
	const name = location === 'header' ? (context.getNodeParameter('headerName', 'X-Callback-Secret') as string) : 'secret';
	return { secret, location, name };
}

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
export async function wrongSecretReason(context: IWebhookFunctions): Promise<string | undefined> {
	const expected = await expectedSecretOf(context);
	if (!expected) return undefined;
	// A credential saved without a secret would let every callback through: refuse them all instead.
	if (!expected.secret) return 'The Callback Secret credential has no secret';
	const given =
		expected.location === 'header'
			? context.getHeaderData()[expected.name.toLowerCase()]
			: (context.getQueryData() as IDataObject)[expected.name];
	if (typeof given !== 'string' || !given) return 'The callback carries no shared secret';
	return secretsMatch(given, expected.secret) ? undefined : 'The shared secret does not match';
}

/** The callback's body if it is a JSON object, else undefined. */
export function jsonObjectBody(context: IWebhookFunctions): IDataObject | undefined {
	const contentType = String(context.getHeaderData()['content-type'] ?? '');
	const body = context.getBodyData() as unknown;
	if (!contentType.includes('json')) return undefined;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	return body as IDataObject;
}

/** What the package's webhooks answer a callback they accepted. */
export const ACCEPTED_CALLBACK_ANSWER = { received: true };

/**
 * How the package's webhooks answer: at once (`onReceived`), after n8n has started the run, with
 * the webhook's `webhookResponse`. n8n answers an `onReceived` webhook with its description's
 * `responseData` when that is set, and left out it defaults to `firstEntryJson` (a setting for
 * answering after the last node), which it then sends as the literal text "firstEntryJson".
 * Empty, it falls through to `webhookResponse`.
 */
export const ANSWERED_ON_RECEIPT: Pick<IWebhookDescription, 'responseMode' | 'responseData'> = {
	responseMode: 'onReceived',
	responseData: '',
};

/** Starts a run with `items` (on the outputs given) and answers the partner `{"received": true}`. */
export function acceptCallback(outputs: INodeExecutionData[][]): IWebhookResponseData {
	return { workflowData: outputs, webhookResponse: ACCEPTED_CALLBACK_ANSWER };
}
