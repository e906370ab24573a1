/**
 * The nodes as AI agent tools, proven with a real client: n8n's MCP Server Trigger offers a few of
 * the packages' tool nodes, and the official MCP TypeScript SDK lists them (names, descriptions,
 * input schemas) and calls two of them against the sandbox. The parameters a model fills are
 * `$fromAI()` calls carrying the field's own description, as n8n's editor writes them when a user
 * lets the model define a field; so a field without a description gives the model none.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { INodeProperties } from 'n8n-workflow';

import { n8nUrl, restPost, until } from './n8nApi';
import { PARTNER_NODES } from '../../scripts/n8nCore/packageTypes';

const MCP_PATH = `e2e-partner-tools-${Date.now()}`;

/** A field of a node, as the editor shows it for these parameters. */
function fieldOf(nodeName: string, fieldName: string, parameters: Record<string, unknown>): INodeProperties {
	const { node } = PARTNER_NODES.find(({ node: candidate }) => candidate.description.name === nodeName)!;
	const field = node.description.properties.find(
		(property) =>
			property.name === fieldName &&
			Object.entries(property.displayOptions?.show ?? {}).every(
				([name, values]) => name.startsWith('@') || (values as unknown[]).includes(parameters[name]),
			),
	);
	if (!field) throw new Error(`${nodeName} has no field ${fieldName} for ${JSON.stringify(parameters)}`);
	return field;
}

/** What n8n's editor writes into a field the model is to define: `$fromAI` with the field's description. */
function fromAi(nodeName: string, fieldName: string, parameters: Record<string, unknown>): string {
	const description = String(fieldOf(nodeName, fieldName, parameters).description ?? '').replace(/`/g, "'");
	return `={{ $fromAI('${fieldName}', \`${description}\`, 'string') }}`;
}

const masStackGetBarrings = { resource: 'barring', operation: 'get', serviceType: 'mobile' };
const bolttechVerifyImei = { resource: 'device', operation: 'verifyImei' };

const TOOLS = [
	{
		name: 'Read Barrings',
		type: 'n8n-nodes-masstack.masStackTool',
		parameters: { ...masStackGetBarrings, serviceId: fromAi('masStack', 'serviceId', masStackGetBarrings) },
		credentials: { masStackApi: { id: 'tpSandboxMasStack', name: 'MasStack (sandbox)' } },
	},
	{
		name: 'Verify IMEI',
		type: 'n8n-nodes-bolttech.bolttechTool',
		parameters: { ...bolttechVerifyImei, imei: fromAi('bolttech', 'imei', bolttechVerifyImei) },
		credentials: { bolttechApi: { id: 'tpSandboxBolttech', name: 'bolttech (sandbox)' } },
	},
	{
		name: 'List Orders',
		type: 'n8n-nodes-afosto.afostoOrdersTool',
		parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: false, limit: 2 },
		credentials: { afostoApi: { id: 'tpSandboxAfosto', name: 'Afosto (sandbox)' } },
	},
];

let client: Client;

beforeAll(async () => {
	const trigger = {
		id: 'e2e-mcp-trigger',
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		position: [0, 0],
		parameters: { path: MCP_PATH },
		webhookId: crypto.randomUUID(),
	};
	const tools = TOOLS.map((tool, index) => ({ id: `e2e-mcp-tool-${index}`, typeVersion: 1, position: [index * 200, 200], ...tool }));
	const created = await restPost<Record<string, unknown>>('/workflows', {
		name: 'Partner tools over MCP',
		nodes: [trigger, ...tools],
		connections: Object.fromEntries(tools.map(({ name }) => [name, { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] }])),
		settings: { executionOrder: 'v1' },
	});
	const activated = await restPost<Record<string, unknown>>(`/workflows/${created.id as string}/activate`, { versionId: created.versionId });
	expect(activated.active).toBe(true);
	// The MCP endpoint answers once n8n has registered the trigger's webhooks.
	const endpoint = `${n8nUrl()}/mcp/${MCP_PATH}`;
	await until(async () => ((await fetch(endpoint, { method: 'DELETE' })).status === 404 ? undefined : true));
	client = new Client({ name: 'partner-tools-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
});

afterAll(async () => {
	await client?.close();
});

it('lists each node as a tool whose description says what it does, with every parameter described', async () => {
	const { tools } = await client.listTools();

	expect(tools.map(({ name }) => name).sort()).toEqual(['List_Orders', 'Read_Barrings', 'Verify_IMEI']);
	for (const tool of tools) {
		expect(tool.description?.length ?? 0).toBeGreaterThan(20);
		const properties = Object.entries((tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>);
		for (const [name, property] of properties) expect({ name, described: (property.description ?? '').length > 10 }).toEqual({ name, described: true });
	}
	const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
	expect(Object.keys(byName.Read_Barrings.inputSchema.properties ?? {})).toEqual(['serviceId']);
	expect(byName.Read_Barrings.description).toMatch(/barrings/i);
	expect(Object.keys(byName.Verify_IMEI.inputSchema.properties ?? {})).toEqual(['imei']);
	expect(byName.Verify_IMEI.description).toMatch(/IMEI/);
});

it("calls MasStack's Get Barrings and bolttech's Verify IMEI through MCP against the sandbox", async () => {
	const barrings = await client.callTool({ name: 'Read_Barrings', arguments: { serviceId: '612123456' } });
	const barringsText = JSON.stringify(barrings.content);
	expect(barrings.isError ?? false).toBe(false);
	expect(barringsText).toContain('appliedBarringsMaskCodes');

	const imei = await client.callTool({ name: 'Verify_IMEI', arguments: { imei: '861248007147070' } });
	expect(imei.isError ?? false).toBe(false);
	expect(JSON.stringify(imei.content)).toContain('861248007147070');
});
