/**
 * bolttech Update Prices with Map Prices From: File in a real n8n, for the single-instance and the
 * queue-mode end-to-end tests: a bolttech contract server and a file server of this test process
 * on 127.0.0.1, an n8n credential that points at the contract server, and a workflow that takes
 * the price list file either from n8n's HTTP Request node (a download) or as the body a Webhook
 * received; a Manual Trigger downloads a fixed file, as the editor's Execute Workflow would.
 */
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';

import { parse } from 'flatted';

import { startLoopbackServer, stopServer, urlOf } from '../../sandbox/loopbackServer';
import { BOLTTECH_TOKEN, useBolttechServer } from '../harness/bolttechSetup';
import { pricesIn } from '../harness/priceSyncSetup';
import { rest, restPost, until } from './n8nApi';

export const UPDATE_PRICES = 'Update Prices';
/** Update Prices with Send Only Changed Prices remembered in a file the caller keeps (Remember In: A File You Keep). */
export const UPDATE_PRICES_WITH_MEMORY_FILE = 'Update Prices (Memory File)';
export const PRODUCT_CODE = 'RENTAL-E2E-FILE';

export interface PriceListRow {
	partner_device_id: string;
	price_net: number;
}

/** `count` rows E2E-F-000000… at 10000, 10001…: 19 bytes a line, so 60,000 rows pass 1 MiB. */
export const priceRows = (count: number): PriceListRow[] =>
	Array.from({ length: count }, (_, index) => ({ partner_device_id: `E2E-F-${String(index).padStart(6, '0')}`, price_net: 10_000 + index }));

/** The rows as a CSV file with a header, as a partner's ERP exports it: CRLF line ends. */
export const priceCsv = (rows: Array<{ partner_device_id: string; price_net: number | string }>) =>
	`partner_device_id,price_net\r\n${rows.map((row) => `${row.partner_device_id},${row.price_net}`).join('\r\n')}\r\n`;

/** Serves the files a test puts here under /files/<name>.csv, for n8n's HTTP Request node to download. */
function useFileServer() {
	const files = new Map<string, string>();
	let server: Server | undefined;
	beforeAll(async () => {
		server = await startLoopbackServer((request, response) => {
			const file = files.get(request.url ?? '');
			if (file === undefined) return void response.writeHead(404).end();
			response.writeHead(200, { 'content-type': 'text/csv' }).end(file);
		});
	});
	afterAll(async () => await stopServer(server));
	return {
		/** Serves `text` from now on, and answers its URL. */
		put(name: string, text: string) {
			files.set(`/files/${name}.csv`, text);
			return `${urlOf(server, 'file server')}/files/${name}.csv`;
		},
	};
}

interface SavedWorkflow {
	id: string;
	versionId: string;
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	data: string;
}

/** The execution once it has finished. */
export async function finishedExecution(executionId: string): Promise<Execution> {
	return await until(async () => {
		const execution = await rest<Execution>(`/executions/${executionId}`);
		return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
	}, 60_000);
}

interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, { id?: string; fileSize?: string; mimeType?: string }> }> | null> };
}

/** The first output item of a node in the execution, and the execution's error message if it failed. */
export function runOf(execution: Execution, nodeName: string) {
	const { resultData } = parse(execution.data) as { resultData: { runData: Record<string, NodeRun[]>; error?: { message: string } } };
	return { items: resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [], error: resultData.error?.message };
}

/**
 * A bolttech contract server, a file server and an active workflow in n8n (created through its
 * REST API in beforeAll, deactivated in afterAll): POST `{ url }` to `<path>` and the workflow
 * downloads the file with HTTP Request; POST the file itself to `<path>-file` and the Webhook keeps
 * it as binary data. Either way Update Prices reads it as CSV and sends it in batches of `batchSize`.
 * POST the file and the price memory as multipart form fields `data` and `priceMemory` to
 * `<path>-memory`, and a second Update Prices, which remembers in that file, answers the updated
 * memory file: the caller keeps it between runs, as a workflow would with Read/Write Files from Disk.
 * `webhookBaseUrl` is where production webhooks are served (the queue-mode suite's webhook processor).
 */
