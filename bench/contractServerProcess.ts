import { bolttechContract } from '../sandbox/contracts/bolttech';
import { ContractServer } from '../sandbox/contractServer';

/**
 * The bench's bolttech: a contract server in its own process, as the real partner is on another
 * machine, so its work does not share the event loop with the client being measured.
 * Tells its parent the URL, answers "violations?" with the contract violations seen so far.
 */
async function main(): Promise<void> {
	const token = process.argv[2];
	const server = await new ContractServer(bolttechContract, { bearerTokens: [token] }).start();
	process.on('message', (message) => {
		if (message === 'violations?') {
			process.send?.({ violations: [...server.violations], requests: server.received.length });
			server.reset();
		}
		if (message === 'stop') void server.stop().then(() => process.exit(0));
	});
	process.send?.({ url: server.url });
}

void main();
