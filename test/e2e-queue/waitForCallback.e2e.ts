/**
 * MasStack and Bolttech with Wait for Callback in queue mode: a worker sends the request with the resume URLs
 * of the webhook processor (N8N_WEBHOOK_URL) and puts the execution to wait; the sandbox's callback
 * reaches the webhook processor, which queues the execution again, and a worker (either one) runs
 * it to its end. A forged callback resumes nothing; without a callback, main's wait tracker
 * queues it on the timeout.
 */
import { outputsOf, rest, until } from '../e2e/n8nApi';
import type { ExecutionSummary } from '../e2e/n8nApi';
import { callWorkflow, nextExecution, processesThatStarted, webhookUrl, workerRoles } from './queueApi';
import { executionsOf } from '../e2e/n8nApi';
import { expectEachWaitResumedByItsOwnCallbackOnly } from '../e2e/waitTwice';

async function startExecution(workflowId: string, path: string, body: unknown) {
	const before = (await executionsOf(workflowId)).count;
	expect((await callWorkflow(path, body)).status).toBe(200);
	return await nextExecution(workflowId, before);
}

async function finished(executionId: string, timeoutMs = 30_000) {
	return await until(async () => {
		const execution = await rest<ExecutionSummary & { data: string }>(`/executions/${executionId}`);
		return ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
	}, timeoutMs);
}

/** Started by a worker, then resumed by a worker: two starts, each in a worker's log. */
function expectStartedTwiceOnWorkers(executionId: string) {
	const starters = processesThatStarted(executionId);
	expect(starters).toHaveLength(2);
	for (const starter of starters) expect(workerRoles()).toContain(starter);
}

it("MasStack with Wait for Callback waits on a worker and continues on Success with the sandbox's callback to the webhook processor", async () => {
	const started = await startExecution('e2eMasStackAsync', 'e2e-masstack-async', { serviceId: '612123456' });
	const execution = await finished(started.id);

	expect(execution.status).toBe('success');
	const outputs = outputsOf(execution, ['On Success', 'On Error', 'On Timeout']);
	expect(outputs['On Success']).toEqual([expect.objectContaining({ outcome: 'success', code: 'OK', service_id: '612123456' })]);
	expect(outputs['On Timeout']).toBeNull();
	expectStartedTwiceOnWorkers(execution.id);
});

it('Bolttech with Wait for Callback waits on a worker and continues on Success with the catalog callback', async () => {
	const started = await startExecution('e2eBolttechAsync', 'e2e-bolttech-async', { productCode: 'RENTAL-ES-01' });
	const execution = await finished(started.id);

	expect(execution.status).toBe('success');
	expect(outputsOf(execution, ['On Success'])['On Success']).toEqual([
		expect.objectContaining({ outcome: 'success', action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed' }),
	]);
	expectStartedTwiceOnWorkers(execution.id);
});

it('refuses a forged callback at the webhook processor without resuming, then times out on Timed Out', async () => {
	// The sandbox answers this line with no callback at all.
	const waiting = await startExecution('e2eMasStackAsync', 'e2e-masstack-async', { serviceId: '612129999' });
	await until(async () => ((await rest<ExecutionSummary>(`/executions/${waiting.id}`)).status === 'waiting' ? true : undefined));
	const resumeUrl = `${webhookUrl()}/webhook-waiting/${waiting.id}/success`;
	const post = async (url: string) =>
		(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'OK', title: 'Barring update applied', service_id: '612129999' }) })).status;

	expect(await post(resumeUrl)).toBe(401);
	expect(await post(`${resumeUrl}?signature=forged-token`)).toBe(401);
	expect((await rest<ExecutionSummary>(`/executions/${waiting.id}`)).status).toBe('waiting');

	// The node waits 1 minute; main's wait tracker looks for due executions once a minute.
	const execution = await finished(waiting.id, 150_000);
	expect(execution.status).toBe('success');
	const outputs = outputsOf(execution, ['On Success', 'On Timeout']);
	expect(outputs['On Timeout']).toEqual([expect.objectContaining({ outcome: 'timeout', service_id: '612129999' })]);
	expect(outputs['On Success']).toBeNull();
	expectStartedTwiceOnWorkers(execution.id);
}, 200_000);

it("resumes each wait of one execution only with its own callback at the webhook processor: A's callback posted again while B waits gets 409 and B goes on waiting", async () => {
	const execution = await expectEachWaitResumedByItsOwnCallbackOnly(webhookUrl());

	// Started, resumed after A, resumed after B: each time on a worker.
	const starters = processesThatStarted(execution.id);
	expect(starters).toHaveLength(3);
	for (const starter of starters) expect(workerRoles()).toContain(starter);
});
