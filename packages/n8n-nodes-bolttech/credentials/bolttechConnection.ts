import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/** The release-candidate host of the bolttech Catalog API (v4.1) and Verify IMEI (v4)'s cURL examples. */
export const BOLTTECH_SANDBOX_URL = 'https://api.rc.saas.bolttech.asia';

export const bolttechBaseUrl: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: BOLTTECH_SANDBOX_URL,
	required: true,
	description:
		"bolttech's release-candidate host, your production host, or the embedded sandbox (http://127.0.0.1:5680/bolttech)",
};

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
