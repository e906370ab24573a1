import type { ContractRoute } from '../contractServer';

/** What every contract's token route issues to OAuth2 clients. */
export const OAUTH_ISSUED_TOKEN = 'oauth-issued-token';

/**
 * The OAuth2 client-credentials token endpoint a partner hands out with the client ID and secret
 * (no partner document describes one): client authentication in the Basic header, a form-encoded grant.
 */
export const oauthTokenRoute: ContractRoute = {
	name: 'oauthToken',
	method: 'POST',
	path: '/oauth/token',
	bodyEncoding: 'form',
	requiredHeaders: { authorization: /^Basic \S+$/ },
	body: {
		type: 'object',
		properties: { grant_type: { type: 'string', enum: ['client_credentials'] }, scope: { type: 'string' } },
		required: ['grant_type'],
	},
	respond: () => ({ status: 200, body: { access_token: OAUTH_ISSUED_TOKEN, token_type: 'Bearer', expires_in: 3600 } }),
};
