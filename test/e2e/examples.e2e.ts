/**
 * The example workflows of workflows/, the way a user gets them going in their own n8n: the file's
 * content imported through n8n's REST API (the editor's Import from File), each node given the
 * credential of the type it asks for, the placeholders the sticky notes explain filled in (here
 * with the sandbox's values), then run: manual and schedule examples through n8n's manual run,
 * trigger examples activated and called the way the partner calls them, the MCP example listed and
 * called by the official MCP client.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'flatted';
import type { INode, INodeType } from 'n8n-workflow';

import { executionsOf, n8nUrl, rest, until } from './n8nApi';
import { PackageNodeTypes, isPartnerNodeType } from '../../scripts/n8nCore/packageTypes';

const { SANDBOX_CALLBACK_SECRET } = require('../../scripts/playground') as { SANDBOX_CALLBACK_SECRET: string };
const { withFreshWebhookIds, withPlaceholdersFilled } = require('../../scripts/exampleWorkflows') as {
	withFreshWebhookIds: (workflow: ExampleWorkflow) => ExampleWorkflow;
	withPlaceholdersFilled: (workflow: ExampleWorkflow, values: Record<string, string>) => ExampleWorkflow;
};

interface ExampleWorkflow {
	id?: string;
	name: string;
	nodes: INode[];
	connections: unknown;
	settings?: unknown;
}

interface SavedWorkflow extends ExampleWorkflow {
	id: string;
	versionId: string;
}

interface Execution {
	id: string;
	status: string;
	data: string;
}

const EXAMPLES = join(__dirname, '..', '..', 'workflows');
const sandboxUrl = () => process.env.E2E_SANDBOX_URL as string;
const nodeTypes = new PackageNodeTypes();
const created: string[] = [];

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${n8nUrl()}/rest${path}`, {
		method,
		headers: { cookie: process.env.E2E_N8N_COOKIE as string, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = (await response.json()) as { data: T; message?: string };
	if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${answer.message}`);
	return answer.data;
}

/** The credential type the user picks for a partner node: the one its description asks for with its authentication. */
function credentialTypeOf(node: INode): string | undefined {
	const base = node.type.replace(/Tool$/, '');
	if (!isPartnerNodeType(base)) return undefined;
	const { credentials = [], properties } = (nodeTypes.getByNameAndVersion(base) as INodeType).description;
	const authentication = node.parameters.authentication ?? properties.find(({ name }) => name === 'authentication')?.default;
	return credentials.find((credential) => ((credential.displayOptions?.show?.authentication as unknown[] | undefined) ?? [authentication]).includes(authentication))?.name;
}

/**
 * Imports an example as the editor does (a new workflow with the file's nodes, fresh webhook ids),
 * picks the n8n's credential of each partner node's type, and fills the placeholders with `values`.
 */
async function importExample(file: string, values: Record<string, string> = {}): Promise<SavedWorkflow> {
	const { id: _fileId, ...example } = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as ExampleWorkflow;
	const credentials = await rest<Array<{ id: string; name: string; type: string }>>('/credentials');
	const filled = withPlaceholdersFilled(withFreshWebhookIds(example), values);
	const nodes = filled.nodes.map((node) => {
		const credential = credentials.find(({ type }) => type === credentialTypeOf(node));
		return credential ? { ...node, credentials: { [credential.type]: { id: credential.id, name: credential.name } } } : node;
	});
	const saved = await send<SavedWorkflow>('POST', '/workflows', { ...filled, name: `${filled.name} (imported)`, nodes });
	created.push(saved.id);
	return saved;
}

/**
 * Activates the workflow and waits until n8n serves `url` (n8n registers the production webhooks
 * just after it answers the activation).
 */
