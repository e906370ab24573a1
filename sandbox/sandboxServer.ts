import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ContractServer } from '../test/harness/contractServer';
import type { PartnerContract } from '../test/harness/contractServer';

export interface SandboxPartner {
	/** The path prefix the partner is served under, e.g. `bolttech` for `/bolttech/actions`. */
	prefix: string;
	contract: PartnerContract;
	bearerTokens: string[];
}

/**
 * One local server emulating every partner from the same contracts the tests use, each under its
 * own path prefix, with the partners' asynchronous callbacks switched on.
 */
export class SandboxServer {
	readonly partners = new Map<string, ContractServer>();
	private server?: Server;

	constructor(partners: SandboxPartner[], callbackDelayMs: number) {
		for (const partner of partners) {
			this.partners.set(
				partner.prefix,
				new ContractServer(partner.contract, { bearerTokens: partner.bearerTokens, callbackDelayMs }),
			);
		}
	}

	get url(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('The sandbox is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async start(port: number, host = '127.0.0.1'): Promise<this> {
		this.server = createServer((request, response) => {
			const url = new URL(request.url ?? '/', 'http://sandbox');
			const [, prefix, ...rest] = url.pathname.split('/');
			const partner = this.partners.get(prefix);
			if (partner) return void partner.handle(request, response, `/${rest.join('/')}`);
			response.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					sandbox: 'n8n-nodes-telco-partners',
					partners: [...this.partners.keys()].map((name) => `${this.url}/${name}`),
				}),
			);
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, host, resolve);
		});
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.server = undefined;
	}
}
