import { appendFileSync, mkdirSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { basename, join } from 'node:path';

/**
 * The wire log: with WIRE_LOG=<folder>, every request a test's partner server received is written
 * to <folder>/<test file>.log, one line each, under the test's name. Run the suite so on two
 * commits and compare the logs (`scripts/compareWireLogs.js`): a redesign that says it changes no
 * behaviour must leave every request byte for byte as it was.
 */
const WIRE_LOG = process.env.WIRE_LOG;

/** Headers that differ between two runs of the same request: the server's port, the connection. */
const UNSTABLE_HEADERS = new Set(['host', 'connection']);

export interface LoggedRequest {
	method: string;
	/** The path with its query, as sent. */
	url: string;
	headers: IncomingHttpHeaders;
	rawBody: string;
}

/** Loopback ports differ on every run; the rest of a URL does not. */
const withoutPorts = (text: string) => text.replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:PORT');

export function logWire(requests: LoggedRequest[]): void {
	if (!WIRE_LOG || requests.length === 0) return;
	const { testPath, currentTestName } = expect.getState();
	mkdirSync(WIRE_LOG, { recursive: true });
	const lines = requests.map((request) => {
		const headers = Object.entries(request.headers)
			.filter(([name]) => !UNSTABLE_HEADERS.has(name))
			.sort(([a], [b]) => a.localeCompare(b));
		return withoutPorts(JSON.stringify([currentTestName, request.method, request.url, headers, request.rawBody]));
	});
	appendFileSync(join(WIRE_LOG, `${basename(testPath ?? 'unknown')}.log`), `${lines.join('\n')}\n`);
}

/** After each test: logs what arrived at a contract server during the test, and forgets it. */
export function logArrivedAfterEachTest(server: { arrived: LoggedRequest[] }): void {
	afterEach(() => {
		logWire(server.arrived);
		server.arrived.length = 0;
	});
}
