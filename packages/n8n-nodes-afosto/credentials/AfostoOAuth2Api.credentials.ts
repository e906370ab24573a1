import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { AFOSTO_SCOPES } from './afostoScopes';
import { BASE_URL_FROM_SELF } from './shared/partnerEnvironment';
import { afostoEnvironment, afostoCredentialTest } from './afostoConnection';

/**
 * The Afosto API reference: `POST /iam/oauth/authorize` issues tokens for `client_id`, `client_secret`,
 * `grant_type` and `scope`, so the client's credentials go in the body, to the API's own host.
 */
export class AfostoOAuth2Api implements ICredentialType {
	name = 'afostoOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Afosto OAuth2 API';

	icon = { light: 'file:../icons/afosto.svg', dark: 'file:../icons/afosto.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-telco-partners/n8n-nodes-telco-partners/tree/main/packages/n8n-nodes-afosto#credentials';

	properties: INodeProperties[] = [
		...afostoEnvironment,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${BASE_URL_FROM_SELF}.replace(/(?<!\\/)\\/+$/, "") }}/iam/oauth/authorize`,
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: AFOSTO_SCOPES.map((scope) => ({ name: scope, value: scope })),
			default: [],
			description: 'What the token may do, as service:resource:action; the Afosto API reference does not say which call needs which',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '={{ $self["scopes"].join(" ") }}' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];

	test: ICredentialTestRequest = afostoCredentialTest;
}
