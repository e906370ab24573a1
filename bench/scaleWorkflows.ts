import { createHash } from 'node:crypto';

import { BATCH_SIZE, BOLTTECH_PACKAGE, orderListWorkflows, priceSyncWorkflows } from './peerWorkflows';
import type { PeerWorkflow, WorkflowNode } from './peerWorkflows';

/**
 * The workflows of the scale bench (bench/scaleInN8n.ts): a price list of up to a million SKUs
 * uploaded as a CSV file to a production Webhook (which streams a body that is not JSON, form or
 * text/plain into n8n's binary data store, as a user's upload or a scheduled download would land),
 * and a list of Afosto records asked for with an empty POST. Each route is one entry of a table,
 * so that a route the package gains later (the Afosto lists' "One File" output) is one more entry.
 */

export interface ScaleWorkflow extends PeerWorkflow {
	/** The route's key in the table, e.g. `prices/file`. */
	route: string;
}

/** A stable UUID-shaped id for a name, so that every import gives the same ids. */
function uuidOf(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `nodes` chained one after another behind a production Webhook that answers at once. */
function chainedWorkflow(id: string, name: string, nodes: WorkflowNode[], extraConnections: Array<[string, string, number]> = []) {
	const path = `bench-scale-${id}`;
	const receive: WorkflowNode & { webhookId: string } = {
		name: 'Receive',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: uuidOf(`${id}/webhook`),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: { binaryPropertyName: 'data' } },
	};
	const all = [receive, ...nodes];
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }> = {};
	const connect = (from: string, to: string, output: number) => {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	};
	for (let index = 1; index < all.length; index++) {
		// A node whose outputs extraConnections lists (a loop) is connected by them alone.
		if (!extraConnections.some(([from]) => from === all[index - 1].name)) connect(all[index - 1].name, all[index].name, 0);
	}
	for (const [from, to, output] of extraConnections) connect(from, to, output);
	return {
		path,
		json: {
			id,
			name: `bench scale: ${name}`,
			nodes: all.map((node, index) => ({ id: uuidOf(`${id}/${node.name}`), position: [index * 220, 0], ...node })),
			connections,
			// What n8n measured is reported by the bench's external hook (peerHooks.ts); nothing is
			// saved on success, so that no run pays for writing a million items to the database.
			settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' },
			active: false,
		},
	};
}

export interface PricePartner {
	latencyMs: number;
	bolttechUrl: string;
	/** Id of the package's bolttech credential that points at this partner. */
	bolttechCredential: string;
}

const EXTRACT_CSV: WorkflowNode = {
	name: 'Extract From File',
	type: 'n8n-nodes-base.extractFromFile',
	typeVersion: 1.1,
	parameters: { operation: 'csv', binaryPropertyName: 'data', options: {} },
};

/** CSV cells are text; bolttech wants price_net as an integer, so the built-in routes convert it. */
const CHUNK_CODE = `const rows = $input.all().map(({ json }) => ({ partner_device_id: json.partner_device_id, price_net: Number(json.price_net) }));
const batches = [];
for (let start = 0; start < rows.length; start += ${BATCH_SIZE}) {
  batches.push({ json: { asset_model_prices: rows.slice(start, start + ${BATCH_SIZE}) } });
}
return batches;`;

/**
 * What a skilled user writes to skip the million items: the Code node reads the uploaded file
 * itself (n8n documents `this.helpers.getBinaryDataBuffer` for it) and splits plain CSV lines (no
 * quoted fields, which the bench's file has none of) into batches.
 */
const PARSE_AND_CHUNK_CODE = `const text = (await this.helpers.getBinaryDataBuffer(0, 'data')).toString('utf8');
const lines = text.split('\\n').filter((line) => line.trim());
const columns = lines[0].split(',');
const sku = columns.indexOf('partner_device_id');
const price = columns.indexOf('price_net');
const batches = [];
for (let start = 1; start < lines.length; start += ${BATCH_SIZE}) {
  const rows = lines.slice(start, start + ${BATCH_SIZE}).map((line) => {
    const cells = line.split(',');
    return { partner_device_id: cells[sku], price_net: Number(cells[price]) };
  });
  batches.push({ json: { asset_model_prices: rows } });
}
return batches;`;

