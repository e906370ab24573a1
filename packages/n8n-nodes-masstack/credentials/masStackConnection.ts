import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { environmentFields } from './shared/partnerEnvironment';

/**
 * The only host the MasStack partner API v2 and v3 documents show (their cURL examples): a staging
 * host. MásMóvil gives partners their production host.
 */
export const masStackEnvironment: INodeProperties[] = environmentFields('MásMóvil', [
	{ name: 'Staging (partners.sta.masstack.com)', url: 'https://partners.sta.masstack.com', description: "MasStack's staging host, the one its partner API documentation shows; not production" },
]);

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
