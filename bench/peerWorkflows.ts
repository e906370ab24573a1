import { createHash } from 'node:crypto';

/**
 * The workflows of the "peers in n8n" bench: the package's node, a bare node, and what a skilled
 * n8n user builds from n8n's own nodes instead, for the same work against the same local server.
 * Each starts at a production Webhook (that answers at once). The price sync
 * workflows receive the price list in the POST body and split it into one item per SKU with the
 * same Split Out node, so every variant gets the same 100,000 items; the list workflows start
 * from the webhook's one item.
 */

/** The node type prefixes n8n gives the two packages the bench runs. */
export const BOLTTECH_PACKAGE = 'n8n-nodes-bolttech';
export const AFOSTO_PACKAGE = 'n8n-nodes-afosto';
/** n8n names the node types it loads from N8N_CUSTOM_EXTENSIONS `CUSTOM.<name>`. */
export const CUSTOM_NODE = 'CUSTOM';

export const BATCH_SIZE = 1_000;
export const PAGE_SIZE = 250;

export interface Partner {
	/** The latency it answers with, in ms: part of the workflows' ids. */
	latencyMs: number;
	bolttechUrl: string;
	afostoUrl: string;
	/** Ids of the package's credentials that point at this partner. */
	bolttechCredential: string;
	afostoCredential: string;
	/** The shape of the Afosto list's orders (afostoListServerProcess.ts), where the bench runs several: part of the order workflows' ids. */
	orderShape?: string;
}

/** The one credential the built-in workflows use: `Authorization: Bearer <token>` as a Header Auth. */
export const HEADER_AUTH_CREDENTIAL = 'benchHeaderAuth';

/** A credential as the bench imports it into n8n (scripts/playground.js importIntoN8n). */
export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The built-in workflows' Header Auth credential, for n8n's import. */
export const headerAuthImport = (token: string): ImportedCredential => ({
	id: HEADER_AUTH_CREDENTIAL,
	name: 'bench bearer token',
	type: 'httpHeaderAuth',
	data: { name: 'Authorization', value: `Bearer ${token}` },
});

/** A bolttech or Afosto credential of the package pointing at one of the bench's partners, for n8n's import. */
export const partnerCredentialImport = (type: 'bolttechApi' | 'afostoApi', id: string, name: string, baseUrl: string, token: string): ImportedCredential => ({
	id,
	name,
	type,
	data: { baseUrl, accessToken: token },
});

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface PeerWorkflow {
	id: string;
	/** The webhook path the bench POSTs to. */
	path: string;
	/** The nodes whose executionTime is the variant's node time (not the webhook, not Split Out). */
	measuredNodes: string[];
	/** The node whose (last) output holds the records: the list's records, or one item per batch. */
	outputNode: string;
	json: unknown;
}

const headerAuth = { httpHeaderAuth: { id: HEADER_AUTH_CREDENTIAL, name: 'bench bearer token' } };

/** The body a price sync request carries, as the HTTP Request node's JSON body expression. */
const PRICE_BODY =
	"={{ { configuration: { action_id: 'update_price', product_code: 'RENTAL-BENCH' }, payload: { incremental: true, asset_model_prices: $json.asset_model_prices } } }}";

/**
 * HTTP Request sending the price list of each input item. It starts every item's request at once
 * and waits for them all (its Batching option only spaces out their starts), so with several
 * items in one run it does not send one batch after another as Update Prices does; in the loop
 * it gets one item per run.
 */
