/**
 * Binary data across processes in queue mode (n8n 2.x keeps it in the database there,
 * N8N_DEFAULT_BINARY_DATA_MODE=database, set by scripts/queueMode.js): the webhook processor
 * stores a received file, a worker reads it to upload it to Afosto and stores the barcode it
 * downloads, and the webhook processor answers the caller with that barcode.
 */
import { outputsOf, rest, until } from '../e2e/n8nApi';
import type { ExecutionSummary } from '../e2e/n8nApi';
import { AFOSTO_BINARY_SAMPLE } from '../../sandbox/contracts/afosto';
import { nextExecution, processesThatStarted, sql, webhookUrl, workerRoles } from './queueApi';

it('uploads the file the webhook processor received from a worker, and answers with the barcode the worker downloaded', async () => {
	const invoice = Buffer.from('%PDF-1.7 queue-mode invoice 2026-0002, three pages');

	const response = await fetch(`${webhookUrl()}/webhook/e2e-queue-binary`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: invoice });

	expect(response.status).toBe(200);
	expect(Buffer.from(await response.arrayBuffer())).toEqual(AFOSTO_BINARY_SAMPLE);

	const { id } = await nextExecution('e2eQueueBinary', 0);
	const execution = await until(async () => {
		const found = await rest<ExecutionSummary & { data: string }>(`/executions/${id}`);
		return found.status === 'success' ? found : undefined;
	});
	expect(outputsOf(execution, ['Upload a File'])['Upload a File']).toEqual([expect.objectContaining({ id: 'file-1', size: invoice.length })]);
	expect(workerRoles()).toContain(processesThatStarted(id)[0]);
	// Both files live in Postgres, where every process reads them: the barcode under the execution;
	// the received file (n8n 2.40 files it under "temp": the webhook processor stores it before the
	// execution exists).
	expect(sql(`SELECT "fileSize" FROM binary_data WHERE "sourceId" = '${id}'`)).toEqual([[String(AFOSTO_BINARY_SAMPLE.length)]]);
	expect(sql(`SELECT count(*) FROM binary_data WHERE "mimeType" = 'application/pdf' AND "fileSize" = ${invoice.length}`)).toEqual([['1']]);
});
