/**
 * Afosto Orders' Return All with Output "One File" in a real n8n against the sandbox: the node
 * writes the orders into one JSON Lines file in n8n's binary data, and n8n serves that file back
 * (the Webhook answers with the node's binary field "orders").
 */

import { executionsOf, n8nUrl, rest } from './n8nApi';
import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../sandbox/contracts/afosto';
import { parse } from 'flatted';

describe('Afosto list into one file in a real n8n', () => {
	it('List Orders with One File writes every order as a JSON line, and n8n serves the file back', async () => {
		const response = await fetch(`${n8nUrl()}/webhook/e2e-afosto-orders-file`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/x-ndjson');
		const text = await response.text();
		const orders = text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown);
		expect(orders).toEqual(afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE));

		const [latest] = (await executionsOf('e2eAfostoOrdersFile', 1)).results;
		const execution = await rest<{ status: string; data: string }>(`/executions/${latest.id}`);
		expect(execution.status).toBe('success');
		const runData = (parse(execution.data) as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: unknown; binary?: Record<string, { id?: string; fileName?: string }> }>> } }>> } }).resultData.runData;
		const [item] = runData['List Orders'][0].data.main[0];
		expect(item.json).toEqual({ records: SANDBOX_LIST_SIZE, pages: 1, fileName: 'orders.jsonl' });
		// n8n 2.x's default binary data mode outside queue mode: the file is on disk, not in the execution.
		expect(item.binary?.orders).toMatchObject({ fileName: 'orders.jsonl', id: expect.stringMatching(/^filesystem(-v2)?:/) });
	});
});
