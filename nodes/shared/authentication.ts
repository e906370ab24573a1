import type { INodeProperties } from 'n8n-workflow';

export type PartnerAuthentication = 'accessToken' | 'oAuth2';

/** Every node offers the partner's two credential kinds; this picks one. */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
	],
	default: 'accessToken',
};
