import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of an OAuth2 client-credentials credential that extends n8n's `oAuth2Api`: the grant
 * is fixed, there is no authorization URL, and the token endpoint is the one the partner hands out
 * with the client ID and secret (none of the partner documents describes it).
 */
export function clientCredentialsFields(partner: string): INodeProperties[] {
	return [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://auth.example.com/oauth/token',
			description: `The token endpoint ${partner} gave you with your client ID and secret`,
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: `Space-separated scopes, if ${partner} assigned any to your client`,
		},
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Send Client Credentials in Header', value: 'header' },
				{ name: 'Send Client Credentials in Body', value: 'body' },
			],
			default: 'header',
			description: 'How the client ID and secret reach the token endpoint',
		},
	];
}
