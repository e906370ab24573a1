/**
 * A MasStack Trigger set to Respond: When the Workflow Finishes, in a real n8n 2.x: a callback
 * whose run succeeds is answered 200 (an empty body: nothing of the run) only after the run has
 * finished; one whose run fails is answered 500; a refused one is answered at once as before.
 */

import { executionsOf, n8nUrl, rest, until } from './n8nApi';

const WORKFLOW = 'e2eMasStackRespondWhenFinished';
const url = (operation = 'refund') => `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-0000000000ef/masstack/${operation}/success`;

async function post(target: string, body: unknown) {
	const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: await response.text(), answeredAt: Date.now() };
}

/** The execution of the workflow newer than `count` others, once it has stopped. */
async function finishedExecution(count: number) {
	const summary = await until(async () => {
		const { results } = await executionsOf(WORKFLOW);
		return results.length > count && !['new', 'running'].includes(results[0].status) ? results[0] : undefined;
	});
	return await rest<{ id: string; status: string; stoppedAt: string; data: string }>(`/executions/${summary.id}`);
}

it('answers 200 with an empty body once the run has finished, and 500 when the run failed', async () => {
	const before = (await executionsOf(WORKFLOW)).count;

	const sentAt = Date.now();
	const success = await post(url(), { code: 'OK', title: 'Refund done', service_id: '612000001' });
	const succeeded = await finishedExecution(before);
	expect(success.status).toBe(200);
	expect(success.body).toBe('');
	expect(succeeded.status).toBe('success');
	// The workflow waits 2 s after the trigger; the answer came after the run had stopped.
	expect(success.answeredAt - sentAt).toBeGreaterThanOrEqual(2_000);
	expect(success.answeredAt).toBeGreaterThanOrEqual(new Date(succeeded.stoppedAt).getTime());
	expect(succeeded.data).toContain('612000001');

	const failure = await post(url(), { code: 'FAIL', title: 'Refund refused', service_id: '612000002' });
	const failed = await finishedExecution(before + 1);
	expect(failure).toMatchObject({ status: 500, body: '{"message":"Error in workflow"}' });
	expect(failed.status).toBe('error');
	expect(failure.answeredAt).toBeGreaterThanOrEqual(new Date(failed.stoppedAt).getTime());
	expect(failure.body).not.toContain('612000002');
}, 60_000);

it('refuses at once, starting nothing, a callback of an operation the trigger does not accept', async () => {
	const before = (await executionsOf(WORKFLOW)).count;

	expect(await post(url('barring'), { code: 'OK', title: 'Barring updated', service_id: '612000003' })).toMatchObject({
		status: 400,
		body: '{"error":"This trigger does not accept barringUpdate callbacks"}',
	});
	expect(await post(url(), { code: 'OK' })).toMatchObject({ status: 400 });
	expect((await executionsOf(WORKFLOW)).count).toBe(before);
});
