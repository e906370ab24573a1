import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export type PartnerAuthentication = 'accessToken' | 'oAuth2';

/** The credential type of a partner's chosen kind, as named in credentials/: `<partner>Api`, `<partner>OAuth2Api`. */
export function partnerCredentialType(partner: 'afosto' | 'bolttech' | 'masStack', authentication: PartnerAuthentication): string {
	return authentication === 'oAuth2' ? `${partner}OAuth2Api` : `${partner}Api`;
}

/** A node's `credentials`: the partner's two kinds, each shown for its Authentication choice. */
export function partnerCredentials(partner: 'afosto' | 'bolttech' | 'masStack'): INodeCredentialDescription[] {
	return (['accessToken', 'oAuth2'] as const).map((authentication) => ({
		name: partnerCredentialType(partner, authentication),
		required: true,
		displayOptions: { show: { authentication: [authentication] } },
	}));
}

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
