/**
 * The triggers' callback secret in a real n8n 2.x: a MasStack Trigger takes its secret from the
 * sandbox's Callback Secret credential, answers a valid callback {"received": true}, and the
 * execution n8n saves holds no secret. Simultaneous callbacks to one resume URL of a MasStack (Wait for Callback)
 * execution resume it once; the others get 409 with a reason.
 */

import { callWorkflow, executionsOf, n8nUrl, outputsOf, rest, until } from './n8nApi';
import type { ExecutionSummary } from './n8nApi';
import { successUrlOfCurrentWait } from './waitTwice';

// scripts/playground.js gives the sandbox's Callback Secret credential this secret.
const { SANDBOX_CALLBACK_SECRET } = require('../../scripts/playground') as { SANDBOX_CALLBACK_SECRET: string };
const TRIGGER_WORKFLOW = 'e2eMasStackTriggerWithCredential';
const refundCallbackUrl = () => `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-0000000000df/masstack/refund/success`;
/** The MasStack partner API v3's serviceCallbackDTO. */
const callback = { code: 'OK', title: 'Refund done', service_id: '612123456' };

async function post(url: string, body: unknown) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

it("starts a run only for callbacks carrying the credential's secret, answers {\"received\": true}, and saves no secret with the execution", async () => {
	expect(await post(refundCallbackUrl(), callback)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
	expect(await post(`${refundCallbackUrl()}?secret=wrong`, callback)).toEqual({ status: 401, body: { error: 'Unauthorized' } });
	expect((await executionsOf(TRIGGER_WORKFLOW)).count).toBe(0);

	expect(await post(`${refundCallbackUrl()}?secret=${SANDBOX_CALLBACK_SECRET}`, callback)).toEqual({ status: 200, body: { received: true } });

	const [summary] = await until(async () => {
		const { results } = await executionsOf(TRIGGER_WORKFLOW);
		return results.length === 1 && results[0].status === 'success' ? results : undefined;
	});
	const response = await fetch(`${n8nUrl()}/rest/executions/${summary.id}`, { headers: { cookie: process.env.E2E_N8N_COOKIE as string } });
	const saved = await response.text();
	expect(response.status).toBe(200);
	expect(saved).not.toContain(SANDBOX_CALLBACK_SECRET);
	const execution = (JSON.parse(saved) as { data: ExecutionSummary & { data: string; workflowData: { nodes: Array<{ credentials?: unknown }> } } }).data;
	expect(outputsOf(execution, ['MasStack Trigger'])['MasStack Trigger']).toEqual([
		expect.objectContaining({ operation: 'refund', outcome: 'success', code: 'OK', service_id: '612123456' }),
	]);
	// The node names its credential by id and name only.
	expect(execution.workflowData.nodes[0].credentials).toEqual({
		masStackCallbackSecretApi: { id: 'tpSandboxMasStackCallbackSecret', name: 'MasStack Callback Secret (sandbox)' },
	});
});

it('lets one of 10 simultaneous callbacks to a resume URL resume the execution; the other 9 get 409 with a reason', async () => {
	// The sandbox does not call back for this line, so the execution waits for these callbacks.
	const before = (await executionsOf('e2eMasStackAsync')).count;
	expect((await callWorkflow('e2e-masstack-async', { serviceId: '612129999' })).status).toBe(200);
	const waiting = await until(async () => {
		const { results, count } = await executionsOf('e2eMasStackAsync');
		return count > before && results[0].status === 'waiting' ? results[0] : undefined;
	});
	// The URL the node handed MasStack: n8n's resume token and this wait's own token.
	const { url: resumeUrl } = await successUrlOfCurrentWait(waiting.id, n8nUrl());
	const masStackCallback = { code: 'OK', title: 'Barring update applied', service_id: '612129999' };

	const answers = await Promise.all(Array.from({ length: 10 }, async () => await post(resumeUrl, masStackCallback)));

	expect(answers.filter(({ status }) => status === 200)).toEqual([{ status: 200, body: { received: true } }]);
	const refused = answers.filter(({ status }) => status !== 200);
	expect(refused.map(({ status }) => status)).toEqual(Array(9).fill(409));
	// The node's reason, or n8n's own for requests that read the execution once it ran.
	for (const { body } of refused) expect(JSON.stringify(body)).toMatch(/already resumed this execution|running already|finished already/);
	const execution = await until(async () => {
		const found = await rest<ExecutionSummary & { data: string }>(`/executions/${waiting.id}`);
		return found.status === 'success' ? found : undefined;
	});
	expect(outputsOf(execution, ['On Success'])['On Success']).toEqual([expect.objectContaining({ outcome: 'success', service_id: '612129999' })]);
});

/** Sends a request to n8n's REST API as the owner; answers status and body. */
async function restCall(method: string, path: string, body?: unknown) {
	const response = await fetch(`${n8nUrl()}/rest${path}`, {
		method,
		headers: { cookie: process.env.E2E_N8N_COOKIE as string, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; message?: string } };
}

it.each([
	['n8n-nodes-masstack.masStackTrigger', 'MasStack Trigger'],
	['n8n-nodes-bolttech.bolttechTrigger', 'Bolttech Trigger'],
])('refuses to activate a new %s (version 3) without a Callback Secret credential, saying what to do', async (type, name) => {
	const created = await restCall('POST', '/workflows', {
		name: `A new ${name} without a secret`,
		nodes: [{ id: 'e2e-new-trigger', name, type, typeVersion: 3, position: [0, 0], parameters: {}, webhookId: crypto.randomUUID() }],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	expect(created.status).toBe(200);
	const { id, versionId } = created.body.data as { id: string; versionId: string };

	const activation = await restCall('POST', `/workflows/${id}/activate`, { versionId });

	expect(activation.status).toBeGreaterThanOrEqual(400);
	// n8n itself refuses first, naming the credential the node requires at version 3.
	expect(activation.body.message).toMatch(/Missing required credential: (masStack|bolttech)CallbackSecretApi/);
	expect((await rest<{ active: boolean }>(`/workflows/${id}`)).active).toBe(false);
});
