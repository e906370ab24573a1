/**
 * Afosto Orders' Return All with Output "One File" in queue mode: a worker runs the list and n8n
 * stores the file in its binary data mode there (database, set by scripts/queueMode.js, which
 * reads the node's stream by its events), and the webhook processor answers with that file.
 */
import { rest, until } from '../e2e/n8nApi';
import type { ExecutionSummary } from '../e2e/n8nApi';
import { SANDBOX_LIST_SIZE, afostoListRecords } from '../../sandbox/contracts/afosto';
import { nextExecution, processesThatStarted, sql, webhookUrl, workerRoles } from './queueApi';

it('lists the orders into one JSON Lines file on a worker, kept in the database, and answers with the file', async () => {
	const response = await fetch(`${webhookUrl()}/webhook/e2e-afosto-orders-file`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

	expect(response.status).toBe(200);
	const text = await response.text();
	expect(text.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(afostoListRecords('getOdrOrders', 0, SANDBOX_LIST_SIZE));

	const { id } = await nextExecution('e2eAfostoOrdersFile', 0);
	await until(async () => ((await rest<ExecutionSummary>(`/executions/${id}`)).status === 'success' ? true : undefined));
	expect(workerRoles()).toContain(processesThatStarted(id)[0]);
	expect(sql(`SELECT "fileSize", "mimeType", "fileName" FROM binary_data WHERE "sourceId" = '${id}'`)).toEqual([[String(Buffer.byteLength(text)), 'application/x-ndjson', 'orders.jsonl']]);
});