const CONVERTING_PRICE_BODY =
	"={{ { configuration: { action_id: 'update_price', product_code: 'RENTAL-BENCH' }, payload: { incremental: true, asset_model_prices: $json.asset_model_prices.map((row) => ({ partner_device_id: row.partner_device_id, price_net: Number(row.price_net) })) } } }}";

/** A node of a peers bench workflow (bench/peerWorkflows.ts), without its id and position. */
function nodeOf(workflow: PeerWorkflow, name: string): WorkflowNode {
	const { nodes } = workflow.json as { nodes: Array<WorkflowNode & { id: string; position: number[] }> };
	const { id: _id, position: _position, ...node } = nodes.find((candidate) => candidate.name === name)!;
	return node;
}

/**
 * The peers bench's HTTP Request sending each input item's batch (one request per item, all
 * started at once), optionally with another JSON body.
 */
function sendBatch(partner: PricePartner, jsonBody?: string): WorkflowNode {
	const node = nodeOf(priceSyncWorkflows({ ...partner, afostoUrl: '', afostoCredential: '' }).code, 'Send Batch');
	return jsonBody ? { ...node, parameters: { ...node.parameters, jsonBody } } : node;
}

export interface PriceRoute {
	key: string;
	label: string;
	/** The nodes after the Webhook, and the loop connections if any. */
	nodes: (partner: PricePartner) => { nodes: WorkflowNode[]; loop?: Array<[string, string, number]> };
	measuredNodes: string[];
	outputNode: string;
	/** A peer a skilled user builds from n8n's own nodes, of which the bench runs the fastest. */
	builtIn?: boolean;
}

const updatePrices = (partner: PricePartner, parameters: Record<string, unknown>): WorkflowNode => ({
	name: 'Update Prices',
	type: `${BOLTTECH_PACKAGE}.bolttech`,
	typeVersion: 1,
	parameters: { resource: 'catalog', operation: 'updatePrices', productCode: 'RENTAL-BENCH', batchSize: BATCH_SIZE, ...parameters },
	credentials: { bolttechApi: { id: partner.bolttechCredential, name: `bench bolttech ${partner.latencyMs}ms` } },
});

/** The price list routes: the CSV file in the Webhook's binary field `data`, a SKU per row. */
export const PRICE_ROUTES: PriceRoute[] = [
	{
		key: 'file',
		label: 'Update Prices, Map Prices From: File (CSV, streamed)',
		nodes: (partner) => ({ nodes: [updatePrices(partner, { priceMapping: 'file', binaryPropertyName: 'data', fileFormat: 'csv' })] }),
		measuredNodes: ['Update Prices'],
		outputNode: 'Update Prices',
	},
	{
		key: 'items',
		label: 'Extract From File (CSV) + Update Prices from items',
		nodes: (partner) => ({ nodes: [EXTRACT_CSV, updatePrices(partner, {})] }),
		measuredNodes: ['Update Prices'],
		outputNode: 'Update Prices',
	},
	{
		key: 'code',
		label: 'Extract From File (CSV) + Code (chunks of 1,000) + HTTP Request',
		nodes: (partner) => ({ nodes: [EXTRACT_CSV, { name: 'Chunk', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: CHUNK_CODE } }, sendBatch(partner)] }),
		measuredNodes: ['Chunk', 'Send Batch'],
		outputNode: 'Send Batch',
		builtIn: true,
	},
	{
		key: 'codeFile',
		label: 'Code (reads the CSV file itself, chunks of 1,000) + HTTP Request',
		nodes: (partner) => ({
			nodes: [{ name: 'Parse and Chunk', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: PARSE_AND_CHUNK_CODE } }, sendBatch(partner)],
		}),
		measuredNodes: ['Parse and Chunk', 'Send Batch'],
		outputNode: 'Send Batch',
		builtIn: true,
	},
	{
		key: 'loop',
		label: 'Extract From File (CSV) + Loop Over Items (1,000) + Aggregate + HTTP Request',
		nodes: (partner) => ({
			nodes: [
				EXTRACT_CSV,
				{ name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, parameters: { batchSize: BATCH_SIZE, options: {} } },
				{
					name: 'Aggregate',
					type: 'n8n-nodes-base.aggregate',
					typeVersion: 1,
					parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'asset_model_prices', options: {} },
				},
				sendBatch(partner, CONVERTING_PRICE_BODY),
			],
			// Output 0 of Loop Over Items is "done", output 1 "loop".
			loop: [
				['Loop Over Items', 'Aggregate', 1],
				['Aggregate', 'Send Batch', 0],
				['Send Batch', 'Loop Over Items', 0],
			],
		}),
		measuredNodes: ['Loop Over Items', 'Aggregate', 'Send Batch'],
		outputNode: 'Loop Over Items',
		builtIn: true,
	},
];

