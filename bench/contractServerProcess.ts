import { bolttechContract } from '../sandbox/contracts/bolttech';
import { ContractServer } from '../sandbox/contractServer';
import { startLoopbackServer, stopServer, urlOf } from '../sandbox/loopbackServer';

/**
 * The bench's bolttech: a contract server in its own process, as the real partner is on another
 * machine, so its work does not share the event loop with the client being measured. Arguments:
 * the bearer token, and how many ms it waits before it answers each request (0 by default; 25
 * stands for a partner across a real network). Tells its parent the URL, answers "violations?"
 * with the contract violations and the requests seen so far, and the price rows they carried.
 */
async function main(): Promise<void> {
	const token = process.argv[2];
	const answerAfterMs = Number(process.argv[3] ?? 0);
	const contract = new ContractServer(bolttechContract, { bearerTokens: [token] });
	const server = await startLoopbackServer((request, response) => {
		if (answerAfterMs > 0) setTimeout(() => void contract.handle(request, response), answerAfterMs);
		else void contract.handle(request, response);
	});
	process.on('message', (message) => {
		if (message === 'violations?') {
			const rows = contract.received.reduce((sum, { body }) => {
				const prices = (body as { payload?: { asset_model_prices?: unknown } } | undefined)?.payload?.asset_model_prices;
				return sum + (Array.isArray(prices) ? prices.length : 0);
			}, 0);
			process.send?.({ violations: [...contract.violations], requests: contract.received.length, rows });
			contract.reset();
		}
		if (message === 'stop') void stopServer(server).then(() => process.exit(0));
	});
	process.send?.({ url: urlOf(server, 'bench bolttech') });
}

void main();
