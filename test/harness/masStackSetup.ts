import { masStackContract } from '../../sandbox/contracts/masStack';
import { OAUTH_ISSUED_TOKEN } from '../../sandbox/contracts/oauthTokenRoute';
import { useContractServer } from './useContractServer';

export const MASSTACK_TOKEN = 'masstack-test-token-41d7';

/** A MasStack contract server for one test file, and credentials that point at it. */
export function useMasStackServer() {
	const server = useContractServer(masStackContract, [MASSTACK_TOKEN, OAUTH_ISSUED_TOKEN]);
	return {
		server,
		tokenCredentials: () => ({ masStackApi: { baseUrl: server.url, accessToken: MASSTACK_TOKEN } }),
	};
}
