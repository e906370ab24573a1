import { createHash, timingSafeEqual } from 'node:crypto';
import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { refuseCallback } from './callbackAnswers';

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

/** Where a callback must carry which secret. */
interface ExpectedSecret {
	secret: string;
	location: 'header' | 'query';
	/** The header or query parameter name. */
	name: string;
}

/**
 * The secret the node expects: the credential's (of the partner's Callback Secret type, which the
 * trigger names in its `credentials`), else the deprecated parameter's, else none.
 */
async function expectedSecretOf(context: IWebhookFunctions, credentialType: string): Promise<ExpectedSecret | undefined> {
	if (context.getNodeParameter('authentication', 'none') === 'callbackSecret') {
		const credential = await context.getCredentials<IDataObject>(credentialType);
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

/** The reason to refuse a callback whose shared secret is missing or wrong, if any. */
export async function wrongSecretReason(context: IWebhookFunctions, credentialType: string): Promise<string | undefined> {
	const expected = await expectedSecretOf(context, credentialType);
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

/**
 * Refuses a callback whose secret is missing or wrong the same way whatever the reason
 * (`401 {"error": "Unauthorized"}`), so an unauthenticated caller learns nothing about the secret or
 * the credential; the reason goes to n8n's log for whoever runs n8n.
 */
export function refuseUnauthorized(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	context.logger.warn(`${context.getNode().name} refused a callback: ${reason}`, { workflowId: context.getWorkflow().id });
	return refuseCallback(context, 401, 'Unauthorized');
}

/**
 * Activating a trigger with Authentication: Callback Secret needs a credential that holds a secret;
 * without one it would refuse every callback while the partner believes it delivered them.
 */
export async function requireCallbackSecret(context: IHookFunctions, credentialType: string): Promise<void> {
	if (context.getNodeParameter('authentication', 'none') !== 'callbackSecret') return;
	let secret: unknown;
	try {
		secret = (await context.getCredentials<IDataObject>(credentialType)).secret;
	} catch {
		secret = undefined;
	}
	if (typeof secret === 'string' && secret) return;
	throw new NodeOperationError(context.getNode(), 'This trigger needs a callback secret before it can be activated', {
		description:
			'Choose a Callback Secret credential that holds a secret under Authentication: Callback Secret, or set Authentication to None to accept every callback to this node\'s URLs.',
	});
}
