import { ContractServer } from '../../sandbox/contractServer';
import type { ContractServerOptions, PartnerContract } from '../../sandbox/contractServer';
import { logArrivedAfterEachTest } from './wireLog';

/**
 * Starts a partner's contract server for one test file (fresh request log per test) and stops it
 * afterwards. `bearerTokens` are the tokens the server accepts; any other gets the partner's 401;
 * `options` the rest (`callbackDelayMs` for a partner that calls back).
 */
export function useContractServer(
	contract: PartnerContract,
	bearerTokens: string[],
	options: Omit<ContractServerOptions, 'bearerTokens'> = {},
): ContractServer {
	const server = new ContractServer(contract, { ...options, bearerTokens, recordArrivals: true });
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
