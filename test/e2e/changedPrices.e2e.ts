/**
 * bolttech Update Prices with Send Only Changed Prices in a real n8n 2.x against the sandbox:
 * production runs (started by the workflow's webhook) remember the accepted prices across
 * executions, n8n saves that memory with the workflow, the second run sends only the changed SKU,
 * and a manual run (the editor's Execute Workflow) reads the memory without changing it.
 */

import { callWorkflow, n8nUrl, rememberedPricesOf, rest, restPost, until } from './n8nApi';

const PATH = `e2e-changed-prices-${Date.now()}`;
const NODE = 'Update Prices';
const rows = (changedPrice = 2000) => [
	{ partner_device_id: 'E2E-CP-1', price_net: 1000 },
	{ partner_device_id: 'E2E-CP-2', price_net: changedPrice },
	{ partner_device_id: 'E2E-CP-3', price_net: 3000 },
	{ partner_device_id: 'E2E-CP-4', price_net: 4000 },
	{ partner_device_id: 'E2E-CP-5', price_net: 5000 },
];

/** Webhook → one item per SKU → Update Prices; a Manual Trigger feeds the same nodes fixed rows. */
const workflow = {
	name: 'e2e: bolttech Send Only Changed Prices',
	nodes: [
		{ id: 'cp-webhook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
		{ id: 'cp-manual', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {} },
		{ id: 'cp-rows', name: 'Rows', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 200], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ body: { rows: rows(2222) } }), options: {} } },
		{ id: 'cp-split', name: 'One Item per SKU', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0], parameters: { fieldToSplitOut: 'body.rows', options: {} } },
		{
			id: 'cp-prices',
			name: NODE,
			type: 'n8n-nodes-bolttech.bolttech',
			typeVersion: 1,
			position: [660, 0],
			parameters: { resource: 'catalog', operation: 'updatePrices', productCode: 'RENTAL-E2E', batchSize: 2, priceSyncOptions: { sendOnlyChanged: true } },
			credentials: { bolttechApi: { id: 'tpSandboxBolttech', name: 'bolttech (sandbox)' } },
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'One Item per SKU', type: 'main', index: 0 }]] },
		'Manual Trigger': { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
		Rows: { main: [[{ node: 'One Item per SKU', type: 'main', index: 0 }]] },
		'One Item per SKU': { main: [[{ node: NODE, type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveManualExecutions: true },
};

interface SavedWorkflow {
	id: string;
	versionId: string;
}

/** What n8n saved with the workflow for the node: the remembered string of product RENTAL-E2E. */
const memoryOf = async (id: string) => await rememberedPricesOf(id, NODE, 'RENTAL-E2E');

let saved: SavedWorkflow;

beforeAll(async () => {
	saved = await restPost<SavedWorkflow>('/workflows', workflow);
	await restPost(`/workflows/${saved.id}/activate`, { versionId: saved.versionId });
	// n8n registers the production webhook just after it answers the activation.
	await until(async () => ((await fetch(`${n8nUrl()}/webhook/${PATH}`, { method: 'POST' })).status === 404 ? undefined : true));
});

afterAll(async () => {
	await restPost(`/workflows/${saved.id}/deactivate`, {}).catch(() => undefined);
});

it('remembers the accepted prices across production runs, so that the second sends only the changed SKU, and a manual run changes nothing', async () => {
	// The empty call that found the webhook registered ran the workflow with no rows: nothing to send, nothing remembered.
	const first = await callWorkflow(PATH, { rows: rows() });
	expect(first.status).toBe(200);
	expect(first.body).toEqual([
		expect.objectContaining({ batch: 1, batches: 3, skus: 2, status: 'success', priceChanges: { new: 5, changed: 0, unchanged: 0, missingFromInput: 0, rememberedBeforeRun: 0, memory: 'updated' } }),
		expect.objectContaining({ batch: 2, batches: 3, skus: 2, status: 'success' }),
		expect.objectContaining({ batch: 3, batches: 3, skus: 1, status: 'success' }),
	]);
	const afterFirst = await memoryOf(saved.id);
	// n8n saved it with the workflow: 14 characters per SKU after the format mark.
	expect(afterFirst).toHaveLength(3 + 5 * 14);

	const second = await callWorkflow(PATH, { rows: rows(2100) });
	expect(second.status).toBe(200);
	expect(second.body).toEqual([
		expect.objectContaining({ batch: 1, batches: 1, skus: 1, firstSku: 'E2E-CP-2', lastSku: 'E2E-CP-2', status: 'success', priceChanges: { new: 0, changed: 1, unchanged: 4, missingFromInput: 0, rememberedBeforeRun: 5, memory: 'updated' } }),
	]);
	const afterSecond = await memoryOf(saved.id);
	expect(afterSecond).not.toBe(afterFirst);

	// The editor's Execute Workflow from the Manual Trigger: E2E-CP-2 at 2222 is sent, and nothing is remembered.
	const { executionId } = await restPost<{ executionId: string }>(`/workflows/${saved.id}/run`, { triggerToStartFrom: { name: 'Manual Trigger' } });
	const manual = await until(async () => {
		const execution = await rest<{ status: string; data: string }>(`/executions/${executionId}`);
		return ['new', 'running'].includes(execution.status) ? undefined : execution;
	}, 60_000);
	expect(manual.status).toBe('success');
	expect(manual.data).toContain('not changed (manual run)');
	expect(await memoryOf(saved.id)).toBe(afterSecond);

	// So the next production run still finds E2E-CP-2 at 2100 remembered: unchanged.
	const third = await callWorkflow(PATH, { rows: rows(2100) });
	expect(third.body).toEqual([expect.objectContaining({ batches: 0, skus: 0, status: 'unchanged', priceChanges: expect.objectContaining({ unchanged: 5 }) })]);
});
