import type { INodeProperties } from 'n8n-workflow';

export type BolttechAuthentication = 'accessToken' | 'oAuth2';

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

export function bolttechCredentialType(authentication: BolttechAuthentication): string {
	return authentication === 'oAuth2' ? 'bolttechOAuth2Api' : 'bolttechApi';
}
