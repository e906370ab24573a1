import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

export function accessTokenField(issuer: string): INodeProperties {
	return {
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: `The bearer token ${issuer} issued to your partner account`,
	};
}

/**
 * Signs a request with the credential's access token. A function rather than a generic `={{ }}`
 * template: n8n evaluates a template on every request, which cost more than the request itself in
 * a 100,000-SKU price sync.
 */
export async function signWithBearerToken(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken as string}` };
	return requestOptions;
}
