import { ContractServer } from './contractServer';
import { bolttechContract } from '../contracts/bolttech';

export const BOLTTECH_TOKEN = 'test-token-8f2c';
/** What the contract's token route issues to OAuth2 clients. */
export const BOLTTECH_OAUTH_TOKEN = 'oauth-issued-token';

/** Starts a bolttech contract server for one test file and checks every request against it. */
export function useBolttechServer() {
	const server = new ContractServer(bolttechContract, [BOLTTECH_TOKEN, BOLTTECH_OAUTH_TOKEN]);
	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.stop();
	});
	beforeEach(() => server.reset());
	return {
		server,
		tokenCredentials: () => ({ bolttechApi: { baseUrl: server.url, accessToken: BOLTTECH_TOKEN } }),
	};
}
