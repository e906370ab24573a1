import { request as httpRequest } from 'node:http';
import type { Agent } from 'node:http';

/**
 * The baselines: what a minimal Node script does with no n8n in between, one request after
 * another with Node's http client. The bench measures the nodes against them.
 */

/** A type, not an interface, so that it passes as n8n's IDataObject. */
export type PriceRow = {
	partner_device_id: string;
	price_net: number;
};

/** The bench's price list: `count` SKUs, each with a price in minor units. */
export function priceRows(count: number): PriceRow[] {
	return Array.from({ length: count }, (_, index) => ({
		partner_device_id: `SKU-${String(index).padStart(6, '0')}`,
		price_net: 10_000 + (index % 90_000),
	}));
}

function post(url: URL, body: string, token: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			url,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json',
					authorization: `Bearer ${token}`,
					'content-length': Buffer.byteLength(body),
				},
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

/** The price sync: the rows in batches of `batchSize` to bolttech's catalog action, in order. */
export async function rawPriceSync(serverUrl: string, rows: PriceRow[], batchSize: number, token: string): Promise<void> {
	const url = new URL('/v4.1/catalog/action', serverUrl);
	for (let start = 0; start < rows.length; start += batchSize) {
		const body = JSON.stringify({
			configuration: { action_id: 'update_price', product_code: 'RENTAL-BENCH' },
			payload: { incremental: true, asset_model_prices: rows.slice(start, start + batchSize) },
		});
		const status = await post(url, body, token);
		if (status !== 200) throw new Error(`raw script got ${status}`);
	}
}

function getPage(
	url: URL,
	page: string | undefined,
	{ token, pageSize, agent }: { token: string; pageSize: number; agent?: Agent | false },
): Promise<{ items: unknown[]; next?: string }> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}`, 'x-page-size': String(pageSize) };
		if (page) headers['x-page'] = page;
		const request = httpRequest(url, { method: 'GET', headers, agent }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const next = response.headers['x-page'];
				resolve({ items: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[], next: typeof next === 'string' ? next : undefined });
			});
		});
		request.on('error', reject);
		request.end();
	});
}

/**
 * Afosto's Return All: follow the `x-page` cursor of `GET /odr/orders` and keep every record;
 * returns how many. Node's default agent keeps the connection open; with `agent: false` each
 * page opens its own, as n8n's request stack does (it builds a new http.Agent for every request),
 * which shows what that part costs.
 */
export async function rawCursorLoop(serverUrl: string, options: { token: string; pageSize: number; agent?: false }): Promise<number> {
	const url = new URL('/odr/orders', serverUrl);
	const records: unknown[] = [];
	let page: string | undefined;
	do {
		const answer = await getPage(url, page, options);
		records.push(...answer.items);
		page = answer.items.length ? answer.next : undefined;
	} while (page);
	return records.length;
}
