import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { environmentFields } from './shared/partnerEnvironment';

/**
 * The only host the bolttech Catalog API (v4.1) and Verify IMEI (v4) document shows (its cURL
 * examples): a release-candidate host. bolttech gives partners their production host.
 */
export const bolttechEnvironment: INodeProperties[] = environmentFields('bolttech', [
	{ name: 'Release Candidate (api.rc.saas.bolttech.asia)', url: 'https://api.rc.saas.bolttech.asia', description: "bolttech's release-candidate host, the one its documentation shows; not production" },
]);

/**
 * bolttech documents no read-only "who am I" call. The cheapest call without side effects is a
 * basic IMEI verification of the document's own sample IMEI with every check switched off: it reads
 * nothing about real customers and changes nothing, and it fails with 401/403 on a bad token.
 */
export const bolttechCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{ $credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "") }}',
		url: '/v4/verify/imei',
		method: 'POST',
		body: {
			imei: '861248007147070',
			verificationLevel: 'basic',
			checkBlacklist: false,
			checkStolen: false,
			checkAuthenticity: false,
		},
	},
};
