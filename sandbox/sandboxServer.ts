import { readFile } from 'node:fs/promises';
import type { Server, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

import { ContractServer } from './contractServer';
import { startLoopbackServer, stopServer, urlOf } from './loopbackServer';
import type { PartnerContract } from './contractServer';

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

	/**
	 * @param filesDirectory served read-only under `/files/<name>`: sample inputs for the example
	 * workflows, such as the price list of the scheduled price sync.
	 */
	constructor(
		partners: SandboxPartner[],
		callbackDelayMs: number,
		private readonly filesDirectory?: string,
	) {
		for (const partner of partners) {
			this.partners.set(
				partner.prefix,
				new ContractServer(partner.contract, { bearerTokens: partner.bearerTokens, callbackDelayMs }),
			);
		}
	}

	get url(): string {
		return urlOf(this.server, 'sandbox');
	}

	async start(port: number): Promise<this> {
		this.server = await startLoopbackServer((request, response) => {
			const url = new URL(request.url ?? '/', 'http://sandbox');
			const [, prefix, ...rest] = url.pathname.split('/');
			const partner = this.partners.get(prefix);
			if (partner) return void partner.handle(request, response, `/${rest.join('/')}`);
			if (prefix === 'files' && this.filesDirectory) return void this.serveFile(rest.join('/'), response);
			response.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					sandbox: 'n8n-nodes-telco-partners',
					partners: [...this.partners.keys()].map((name) => `${this.url}/${name}`),
				}),
			);
		}, port);
		return this;
	}

	private async serveFile(name: string, response: ServerResponse): Promise<void> {
		const contentTypes: Record<string, string> = { '.csv': 'text/csv', '.json': 'application/json' };
		if (!/^[\w.-]+$/.test(name) || !(extname(name) in contentTypes)) {
			response.writeHead(404).end();
			return;
		}
		try {
			const content = await readFile(join(this.filesDirectory!, name));
			response.writeHead(200, { 'content-type': contentTypes[extname(name)] }).end(content);
		} catch {
			response.writeHead(404).end();
		}
	}

	async stop(): Promise<void> {
		await stopServer(this.server);
		this.server = undefined;
	}
}
