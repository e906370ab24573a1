/**
 * The package in a real n8n 2.x (started by startN8n.js) against the partner sandbox: node types
 * load, workflows run through n8n's own webhook server, triggers receive callbacks at their
 * production URLs, and the sandbox calls back like the partner.
 */

const n8nUrl = () => process.env.E2E_N8N_URL as string;

async function callWorkflow(path: string, body: unknown) {
	const response = await fetch(`${n8nUrl()}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

async function rest<T>(path: string): Promise<T> {
	const response = await fetch(`${n8nUrl()}/rest${path}`, { headers: { cookie: process.env.E2E_N8N_COOKIE as string } });
	if (!response.ok) throw new Error(`GET /rest${path}: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { data: T }).data;
}

interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
}

async function executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await rest<{ results: ExecutionSummary[] }>(`/executions?filter=${filter}&limit=250`);
	return data.results;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('n8n-nodes-telco-partners in a real n8n', () => {
	it('loads every node of the package into n8n', async () => {
		const response = await fetch(`${n8nUrl()}/types/nodes.json`, { headers: { cookie: process.env.E2E_N8N_COOKIE as string } });
		const types = ((await response.json()) as Array<{ name: string }>).map((type) => type.name);

		expect(types).toEqual(
			expect.arrayContaining([
				'n8n-nodes-telco-partners.bolttech',
				'n8n-nodes-telco-partners.bolttechTrigger',
				'n8n-nodes-telco-partners.masStackTrigger',
			]),
		);
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
		const before = (await executionsOf('tpBolttechCatalogCallbacks')).length;
		const triggerUrl = `${n8nUrl()}/webhook/5e6f7a8b-2c3d-4e5f-9a0b-4c5d6e7f8a0f/bolttech-catalog`;

		const answer = await callWorkflow('e2e-bolttech-stock', { callbackUrl: triggerUrl });
		expect(answer.status).toBe(200);

		const finished = await until(async () => {
			const list = await executionsOf('tpBolttechCatalogCallbacks');
			return list.length > before && list[0].status !== 'running' && list[0].status !== 'new' ? list[0] : undefined;
		});
		expect(finished.status).toBe('success');
	});

	it('starts the MasStack Trigger workflow for a callback at its production URL', async () => {
		const before = (await executionsOf('tpMasStackCallbacks')).length;
		const response = await fetch(`${n8nUrl()}/webhook/9c2b3a4d-1e5f-4a6b-8c7d-3e4f5a6b7c0f/masstack/barring/success`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'Request-Correlation-Id': '0e6b2c1a-3f4d-4b5e-8a9c-1d2e3f4a5b6c' },
			body: JSON.stringify({ code: 'OK', title: 'Barring updated', service_id: '34600000001' }),
		});

		expect(response.status).toBe(200);
		await until(async () => ((await executionsOf('tpMasStackCallbacks')).length > before ? true : undefined));
	});

	it('refuses callbacks with a wrong secret or a malformed body, starting no execution', async () => {
		const url = `${n8nUrl()}/webhook/e2e00000-0000-4000-8000-00000000003f/bolttech-catalog`;
		const post = async (query: string, body: string) =>
			(await fetch(`${url}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;
		const callback = JSON.stringify({ action_id: 'get_stock', status: 'completed' });

		expect(await post('?secret=wrong', callback)).toBe(401);
		expect(await post('', callback)).toBe(401);
		expect(await post('?secret=e2e-secret', '[1,2]')).toBe(400);
		expect(await executionsOf('e2eBolttechTriggerWithSecret')).toHaveLength(0);

		expect(await post('?secret=e2e-secret', callback)).toBe(200);
		await until(async () => ((await executionsOf('e2eBolttechTriggerWithSecret')).length === 1 ? true : undefined));
	});
});