async function activate(workflow: SavedWorkflow, url: string) {
	await send('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
	await until(async () => ((await fetch(url, { method: 'POST' })).status === 404 ? undefined : true));
}

const webhookBase = (workflow: SavedWorkflow, nodeName: string) =>
	`${n8nUrl()}/webhook/${workflow.nodes.find(({ name }) => name === nodeName)?.webhookId}`;

async function finished(executionId: string) {
	return await until(async () => {
		const execution = await rest<Execution>(`/executions/${executionId}`);
		return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
	}, 60_000);
}

/** Runs the workflow from `trigger` as the editor's Execute Workflow button does, and waits for the end. */
async function runManually(workflow: SavedWorkflow, trigger: string) {
	const { executionId } = await send<{ executionId: string }>('POST', `/workflows/${workflow.id}/run`, { triggerToStartFrom: { name: trigger } });
	return await finished(executionId);
}

/** The first execution of an active workflow once it has finished. */
async function firstExecutionOf(workflow: SavedWorkflow) {
	const [first] = await until(async () => {
		const { results } = await executionsOf(workflow.id);
		return results.length ? results : undefined;
	});
	return await finished(first.id);
}

interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, Record<string, unknown>> }> | null> };
}

/** The items each output of the node sent in the execution. */
function outputs(execution: Execution, nodeName: string) {
	const runData = (parse(execution.data) as { resultData: { runData: Record<string, NodeRun[]> } }).resultData.runData;
	return runData[nodeName]?.[0]?.data?.main?.map((items) => items ?? []) ?? [];
}

const json = (execution: Execution, nodeName: string, output = 0) => (outputs(execution, nodeName)[output] ?? []).map((item) => item.json);

afterAll(async () => {
	for (const id of created) await send('POST', `/workflows/${id}/deactivate`).catch(() => undefined);
});

