/**
 * Queue mode: a production webhook reaches the webhook processor, which queues the execution; a
 * worker runs it against the sandbox; main only activates the workflows. For each kind of node of
 * the package (bolttech, MasStack and Afosto actions, the three Triggers) one execution, asserted
 * to have succeeded and to have been started by exactly one worker ("Worker started execution N"
 * in that worker's log, in no other process's).
 */
import { createHmac } from 'node:crypto';

// The example callback workflows' triggers take only callbacks with the sandbox credentials' secret.
const { SANDBOX_CALLBACK_SECRET } = require('../../scripts/playground') as { SANDBOX_CALLBACK_SECRET: string };

import { EVERY_AFOSTO_NODE, everyAfostoNodeOutput } from '../e2e/afostoEveryNode';
import { callbackExampleUrl, executionsOf, outputsOf, rest, until } from '../e2e/n8nApi';
import type { ExecutionSummary } from '../e2e/n8nApi';
import { callWorkflow, nextExecution, processesThatStarted, webhookUrl, workerRoles } from './queueApi';

async function finished(executionId: string) {
	return await until(async () => {
		const execution = await rest<ExecutionSummary & { data: string }>(`/executions/${executionId}`);
		return ['success', 'error', 'crashed'].includes(execution.status) ? execution : undefined;
	}, 60_000);
}

/** Waits for the execution of `workflowId` after `before`, and checks it succeeded on one worker. */
async function succeededOnOneWorker(workflowId: string, before: number) {
	const execution = await finished((await nextExecution(workflowId, before)).id);
	expect(execution.status).toBe('success');
	const starters = processesThatStarted(execution.id);
	expect(starters).toHaveLength(1);
	expect(workerRoles()).toContain(starters[0]);
	return execution;
}

const countOf = async (workflowId: string) => (await executionsOf(workflowId)).count;

describe('each node kind of the package on a worker, through the webhook processor', () => {
	it('runs Bolttech Verify IMEI on a worker and answers the webhook with its result', async () => {
		const before = await countOf('e2eBolttechVerifyImei');
		const answer = await callWorkflow('e2e-bolttech-verify', { imei: '861248007147070' });

		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([expect.objectContaining({ imei: '861248007147070', verificationStatus: 'verified' })]);
		await succeededOnOneWorker('e2eBolttechVerifyImei', before);
	});

	it('runs Bolttech Update Prices on a worker, in batches', async () => {
		const before = await countOf('e2eBolttechPriceSync');
		const rows = [1, 2, 3].map((index) => ({ partner_device_id: `Q-${index}`, price_net: index * 1000 }));
		const answer = await callWorkflow('e2e-bolttech-prices', { rows });

		expect(answer.body).toEqual([
			expect.objectContaining({ batch: 1, batches: 2, skus: 2, status: 'success' }),
			expect.objectContaining({ batch: 2, batches: 2, skus: 1, status: 'success' }),
		]);
		await succeededOnOneWorker('e2eBolttechPriceSync', before);
	});

	it('runs Afosto Orders Return All on a worker, paging through the sandbox', async () => {
		const before = await countOf('e2eAfostoOrders');
		const answer = await callWorkflow('e2e-afosto-orders', { returnAll: true });

		expect(answer.body).toHaveLength(7);
		await succeededOnOneWorker('e2eAfostoOrders', before);
	});

	it('runs one list operation of each other Afosto node on a worker', async () => {
		const before = await countOf('e2eAfostoEveryNode');
		expect((await callWorkflow('e2e-afosto-every-node', {})).status).toBe(200);

		const execution = await succeededOnOneWorker('e2eAfostoEveryNode', before);
		expect(outputsOf(execution, EVERY_AFOSTO_NODE)).toEqual(everyAfostoNodeOutput());
	});

	it("runs MasStack Update Barring on a worker, and the MasStack Trigger takes the sandbox's callback at the webhook processor", async () => {
		const before = await countOf('e2eMasStackBarring');
		const callbacksBefore = await countOf('tpMasStackCallbacks');
		const trigger = `${await callbackExampleUrl('masStack', webhookUrl())}/masstack/barring`;

		const answer = await callWorkflow('e2e-masstack-barring', { serviceId: '612123456', successUrl: `${trigger}/success?secret=${SANDBOX_CALLBACK_SECRET}`, errorUrl: `${trigger}/error?secret=${SANDBOX_CALLBACK_SECRET}` });

		expect(answer.body).toEqual([{ accepted: true, requestCorrelationId: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
		await succeededOnOneWorker('e2eMasStackBarring', before);
		await succeededOnOneWorker('tpMasStackCallbacks', callbacksBefore);
	});

	it("runs Bolttech Get Stock on a worker, and the Bolttech Trigger takes the sandbox's callback at the webhook processor", async () => {
		const before = await countOf('e2eBolttechStockWithCallback');
		const callbacksBefore = await countOf('tpBolttechCatalogCallbacks');
		const callbackUrl = `${await callbackExampleUrl('bolttech', webhookUrl())}/bolttech-catalog?secret=${SANDBOX_CALLBACK_SECRET}`;

		expect((await callWorkflow('e2e-bolttech-stock', { callbackUrl })).status).toBe(200);

		await succeededOnOneWorker('e2eBolttechStockWithCallback', before);
		await succeededOnOneWorker('tpBolttechCatalogCallbacks', callbacksBefore);
	});

	it('subscribes the Afosto Trigger with the webhook processor URL when main activates it; the webhook processor checks signatures with the secret main stored', async () => {
		const url = `${webhookUrl()}/webhook/e2e00000-0000-4000-8000-0000000000cf/afosto`;
		// The sandbox's only subscription is the one main made when it activated the workflow.
		const answer = await fetch(`${process.env.E2E_SANDBOX_URL}/afosto/mes/webhooks/subscriptions/1`, {
			headers: { authorization: 'Bearer sandbox-afosto-token' },
		});
		const subscription = (await answer.json()) as { endpoint: string; events: string[]; secret: string };
		expect(subscription).toMatchObject({ endpoint: url, events: ['order.created'] });

		const body = JSON.stringify({ event: 'order.created', entity_id: 'order-2001' });
		const deliver = async (signature?: string) =>
			(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-afosto-signature': signature } : {}) }, body })).status;
		expect(await deliver()).toBe(401);
		expect(await deliver(createHmac('sha256', 'forged-secret').update(body).digest('hex'))).toBe(401);
		expect(await countOf('e2eAfostoTrigger')).toBe(0);

		expect(await deliver(createHmac('sha256', subscription.secret).update(body).digest('hex'))).toBe(200);
		await succeededOnOneWorker('e2eAfostoTrigger', 0);
		expect(await countOf('e2eAfostoTrigger')).toBe(1);
	});
});
