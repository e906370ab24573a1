import { ContractServer } from './contractServer';
import { bolttechContract } from '../contracts/bolttech';

export const BOLTTECH_TOKEN = 'test-token-8f2c';

/** Starts a bolttech contract server for one test file and checks every request against it. */
export function useBolttechServer() {
	const server = new ContractServer(bolttechContract);
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
