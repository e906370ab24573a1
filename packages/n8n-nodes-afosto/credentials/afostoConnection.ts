import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { environmentFields } from './shared/partnerEnvironment';

/** The Afosto API reference: "there is one address, and one address only you should use": https://api.afosto.io. */
export const afostoEnvironment: INodeProperties[] = environmentFields('Afosto', [
	{ name: 'Production (api.afosto.io)', url: 'https://api.afosto.io', description: 'The one address the Afosto API reference says to use' },
]);

/** Listing the available OAuth scopes reads nothing of the tenant's and changes nothing. */
export const afostoCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{ $credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "") }}',
		url: '/iam/oauth/scopes',
		method: 'GET',
	},
};