export function priceWorkflow(route: PriceRoute, partner: PricePartner): ScaleWorkflow {
	const id = `benchScalePrices${route.key}${partner.latencyMs}ms`;
	const { nodes, loop } = route.nodes(partner);
	return {
		route: `prices/${route.key}`,
		id,
		measuredNodes: route.measuredNodes,
		outputNode: route.outputNode,
		...chainedWorkflow(id, `${route.label}, answers after ${partner.latencyMs} ms`, nodes, loop),
	};
}

export interface OrderPartner {
	records: number;
	afostoUrl: string;
	afostoCredential: string;
}

export interface OrderRoute {
	key: string;
	label: string;
	node: (partner: OrderPartner) => WorkflowNode;
	/** What the output node gives for `records` records: one item each, or one file. */
	outputItems: (records: number) => number;
	/**
	 * A route the packed package may not have yet: the bench skips it, saying so, when the
	 * installed node's code lacks this parameter name.
	 */
	needsParameter?: string;
}

/** The node of a peers bench Afosto workflow (bench/peerWorkflows.ts), pointed at `partner`. */
function peerOrderNode(partner: OrderPartner, key: 'node' | 'http'): WorkflowNode {
	const workflow = orderListWorkflows({ latencyMs: 0, bolttechUrl: '', bolttechCredential: '', afostoUrl: partner.afostoUrl, afostoCredential: partner.afostoCredential })[key];
	return nodeOf(workflow, workflow.outputNode);
}

/** Afosto's orders, every page of `GET /odr/orders`, each way the table names. */
export const ORDER_ROUTES: OrderRoute[] = [
	{ key: 'items', label: 'Afosto Orders, Return All, Output: Items (this package)', node: (partner) => peerOrderNode(partner, 'node'), outputItems: (records) => records },
	{ key: 'http', label: 'HTTP Request, pagination on `x-page`', node: (partner) => peerOrderNode(partner, 'http'), outputItems: (records) => records },
	{
		key: 'file',
		label: 'Afosto Orders, Return All, Output: One File (this package)',
		node: (partner) => {
			const node = peerOrderNode(partner, 'node');
			return { ...node, parameters: { ...node.parameters, listOutput: 'file', binaryPropertyName: 'data' } };
		},
		outputItems: () => 1,
		needsParameter: 'listOutput',
	},
];

export function orderWorkflow(route: OrderRoute, partner: OrderPartner): ScaleWorkflow {
	const id = `benchScaleOrders${route.key}${partner.records}`;
	const node = route.node(partner);
	return {
		route: `orders/${route.key}`,
		id,
		measuredNodes: [node.name],
		outputNode: node.name,
		...chainedWorkflow(id, `${route.label}, ${partner.records} records`, [node]),
	};
}
