import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import responseExamples from '../sandbox/records/afostoResponseExamples.json';

/**
 * The bench's Afosto: `GET /odr/orders` over RECORDS orders, paged as the Afosto API reference describes
 * (`x-page` / `x-page-size` request headers, the next page in the `x-page` response header), in
 * its own process so that serving does not share the event loop with the client measured.
 * Pages are serialised once, so the server costs the same for every client. Arguments: the number
 * of orders, the bearer token, how many ms it waits before it answers each page (0 by
 * default; 25 stands for a partner across a real network), optionally the bytes of a note
 * each order carries (records of about 2 KB; such pages are serialised per request, not kept),
 * and optionally the orders' shape: `three-field` (id, number, status) or `documented` (the order
 * of the Afosto API reference's example, about 1.8 KB, with its own id and number); without it,
 * the bench's usual five fields.
 */
const RECORDS = Number(process.argv[2] ?? 50_000);
const TOKEN = process.argv[3] ?? 'bench-token';
const ANSWER_AFTER_MS = Number(process.argv[4] ?? 0);
const NOTE_BYTES = Number(process.argv[5] ?? 0);
const SHAPE = process.argv[6] ?? 'five-field';
const note = NOTE_BYTES > 0 ? { note: 'n'.repeat(NOTE_BYTES) } : {};
const [documentedOrder] = responseExamples.getOdrOrders as Array<Record<string, unknown>>;

const SHAPES: Record<string, (index: number) => Record<string, unknown>> = {
	'five-field': (index) => ({
		id: `order-${index + 1}`,
		number: String(100_000 + index),
		status: index % 7 === 0 ? 'cancelled' : 'confirmed',
		total: { amount: 1_000 + (index % 50_000), currency: 'EUR' },
		created_at: '2026-11-23T08:00:00Z',
	}),
	'three-field': (index) => ({ id: `order-${index + 1}`, number: String(100_000 + index), status: index % 7 === 0 ? 'cancelled' : 'confirmed' }),
	documented: (index) => ({ ...documentedOrder, id: `order-${index + 1}`, number: String(100_000 + index) }),
};
const shapeOf = SHAPES[SHAPE];
if (!shapeOf) throw new Error(`No order shape ${SHAPE}: ${Object.keys(SHAPES).join(', ')}`);

const orders = Array.from({ length: RECORDS }, (_, index) => ({ ...shapeOf(index), ...note }));
const pages = new Map<string, string>();
let requests = 0;

function answer(request: IncomingMessage, response: ServerResponse): void {
	requests++;
	if (request.method !== 'GET' || request.url !== '/odr/orders' || request.headers.authorization !== `Bearer ${TOKEN}`) {
		response.writeHead(400, { 'content-type': 'application/json' }).end('{"code":400,"message":"off contract"}');
		return;
	}
	const page = Number(request.headers['x-page'] ?? 1) || 1;
	const size = Math.min(250, Number(request.headers['x-page-size'] ?? 25) || 25);
	const key = `${page}/${size}`;
	const body = pages.get(key) ?? JSON.stringify(orders.slice((page - 1) * size, page * size));
	if (NOTE_BYTES === 0) pages.set(key, body);
	const hasNext = page * size < orders.length;
	response.writeHead(200, {
		'content-type': 'application/json',
		'x-count': String(orders.length),
		...(hasNext ? { 'x-page': String(page + 1) } : {}),
	});
	response.end(body);
}

const server = createServer((request, response) => {
	if (ANSWER_AFTER_MS > 0) setTimeout(() => answer(request, response), ANSWER_AFTER_MS);
	else answer(request, response);
});

server.listen(0, '127.0.0.1', () => {
	process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (message) => {
	if (message === 'requests?') {
		process.send?.({ requests });
		requests = 0;
	}
	if (message === 'stop') server.close(() => process.exit(0));
});
