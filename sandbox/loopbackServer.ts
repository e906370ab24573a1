import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on this machine only; port 0 picks a free one. */
export async function startLoopbackServer(
	handler: (request: IncomingMessage, response: ServerResponse) => void,
	port = 0,
): Promise<Server> {
	const server = createServer(handler);
	server.keepAliveTimeout = 1_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return server;
}

export function urlOf(server: Server | undefined, what: string): string {
	const address = server?.address() as AddressInfo | null | undefined;
	if (!address) throw new Error(`The ${what} is not started`);
	return `http://127.0.0.1:${address.port}`;
}

/** Closes the server and its open connections. */
export async function stopServer(server: Server | undefined): Promise<void> {
	if (!server) return;
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}