export function usePriceListFileWorkflow(options: { path: string; batchSize: number; priceSyncOptions?: Record<string, unknown>; webhookBaseUrl: () => string }) {
	const { server: bolttech } = useBolttechServer();
	const files = useFileServer();
	const manualRows = priceRows(20).map((row, index) => (index === 3 ? { ...row, price_net: row.price_net + 50 } : row));
	const state = { workflowId: '', manualFileUrl: '', manualRows };

	beforeAll(async () => {
		state.manualFileUrl = files.put('manual', priceCsv(manualRows));
		const credential = await restPost<{ id: string; name: string }>('/credentials', {
			name: `bolttech (e2e file ${options.path})`,
			type: 'bolttechApi',
			data: { environment: 'custom', customBaseUrl: bolttech.url, accessToken: BOLTTECH_TOKEN },
		});
		const saved = await restPost<SavedWorkflow>('/workflows', priceListFileWorkflow(options, credential, state.manualFileUrl));
		state.workflowId = saved.id;
		await restPost(`/workflows/${saved.id}/activate`, { versionId: saved.versionId });
		// n8n registers the production webhooks just after it answers the activation; an empty list
		// (a header alone) sends nothing and remembers nothing.
		await until(async () => ((await postFile(options.webhookBaseUrl(), `${options.path}-file`, priceCsv([]))).status === 404 ? undefined : true), 60_000);
	});
	afterAll(async () => {
		if (state.workflowId) await restPost(`/workflows/${state.workflowId}/deactivate`, {}).catch(() => undefined);
	});

	return {
		bolttech,
		state,
		/** Serves `text` at a URL of the file server and asks the workflow to download it. */
		async download(name: string, text: string) {
			return await postJson(options.webhookBaseUrl(), options.path, { url: files.put(name, text) });
		},
		/** POSTs `text` and `memory` (when given) as a form to the memory file webhook; answers the memory file it outputs. */
		async uploadWithMemory(text: string, memory?: Buffer) {
			const form = new FormData();
			form.append('data', new Blob([text], { type: 'text/csv' }), 'prices.csv');
			if (memory) form.append('priceMemory', new Blob([memory], { type: 'application/json' }), 'bolttech-price-memory.json');
			const response = await fetch(`${options.webhookBaseUrl()}/webhook/${options.path}-memory`, { method: 'POST', body: form });
			return { status: response.status, memory: Buffer.from(await response.arrayBuffer()) };
		},
		/** POSTs `text` as the body of the file webhook. */
		async upload(text: string) {
			return await postFile(options.webhookBaseUrl(), `${options.path}-file`, text);
		},
		/**
		 * The price lists bolttech received, each as its rows, by their first partner device ID:
		 * with several batches in flight they may arrive in any order.
		 */
		batchesReceived: () =>
			bolttech
				.requestsTo('catalogAction')
				.map(pricesIn)
				.sort((a, b) => a[0].partner_device_id.localeCompare(b[0].partner_device_id)),
	};
}

async function postJson(baseUrl: string, path: string, body: unknown) {
	const response = await fetch(`${baseUrl}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

async function postFile(baseUrl: string, path: string, text: string) {
	const response = await fetch(`${baseUrl}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });
	return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

/**
 * Two production webhooks and a Manual Trigger, all into one Update Prices from a CSV file, and a
 * third webhook into an Update Prices that remembers in a memory file and answers it.
 */
function priceListFileWorkflow(options: { path: string; batchSize: number; priceSyncOptions?: Record<string, unknown> }, credential: { id: string; name: string }, manualFileUrl: string) {
	const webhook = (id: string, name: string, path: string, y: number, response: Record<string, string> = { responseData: 'allEntries' }) => ({
		id,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, y],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', ...response, options: {} },
	});
	const updatePrices = (id: string, name: string, y: number, priceSyncOptions: Record<string, unknown>) => ({
		id,
		name,
		type: 'n8n-nodes-bolttech.bolttech',
		typeVersion: 1,
		position: [660, y],
		parameters: {
			resource: 'catalog',
			operation: 'updatePrices',
			productCode: PRODUCT_CODE,
			priceMapping: 'file',
			binaryPropertyName: 'data',
			batchSize: options.batchSize,
			priceSyncOptions,
		},
		credentials: { bolttechApi: credential },
	});
	const toNode = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });
	return {
		name: `e2e: bolttech Update Prices from a file (${options.path})`,
		nodes: [
			webhook('pf-download-webhook', 'Price List URL', options.path, 0),
			webhook('pf-file-webhook', 'Price List File', `${options.path}-file`, 200),
			{ id: 'pf-manual', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 400], parameters: {} },
			{ id: 'pf-manual-url', name: 'Manual URL', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 400], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ body: { url: manualFileUrl } }), options: {} } },
			{
				id: 'pf-download',
				name: 'Download Price List',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [440, 0],
				parameters: { url: '={{ $json.body.url }}', options: { response: { response: { responseFormat: 'file' } } } },
			},
			updatePrices('pf-prices', UPDATE_PRICES, 200, options.priceSyncOptions ?? {}),
			webhook('pf-memory-webhook', 'Price List and Memory', `${options.path}-memory`, 600, { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'priceMemory' }),
			updatePrices('pf-prices-memory-file', UPDATE_PRICES_WITH_MEMORY_FILE, 600, { ...options.priceSyncOptions, sendOnlyChanged: true, rememberIn: 'file' }),
		],
		connections: {
			'Price List URL': toNode('Download Price List'),
			'Manual Trigger': toNode('Manual URL'),
			'Manual URL': toNode('Download Price List'),
			'Download Price List': toNode(UPDATE_PRICES),
			'Price List File': toNode(UPDATE_PRICES),
			'Price List and Memory': toNode(UPDATE_PRICES_WITH_MEMORY_FILE),
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', saveManualExecutions: true },
	};
}
