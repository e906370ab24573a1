import { bolttechContract } from '../../sandbox/contracts/bolttech';
import { useContractServer } from './useContractServer';

export const BOLTTECH_TOKEN = 'test-token-8f2c';
/** What the contract's token route issues to OAuth2 clients. */
export const BOLTTECH_OAUTH_TOKEN = 'oauth-issued-token';

/** A bolttech contract server for one test file, and credentials that point at it. */
export function useBolttechServer() {
	const server = useContractServer(bolttechContract, [BOLTTECH_TOKEN, BOLTTECH_OAUTH_TOKEN]);
	return {
		server,
		tokenCredentials: () => ({ bolttechApi: { baseUrl: server.url, accessToken: BOLTTECH_TOKEN } }),
	};
}
