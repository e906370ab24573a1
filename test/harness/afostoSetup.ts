import { afostoContract } from '../../sandbox/contracts/afosto';
import { useContractServer } from './useContractServer';

export const AFOSTO_TOKEN = 'afosto-test-token';

/** An Afosto contract server for one test file, and credentials that point at it. */
export function useAfostoServer() {
	const server = useContractServer(afostoContract, [AFOSTO_TOKEN, 'afosto-oauth-issued-token']);
	return {
		server,
		tokenCredentials: () => ({ afostoApi: { baseUrl: server.url, accessToken: AFOSTO_TOKEN } }),
	};
}
