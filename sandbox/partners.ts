import { bolttechContract } from '../test/contracts/bolttech';
import type { SandboxPartner } from './sandboxServer';

/** The tokens the sandbox accepts; `npm start` puts them into the credentials it creates. */
export const SANDBOX_TOKENS = {
	bolttech: 'sandbox-bolttech-token',
	/** What every sandbox OAuth2 token route issues. */
	oauth: 'oauth-issued-token',
};

export const SANDBOX_PARTNERS: SandboxPartner[] = [
	{ prefix: 'bolttech', contract: bolttechContract, bearerTokens: [SANDBOX_TOKENS.bolttech, SANDBOX_TOKENS.oauth] },
];
