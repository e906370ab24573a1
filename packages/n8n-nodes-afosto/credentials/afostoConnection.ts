import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/** The Afosto API reference's base URL. */
export const AFOSTO_API_URL = 'https://api.afosto.io';

export const afostoBaseUrl: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: AFOSTO_API_URL,
	required: true,
	description: "Afosto's API, or the embedded sandbox (http://127.0.0.1:5680/afosto)",
};

/** Listing the available OAuth scopes reads nothing of the tenant's and changes nothing. */
export const afostoCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{ $credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "") }}',
		url: '/iam/oauth/scopes',
		method: 'GET',
	},
};
