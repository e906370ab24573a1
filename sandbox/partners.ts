import { AFOSTO_OAUTH_TOKEN, afostoContract } from './contracts/afosto';
import { bolttechContract } from './contracts/bolttech';
import { masStackContract } from './contracts/masStack';
import { OAUTH_ISSUED_TOKEN } from './contracts/oauthTokenRoute';
import type { SandboxPartner } from './sandboxServer';

/** The tokens the sandbox accepts; `npm start` puts them into the credentials it creates. */
export const SANDBOX_TOKENS = {
	afosto: 'sandbox-afosto-token',
	bolttech: 'sandbox-bolttech-token',
	masStack: 'sandbox-masstack-token',
	/** What every sandbox OAuth2 token route issues. */
	oauth: OAUTH_ISSUED_TOKEN,
};

export const SANDBOX_PARTNERS: SandboxPartner[] = [
	{ prefix: 'afosto', contract: afostoContract, bearerTokens: [SANDBOX_TOKENS.afosto, AFOSTO_OAUTH_TOKEN] },
	{ prefix: 'bolttech', contract: bolttechContract, bearerTokens: [SANDBOX_TOKENS.bolttech, SANDBOX_TOKENS.oauth] },
	{ prefix: 'masstack', contract: masStackContract, bearerTokens: [SANDBOX_TOKENS.masStack, SANDBOX_TOKENS.oauth] },
];
