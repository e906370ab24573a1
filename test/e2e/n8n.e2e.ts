/**
 * The package in a real n8n (2.x; 1.x with N8N_LINE=1.x) started by startN8n.js, against the
 * partner sandbox: node types load, workflows run through n8n's own webhook server, triggers
 * receive callbacks at their production URLs, and the sandbox calls back like the partner.
 */

import { createHmac } from 'node:crypto';

// The example callback workflows' triggers take only callbacks with the sandbox credentials' secret.
const { SANDBOX_CALLBACK_SECRET } = require('../../scripts/playground') as { SANDBOX_CALLBACK_SECRET: string };

import { callWorkflow, callbackExampleUrl, executionsOf, n8nUrl, nodeTypes, outputsOf, rest, until } from './n8nApi';
import { afostoListRecords } from '../../sandbox/contracts/afosto';
import { EVERY_AFOSTO_NODE, everyAfostoNodeOutput } from './afostoEveryNode';
import { PARTNER_NODES, isPartnerNodeType } from '../../scripts/n8nCore/packageTypes';

describe('the three partner packages in a real n8n', () => {
	it('loads every node the packages declare (and the AI tool of each action node), each well under 200 KB of types/nodes.json', async () => {
		const types = await nodeTypes();
		const ours = types.filter((type) => isPartnerNodeType(type.name));
		const sizes = Object.fromEntries(ours.map((type) => [type.name, Buffer.byteLength(JSON.stringify(type))]));
		process.stdout.write(`types/nodes.json bytes: ${JSON.stringify(sizes)}\n`);

		// n8n adds a `<node>Tool` type for every node usable as an AI tool.
		const expected = PARTNER_NODES.flatMap(({ fullName, node }) => (node.description.usableAsTool ? [fullName, `${fullName}Tool`] : [fullName]));
		expect(expected.length).toBeGreaterThanOrEqual(16);
		expect(Object.keys(sizes).sort()).toEqual(expected.sort());
		expect(Math.max(...Object.values(sizes))).toBeLessThanOrEqual(200 * 1024);
		// Issue 5's budget: every node of the package together at most 1.5 MB.
		expect(Object.values(sizes).reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(1.5 * 1024 * 1024);
	});

	it('runs Bolttech Verify IMEI in a workflow against the sandbox', async () => {
		const answer = await callWorkflow('e2e-bolttech-verify', { imei: '861248007147070' });

		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([expect.objectContaining({ imei: '861248007147070', verificationStatus: 'verified' })]);
	});

	it('runs Bolttech Update Prices on all items of a workflow, in batches', async () => {
		const rows = [1, 2, 3].map((index) => ({ partner_device_id: `E2E-${index}`, price_net: index * 1000 }));
		const answer = await callWorkflow('e2e-bolttech-prices', { rows });

		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([
			expect.objectContaining({ batch: 1, batches: 2, skus: 2, firstSku: 'E2E-1', status: 'success' }),
			expect.objectContaining({ batch: 2, batches: 2, skus: 1, firstSku: 'E2E-3', status: 'success' }),
		]);
	});

	it("brings bolttech's callback to the active Bolttech Trigger workflow after a catalog action", async () => {
		const before = (await executionsOf('tpBolttechCatalogCallbacks')).count;
		const triggerUrl = `${await callbackExampleUrl('bolttech')}/bolttech-catalog?secret=${SANDBOX_CALLBACK_SECRET}`;

		const answer = await callWorkflow('e2e-bolttech-stock', { callbackUrl: triggerUrl });
		expect(answer.status).toBe(200);

		const finished = await until(async () => {
			const { results, count } = await executionsOf('tpBolttechCatalogCallbacks');
			return count > before && !['new', 'running'].includes(results[0].status) ? results[0] : undefined;
		});
		expect(finished.status).toBe('success');
	});

	it('starts the MasStack Trigger workflow for a callback at its production URL', async () => {
		const before = (await executionsOf('tpMasStackCallbacks')).count;
		const response = await fetch(`${await callbackExampleUrl('masStack')}/masstack/barring/success?secret=${SANDBOX_CALLBACK_SECRET}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'Request-Correlation-Id': '0e6b2c1a-3f4d-4b5e-8a9c-1d2e3f4a5b6c' },
			body: JSON.stringify({ code: 'OK', title: 'Barring updated', service_id: '34600000001' }),
		});

		expect(response.status).toBe(200);
		await until(async () => ((await executionsOf('tpMasStackCallbacks')).count > before ? true : undefined));
	});

	it('runs MasStack Update Barring with OAuth2 and brings the sandbox\'s result to the MasStack Trigger workflow', async () => {
		const before = (await executionsOf('tpMasStackCallbacks')).count;
		const trigger = `${await callbackExampleUrl('masStack')}/masstack/barring`;

		const answer = await callWorkflow('e2e-masstack-barring', {
			serviceId: '612123456',
			successUrl: `${trigger}/success?secret=${SANDBOX_CALLBACK_SECRET}`,
			errorUrl: `${trigger}/error?secret=${SANDBOX_CALLBACK_SECRET}`,
		});

		expect(answer.status).toBe(200);
		expect(answer.body).toEqual([{ accepted: true, requestCorrelationId: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
		const finished = await until(async () => {
			const { results, count } = await executionsOf('tpMasStackCallbacks');
			return count > before && !['new', 'running'].includes(results[0].status) ? results[0] : undefined;
		});
		expect(finished.status).toBe('success');
	});

	it('runs Afosto Orders in a workflow: Return All pages through the sandbox, Limit stops early', async () => {
		const all = await callWorkflow('e2e-afosto-orders', { returnAll: true });
		expect(all.status).toBe(200);
		expect(all.body).toHaveLength(7);

		const two = await callWorkflow('e2e-afosto-orders', { returnAll: false, limit: 2 });
		expect(two.body).toEqual(afostoListRecords('getOdrOrders', 0, 2));
	});

	it('runs one list operation of each other Afosto node in a workflow against the sandbox', async () => {
		const answer = await callWorkflow('e2e-afosto-every-node', {});
		expect(answer.status).toBe(200);

		const [latest] = (await executionsOf('e2eAfostoEveryNode', 1)).results;
		const execution = await rest<{ status: string; data: string }>(`/executions/${latest.id}`);
		expect(execution.status).toBe('success');
		expect(outputsOf(execution, EVERY_AFOSTO_NODE)).toEqual(everyAfostoNodeOutput());
	});

	it('subscribes the active Afosto Trigger at the sandbox and starts a run only for a signed delivery', async () => {
		const url = `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-0000000000cf/afosto`;
		// The sandbox's only subscription is the one n8n made when it activated the workflow.
		const answer = await fetch(`${process.env.E2E_SANDBOX_URL}/afosto/mes/webhooks/subscriptions/1`, {
			headers: { authorization: 'Bearer sandbox-afosto-token' },
		});
		const subscription = (await answer.json()) as { endpoint: string; events: string[]; secret: string };
		expect(subscription).toMatchObject({ endpoint: url, events: ['order.created'] });

		const body = JSON.stringify({ event: 'order.created', entity_id: 'order-1001' });
		const deliver = async (signature?: string) =>
			(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-afosto-signature': signature } : {}) }, body })).status;
		expect(await deliver()).toBe(401);
		expect(await deliver('0'.repeat(64))).toBe(401);
		expect((await executionsOf('e2eAfostoTrigger')).count).toBe(0);

		expect(await deliver(createHmac('sha256', subscription.secret).update(body).digest('hex'))).toBe(200);
		await until(async () => ((await executionsOf('e2eAfostoTrigger')).count === 1 ? true : undefined));
	});

	it('refuses callbacks with a wrong secret or a malformed body, starting no execution', async () => {
		const url = `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-00000000003f/bolttech-catalog`;
		const post = async (query: string, body: string) =>
			(await fetch(`${url}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;
		const callback = JSON.stringify({ action_id: 'get_stock', status: 'completed' });

		expect(await post('?secret=wrong', callback)).toBe(401);
		expect(await post('', callback)).toBe(401);
		expect(await post('?secret=e2e-secret', '[1,2]')).toBe(400);
		expect((await executionsOf('e2eBolttechTriggerWithSecret')).count).toBe(0);

		expect(await post('?secret=e2e-secret', callback)).toBe(200);
		await until(async () => ((await executionsOf('e2eBolttechTriggerWithSecret')).count === 1 ? true : undefined));
	});
});
