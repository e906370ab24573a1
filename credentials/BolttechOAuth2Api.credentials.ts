import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { bolttechBaseUrl, bolttechCredentialTest } from './bolttechConnection';

export class BolttechOAuth2Api implements ICredentialType {
	name = 'bolttechOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bolttech OAuth2 API';

	icon = { light: 'file:../icons/bolttech.svg', dark: 'file:../icons/bolttech.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners#bolttech-credentials';

	properties: INodeProperties[] = [
		bolttechBaseUrl,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://auth.example.com/oauth/token',
			description: 'The token endpoint bolttech gave you with your client ID and secret',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: 'Space-separated scopes, if bolttech assigned any to your client',
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

	test: ICredentialTestRequest = bolttechCredentialTest;
}
