import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/** The staging host of the MasStack partner API v3 and v2 documents' cURL examples. */
export const MASSTACK_STAGING_URL = 'https://partners.sta.masstack.com';

export const masStackBaseUrl: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: MASSTACK_STAGING_URL,
	required: true,
	description:
		"MasStack's staging host, your production host, or the embedded sandbox (http://127.0.0.1:5680/masstack)",
};

/**
 * MasStack has no "who am I" call. Reading the barrings of the MasStack partner API v2's example line is a read
 * without side effects: a good token gets 200, or 404 when that line is not one of this partner's;
 * a bad one gets 401/403. So every status but those (and server errors) proves the token.
 */
export const masStackCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{ $credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "") }}',
		url: '/v2/mobile/612123456/barrings',
		method: 'GET',
		ignoreHttpStatusErrors: { ignore: true, except: [400, 401, 403, 406, 500, 502, 503, 504] },
	},
};
