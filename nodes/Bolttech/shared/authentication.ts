import type { PartnerAuthentication } from '../../shared/authentication';

export function bolttechCredentialType(authentication: PartnerAuthentication): string {
	return authentication === 'oAuth2' ? 'bolttechOAuth2Api' : 'bolttechApi';
}
