import type { DeclarativeRestApiSettings } from 'n8n-workflow';

import { LET_NODE_READ_ERROR_RESPONSES } from './partnerError';

/**
 * The request defaults of a partner's declarative node: the credential's base URL (a trailing
 * slash would double the paths' own), JSON both ways, and error responses handed to the node so
 * it can show the partner's own code and message.
 */
export const JSON_API_REQUEST_DEFAULTS: DeclarativeRestApiSettings.HttpRequestOptions = {
	baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	ignoreHttpStatusErrors: LET_NODE_READ_ERROR_RESPONSES,
};