describe('the example workflows, imported into n8n as a user imports them and run against the sandbox', () => {
	it('bolttech-price-sync.json: downloads the CSV at the URL the user fills in and sends every row to bolttech', async () => {
		const workflow = await importExample('bolttech-price-sync.json', { priceListUrl: `${sandboxUrl()}/files/prices.csv` });

		const execution = await runManually(workflow, 'Every Night at 02:00');

		expect(execution.status).toBe('success');
		const rows = json(execution, 'Read CSV Rows');
		expect(rows.length).toBeGreaterThan(1);
		expect(rows[0]).toEqual(expect.objectContaining({ ean: expect.any(String), partner_device_id: expect.any(String), price_net: expect.any(String) }));
		expect(json(execution, 'Send Prices to bolttech')).toEqual([expect.objectContaining({ batch: 1, batches: 1, skus: rows.length, status: 'success' })]);
	});

	it('bolttech-imei-gate.json: verifies the IMEI with bolttech and approves or rejects the device', async () => {
		const workflow = await importExample('bolttech-imei-gate.json');

		const execution = await runManually(workflow, 'When Clicking Test Workflow');

		expect(execution.status).toBe('success');
		expect(json(execution, 'Verify IMEI')).toEqual([expect.objectContaining({ imei: '861248007147070' })]);
		const decided = [...json(execution, 'Approve'), ...json(execution, 'Reject')];
		expect(decided).toEqual([expect.objectContaining({ imei: '861248007147070', decision: expect.stringMatching(/^(approved|rejected)$/) })]);
	});

	it("masstack-barring-update.json with masstack-callbacks.json: bars roaming, and MasStack's result reaches the user's own MasStack Trigger", async () => {
		const callbacks = await importExample('masstack-callbacks.json');
		await activate(callbacks, `${webhookBase(callbacks, 'MasStack Callbacks')}/masstack/barring/success`);
		const barring = await importExample('masstack-barring-update.json', {
			masStackTriggerUrl: webhookBase(callbacks, 'MasStack Callbacks'),
			callbackSecret: SANDBOX_CALLBACK_SECRET,
		});

		const execution = await runManually(barring, "When clicking 'Execute workflow'");

		expect(execution.status).toBe('success');
		expect(json(execution, 'Get Barrings')).toEqual([expect.objectContaining({ appliedBarringsMaskCodes: expect.anything() })]);
		expect(json(execution, 'Bar Roaming')).toEqual([expect.objectContaining({ accepted: true })]);
		const callback = await firstExecutionOf(callbacks);
		expect(callback.status).toBe('success');
		expect(json(callback, 'Success or Error?', 0)).toEqual([expect.objectContaining({ outcome: 'success' })]);
	});

	it('masstack-bar-and-wait.json: bars roaming and continues on Success when MasStack calls back', async () => {
		const workflow = await importExample('masstack-bar-and-wait.json');

		const execution = await runManually(workflow, "When clicking 'Execute workflow'");

		expect(execution.status).toBe('success');
		expect(json(execution, 'Barred')).toHaveLength(1);
	});

	it("bolttech-catalog-callbacks.json: takes bolttech's callback with the secret at the user's trigger URL", async () => {
		const workflow = await importExample('bolttech-catalog-callbacks.json');
		const url = `${webhookBase(workflow, 'bolttech Catalog Callbacks')}/bolttech-catalog`;
		await activate(workflow, url);

		const response = await fetch(`${url}?secret=${SANDBOX_CALLBACK_SECRET}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action_id: 'get_stock', product_code: 'RENTAL-ES-01', status: 'completed' }),
		});

		expect(response.status).toBe(200);
		const execution = await firstExecutionOf(workflow);
		expect(execution.status).toBe('success');
		expect(json(execution, 'Summarise')).toEqual([{ summary: 'get_stock for RENTAL-ES-01: completed' }]);
	});

	it('afosto-orders.json: puts every Afosto order into an XLSX spreadsheet, one row per order', async () => {
		const workflow = await importExample('afosto-orders.json');

		const execution = await runManually(workflow, "When clicking 'Execute workflow'");

		expect(execution.status).toBe('success');
		const rows = json(execution, 'One Row per Order');
		expect(rows).toHaveLength(7);
		expect(rows[0]).toEqual({ id: expect.any(String), number: expect.any(String), type: expect.any(String), accepted: expect.any(Boolean), canceled: expect.any(Boolean), amount: expect.any(Number), currency: expect.any(String) });
		const [file] = outputs(execution, 'Orders Spreadsheet (XLSX)')[0];
		expect(file.binary?.data).toEqual(expect.objectContaining({ fileName: 'afosto-orders.xlsx', fileExtension: 'xlsx' }));
	});

	it("afosto-order-created.json: subscribes at Afosto when activated and gets the order of a signed order.created delivery", async () => {
		const workflow = await importExample('afosto-order-created.json');
		const endpoint = `${webhookBase(workflow, 'New Afosto Order')}/afosto`;
		await activate(workflow, endpoint);
		const subscriptions = await fetch(`${sandboxUrl()}/afosto/mes/webhooks/subscriptions`, { headers: { authorization: 'Bearer sandbox-afosto-token' } });
		const subscription = ((await subscriptions.json()) as Array<{ endpoint: string; events: string[]; secret: string }>).find((candidate) => candidate.endpoint === endpoint);
		expect(subscription).toMatchObject({ events: ['order.created'] });
		const { secret } = subscription!;

		const body = JSON.stringify({ event: 'order.created', entity_id: '6dae6d9e-783e-485b-85a0-000000000001', created_at: new Date().toISOString() });
		const response = await fetch(endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-afosto-signature': createHmac('sha256', secret).update(body).digest('hex') },
			body,
		});

		expect(response.status).toBe(200);
		const execution = await firstExecutionOf(workflow);
		expect(execution.status).toBe('success');
		expect(json(execution, 'Get the Order')).toEqual([expect.objectContaining({ id: expect.any(String), number: expect.any(String) })]);
	});

	it('partner-tools-mcp.json: offers the three partner tools to an MCP client, which calls them against the sandbox', async () => {
		const workflow = await importExample('partner-tools-mcp.json');
		const url = `${n8nUrl()}/mcp/${workflow.nodes.find(({ name }) => name === 'MCP Server Trigger')?.parameters.path as string}`;
		await activate(workflow, url);
		const client = new Client({ name: 'examples-e2e', version: '1.0.0' });
		await client.connect(new StreamableHTTPClientTransport(new URL(url)));
		try {
			const { tools } = await client.listTools();
			expect(tools.map(({ name }) => name).sort()).toEqual(['List_Orders', 'Read_Barrings', 'Verify_IMEI']);
			const imei = await client.callTool({ name: 'Verify_IMEI', arguments: { imei: '861248007147070' } });
			expect(imei.isError ?? false).toBe(false);
			expect(JSON.stringify(imei.content)).toContain('861248007147070');
			const orders = await client.callTool({ name: 'List_Orders', arguments: {} });
			expect(orders.isError ?? false).toBe(false);
			expect(JSON.stringify(orders.content)).toContain('100001');
		} finally {
			await client.close();
		}
	});
});
