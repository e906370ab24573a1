/**
 * One execution that waits twice (MasStack barring updates of service A, then of service B), with
 * the test in MasStack's place: both lines are ones the sandbox never calls back, so the test posts
 * each callback itself, to the URLs the node handed MasStack. Shared by the single-instance and the
 * queue-mode suites; `webhookBaseUrl` is where callbacks go (n8n, or the webhook processor).
 */
import { parse } from 'flatted';

import { callWorkflow, executionsOf, outputsOf, rest, until } from './n8nApi';
import type { ExecutionSummary } from './n8nApi';

const WAIT_TWICE_WORKFLOW = 'e2eMasStackWaitTwice';
/** Lines ending in 9999 get no callback from the sandbox. */
const SERVICE_A = '612119999';
const SERVICE_B = '612229999';

type Post = { status: number; body: unknown };

async function post(url: string, body: unknown): Promise<Post> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

/**
 * The success URL of the wait the execution is in, as the node handed it to MasStack: n8n's resume
 * URL with the execution's resume token, and the wait's own token from the execution's custom data.
 */
export async function successUrlOfCurrentWait(executionId: string, webhookBaseUrl: string, notToken?: string) {
	return await until(async () => {
		const execution = await rest<ExecutionSummary & { data: string }>(`/executions/${executionId}`);
		if (execution.status !== 'waiting') return undefined;
		const data = parse(execution.data) as { resumeToken?: string; resultData: { metadata?: Record<string, string> } };
		const wait = data.resultData.metadata?.callbackWait;
		if (!wait || wait === notToken || !data.resumeToken) return undefined;
		const url = new URL(`${webhookBaseUrl}/webhook-waiting/${executionId}/success`);
		url.searchParams.set('signature', data.resumeToken);
		url.searchParams.set('wait', wait);
		return { url: url.toString(), wait };
	});
}

const callbackOf = (serviceId: string) => ({ code: 'OK', title: 'Barring update applied', service_id: serviceId });

/**
 * Runs the execution that waits twice and checks that A's callback resumes A only: posted again
 * while B waits (to A's URL, or to B's URL naming service A) it gets 409 and B goes on waiting;
 * B's own callback then resumes B. Returns the finished execution.
 */
export async function expectEachWaitResumedByItsOwnCallbackOnly(webhookBaseUrl: string) {
	const before = (await executionsOf(WAIT_TWICE_WORKFLOW)).count;
	expect((await callWorkflow('e2e-masstack-wait-twice', { a: SERVICE_A, b: SERVICE_B }, webhookBaseUrl)).status).toBe(200);
	const { id } = await until(async () => {
		const { results, count } = await executionsOf(WAIT_TWICE_WORKFLOW);
		return count > before ? results[0] : undefined;
	});
	const received = { status: 200, body: { received: true } };

	const a = await successUrlOfCurrentWait(id, webhookBaseUrl);
	expect(await post(a.url, callbackOf(SERVICE_A))).toEqual(received);
	const b = await successUrlOfCurrentWait(id, webhookBaseUrl, a.wait);

	// MasStack posting A's callback again (a retry, a late duplicate) while B waits.
	expect(await post(a.url, callbackOf(SERVICE_A))).toEqual({
		status: 409,
		body: { error: 'This callback URL is not the one of the request this execution is waiting for; the wait goes on' },
	});
	// A's callback at B's URL: B's wait, but another service.
	expect(await post(b.url, callbackOf(SERVICE_A))).toEqual({
		status: 409,
		body: { error: `The callback's service_id "${SERVICE_A}" is not the service_id "${SERVICE_B}" of the request this execution is waiting for; the wait goes on` },
	});
	expect((await rest<ExecutionSummary>(`/executions/${id}`)).status).toBe('waiting');

	expect(await post(b.url, callbackOf(SERVICE_B))).toEqual(received);
	const execution = await until(async () => {
		const current = await rest<ExecutionSummary & { data: string }>(`/executions/${id}`);
		return ['success', 'error', 'crashed'].includes(current.status) ? current : undefined;
	}, 30_000);
	expect(execution.status).toBe('success');
	expect(outputsOf(execution, ['On B Success'])['On B Success']).toEqual([expect.objectContaining({ outcome: 'success', service_id: SERVICE_B })]);
	return execution;
}
