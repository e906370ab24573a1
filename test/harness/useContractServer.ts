import { ContractServer } from '../../sandbox/contractServer';
import type { PartnerContract } from '../../sandbox/contractServer';
import { logArrivedAfterEachTest } from './wireLog';

/**
 * Starts a partner's contract server for one test file (fresh request log per test) and stops it
 * afterwards. `bearerTokens` are the tokens the server accepts; any other gets the partner's 401.
 */
export function useContractServer(contract: PartnerContract, bearerTokens: string[]): ContractServer {
	const server = new ContractServer(contract, { bearerTokens });
	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.stop();
	});
	beforeEach(() => server.reset());
	logArrivedAfterEachTest(server);
	return server;
}