function priceRequest(partner: Partner): WorkflowNode {
	return {
		name: 'Send Batch',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${partner.bolttechUrl}/v4.1/catalog/action`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: PRICE_BODY,
			options: {},
		},
		credentials: headerAuth,
	};
}

/** A stable UUID-shaped id for a name, so that every import gives the same ids. */
function uuidOf(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Chain = Array<[from: string, to: string, output?: number]>;

function workflow(id: string, name: string, nodes: WorkflowNode[], chain: Chain): { path: string; json: unknown } {
	const path = `bench-peers-${id}`;
	const webhookId = uuidOf(`${id}/webhook`);
	const receive = {
		name: 'Receive',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	const all = [receive, ...nodes].map((node, index) => ({
		id: uuidOf(`${id}/${node.name}`),
		position: [index * 220, 0],
		...node,
	}));
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }> = {};
	for (const [from, to, output = 0] of chain) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		path,
		json: {
			id,
			name: `bench peers: ${name}`,
			nodes: all,
			connections,
			// The bench's external hook (peerHooks.ts) reports what n8n measured; nothing is saved
			// on success, so that no run pays for writing the previous one's 100,000 items.
			settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' },
			active: false,
		},
	};
}

const SPLIT_OUT: WorkflowNode = {
	name: 'One Item per SKU',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: 'body.rows', options: {} },
};

const CHUNK_CODE = `const rows = $input.all().map((item) => item.json);
const batches = [];
for (let start = 0; start < rows.length; start += ${BATCH_SIZE}) {
  batches.push({ json: { asset_model_prices: rows.slice(start, start + ${BATCH_SIZE}) } });
}
return batches;`;

/** Update Prices of the posted price list, four ways. */
export function priceSyncWorkflows(partner: Partner): Record<'node' | 'bare' | 'loop' | 'code', PeerWorkflow> {
	const suffix = `${partner.latencyMs}ms`;
	const bolttechCredential = { bolttechApi: { id: partner.bolttechCredential, name: `bench bolttech ${suffix}` } };
	const make = (key: string, name: string, nodes: WorkflowNode[], chain: Chain, measuredNodes: string[], outputNode: string): PeerWorkflow => {
		const id = `benchPrices${key}${suffix}`;
		return { id, measuredNodes, outputNode, ...workflow(id, `${name}, answers after ${suffix}`, [SPLIT_OUT, ...nodes], [['Receive', SPLIT_OUT.name], ...chain]) };
	};
	return {
		node: make(
			'Node',
			'Update Prices',
			[
				{
					name: 'Update Prices',
					type: `${BOLTTECH_PACKAGE}.bolttech`,
					typeVersion: 1,
					parameters: { resource: 'catalog', operation: 'updatePrices', productCode: 'RENTAL-BENCH', batchSize: BATCH_SIZE },
					credentials: bolttechCredential,
				},
			],
			[[SPLIT_OUT.name, 'Update Prices']],
			['Update Prices'],
			'Update Prices',
		),
		bare: make(
			'Bare',
			'a bare node',
			[
				{
					name: 'Bare Batch Sender',
					type: `${CUSTOM_NODE}.bareBatchSender`,
					typeVersion: 1,
					parameters: { productCode: 'RENTAL-BENCH', batchSize: BATCH_SIZE },
					credentials: bolttechCredential,
				},
			],
			[[SPLIT_OUT.name, 'Bare Batch Sender']],
			['Bare Batch Sender'],
			'Bare Batch Sender',
		),
		loop: make(
			'Loop',
			'Loop Over Items + Aggregate + HTTP Request',
			[
				{ name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, parameters: { batchSize: BATCH_SIZE, options: {} } },
				{
					name: 'Aggregate',
					type: 'n8n-nodes-base.aggregate',
					typeVersion: 1,
					parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'asset_model_prices', options: {} },
				},
				priceRequest(partner),
			],
			[
				[SPLIT_OUT.name, 'Loop Over Items'],
				// Output 0 is "done", output 1 "loop".
				['Loop Over Items', 'Aggregate', 1],
				['Aggregate', 'Send Batch'],
				['Send Batch', 'Loop Over Items'],
			],
			['Loop Over Items', 'Aggregate', 'Send Batch'],
			'Loop Over Items',
		),
		code: make(
			'Code',
			'Code (chunks of 1,000) + HTTP Request',
			[
				{ name: 'Chunk', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: CHUNK_CODE } },
				priceRequest(partner),
			],
			[
				[SPLIT_OUT.name, 'Chunk'],
				['Chunk', 'Send Batch'],
			],
			['Chunk', 'Send Batch'],
			'Send Batch',
		),
	};
}

/** Afosto's orders, every page, three ways. */
export function orderListWorkflows(partner: Partner): Record<'node' | 'bare' | 'http', PeerWorkflow> {
	const suffix = `${partner.latencyMs}ms${partner.orderShape ? `-${partner.orderShape}` : ''}`;
	const afostoCredential = { afostoApi: { id: partner.afostoCredential, name: `bench Afosto ${suffix}` } };
	const make = (key: string, name: string, node: WorkflowNode): PeerWorkflow => {
		const id = `benchOrders${key}${suffix}`;
		return { id, measuredNodes: [node.name], outputNode: node.name, ...workflow(id, `${name}, answers after ${suffix}`, [node], [['Receive', node.name]]) };
	};
	return {
		node: make('Node', 'Afosto Orders, Return All', {
			name: 'Afosto Orders',
			type: `${AFOSTO_PACKAGE}.afostoOrders`,
			typeVersion: 1,
			parameters: { resource: 'orders', operation: 'getOdrOrders', returnAll: true },
			credentials: afostoCredential,
		}),
		bare: make('Bare', 'a bare node', {
			name: 'Bare Cursor Follower',
			type: `${CUSTOM_NODE}.bareCursorFollower`,
			typeVersion: 1,
			parameters: { pageSize: PAGE_SIZE },
			credentials: afostoCredential,
		}),
		http: make('Http', "HTTP Request's pagination on x-page", {
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'GET',
				url: `${partner.afostoUrl}/odr/orders`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'x-page-size', value: String(PAGE_SIZE) }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'headers', name: 'x-page', value: '={{ $response.headers["x-page"] }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.headers["x-page"] === undefined }}',
							limitPagesFetched: false,
						},
					},
				},
			},
			credentials: headerAuth,
		}),
	};
}
