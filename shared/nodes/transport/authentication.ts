import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	INodeProperties,
} from 'n8n-workflow';

export type PartnerAuthentication = 'accessToken' | 'oAuth2';

/** The credential type of a partner's chosen kind, as named in credentials/: `<partner>Api`, `<partner>OAuth2Api`. */
export function partnerCredentialType(partner: 'afosto' | 'bolttech' | 'masStack', authentication: PartnerAuthentication): string {
	return authentication === 'oAuth2' ? `${partner}OAuth2Api` : `${partner}Api`;
}

/**
 * The credential type the node's Authentication picks, for code that sends a request itself.
 * Authentication is a setting of the node, not of an item: a programmatic run reads it at item 0.
 */
export function chosenCredentialType(
	context: IExecuteFunctions | IExecuteSingleFunctions | IHookFunctions | ILoadOptionsFunctions,
	partner: 'afosto' | 'bolttech' | 'masStack',
): string {
	const authentication =
		'getItemIndex' in context || !('getInputData' in context)
			? (context as IExecuteSingleFunctions | IHookFunctions | ILoadOptionsFunctions).getNodeParameter('authentication', 'accessToken')
			: (context as IExecuteFunctions).getNodeParameter('authentication', 0, 'accessToken');
	return partnerCredentialType(partner, authentication as PartnerAuthentication);
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
