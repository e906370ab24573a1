/**
 * MasStack with Wait for Callback in a real n8n 2.x: the execution waits at the node, the sandbox posts MasStack's
 * callback to the execution's resume URL, and the run continues on the output of the outcome. A
 * forged or malformed callback does not resume it; without a callback it times out.
 */
import { callWorkflow, executionsOf, n8nUrl, outputsOf, rest, until } from './n8nApi';
import type { ExecutionSummary } from './n8nApi';
import { expectEachWaitResumedByItsOwnCallbackOnly } from './waitTwice';

const WORKFLOW = 'e2eMasStackAsync';

/** Starts a workflow through its webhook and returns the execution it started. */
async function startExecution(workflowId: string, path: string, body: unknown): Promise<ExecutionSummary> {
	const before = (await executionsOf(workflowId)).count;
	expect((await callWorkflow(path, body)).status).toBe(200);
	return await until(async () => {
		const { results, count } = await executionsOf(workflowId);
		return count > before ? results[0] : undefined;
	});
}

/** Starts the waiting MasStack workflow for a line. */
const startWaitingFor = (serviceId: string) => startExecution(WORKFLOW, 'e2e-masstack-async', { serviceId });

async function finished(executionId: string, timeoutMs = 20_000) {
	return await until(async () => {
		const execution = await rest<ExecutionSummary & { data: string }>(`/executions/${executionId}`);
		return ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
	}, timeoutMs);
}

it("continues on Success with the sandbox's callback to the resume URL", async () => {
	const execution = await finished((await startWaitingFor('612123456')).id);

	expect(execution.status).toBe('success');
	const outputs = outputsOf(execution, ['On Success', 'On Error', 'On Timeout']);
	expect(outputs['On Success']).toEqual([
		expect.objectContaining({ operation: 'barringUpdate', outcome: 'success', code: 'OK', service_id: '612123456' }),
	]);
	expect(outputs['On Error']).toBeNull();
	expect(outputs['On Timeout']).toBeNull();
});

it('continues on Error when the sandbox posts to the error URL', async () => {
	const execution = await finished((await startWaitingFor('612340000')).id);

	const outputs = outputsOf(execution, ['On Success', 'On Error']);
	expect(outputs['On Error']).toEqual([expect.objectContaining({ outcome: 'error', code: 'OPERATION_FAILED' })]);
	expect(outputs['On Success']).toBeNull();
});

it('refuses a forged or malformed callback without resuming, then times out on Timed Out', async () => {
	const waiting = await startWaitingFor('612129999');
	await until(async () => ((await rest<ExecutionSummary>(`/executions/${waiting.id}`)).status === 'waiting' ? true : undefined));
	const resumeUrl = `${process.env.E2E_N8N_URL}/webhook-waiting/${waiting.id}/success`;
	const post = async (url: string, body: unknown) =>
		(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;
	const callback = { code: 'OK', title: 'Barring update applied', service_id: '612129999' };

	expect(await post(resumeUrl, callback)).toBe(401);
	expect(await post(`${resumeUrl}?signature=forged-token`, callback)).toBe(401);
	expect((await rest<ExecutionSummary>(`/executions/${waiting.id}`)).status).toBe('waiting');

	// n8n's wait tracker looks for due executions once a minute.
	const execution = await finished(waiting.id, 150_000);
	expect(execution.status).toBe('success');
	const outputs = outputsOf(execution, ['On Success', 'On Error', 'On Timeout']);
	expect(outputs['On Timeout']).toEqual([
		expect.objectContaining({ outcome: 'timeout', title: 'No callback from MasStack within 1 minute', service_id: '612129999' }),
	]);
	expect(outputs['On Success']).toBeNull();
}, 200_000);

it("Bolttech with Wait for Callback continues on Success with the sandbox's catalog callback", async () => {
	const started = await startExecution('e2eBolttechAsync', 'e2e-bolttech-async', { productCode: 'RENTAL-ES-01' });
	const execution = await finished(started.id);

	expect(execution.status).toBe('success');
	const outputs = outputsOf(execution, ['On Success', 'On Error', 'On Timeout']);
	expect(outputs['On Success']).toEqual([
		expect.objectContaining({ outcome: 'success', action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed' }),
	]);
	expect(outputs['On Timeout']).toBeNull();
});

it("resumes each wait of one execution only with its own callback: A's callback posted again while B waits gets 409 and B goes on waiting; B's callback resumes B", async () => {
	await expectEachWaitResumedByItsOwnCallbackOnly(n8nUrl());
});
