/** The running n8n of the end-to-end tests (see startN8n.js), through its webhook and REST APIs. */

import { parse } from 'flatted';

const { CALLBACK_EXAMPLES, webhookBaseUrl } = require('../../scripts/exampleWorkflows') as {
	CALLBACK_EXAMPLES: Record<'masStack' | 'bolttech', { workflowId: string; node: string }>;
	webhookBaseUrl: (baseUrl: string, workflow: unknown, nodeName: string) => string;
};

export const n8nUrl = () => process.env.E2E_N8N_URL as string;

const session = () => ({ cookie: process.env.E2E_N8N_COOKIE as string });

/** POSTs to a production webhook of an active workflow (at `baseUrl`: the queue-mode suite's webhook processor). */
export async function callWorkflow(path: string, body: unknown, baseUrl = n8nUrl()) {
	const response = await fetch(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

/**
 * fetch for the REST API calls that set up and read a test, sent again once when n8n closed the
 * kept-alive connection as the request went out ("other side closed", seen once between two suites
 * of one Jest run: the next suite's first call reused the last suite's idle socket). Webhook calls
 * do not go through here: a second one would start a second execution.
 */
async function restFetch(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		if (cause?.code !== 'UND_ERR_SOCKET') throw error;
		return await fetch(url, init);
	}
}

export async function rest<T>(path: string): Promise<T> {
	const response = await restFetch(`${n8nUrl()}/rest${path}`, { headers: session() });
	if (!response.ok) throw new Error(`GET /rest${path}: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { data: T }).data;
}

/** POSTs to n8n's REST API as the editor does, with the owner's session. */
export async function restPost<T>(path: string, body: unknown): Promise<T> {
	const response = await restFetch(`${n8nUrl()}/rest${path}`, { method: 'POST', headers: { ...session(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`POST /rest${path}: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { data: T }).data;
}

/**
 * The production URL, up to its own path, of the trigger of the `partner`'s callback example as
 * imported (with a fresh webhook id), at `baseUrl`: `<baseUrl>/webhook/<webhookId>`.
 */
export async function callbackExampleUrl(partner: keyof typeof CALLBACK_EXAMPLES, baseUrl = n8nUrl()) {
	const { workflowId, node } = CALLBACK_EXAMPLES[partner];
	return webhookBaseUrl(baseUrl, await rest(`/workflows/${workflowId}`), node);
}

/**
 * What n8n saved with the workflow for bolttech Update Prices' Send Only Changed Prices: the
 * remembered string of `productCode` in the static data of the node named `node`.
 */
export async function rememberedPricesOf(workflowId: string, node: string, productCode: string): Promise<string | undefined> {
	const saved = await rest<{ staticData?: Record<string, { rememberedPrices?: Record<string, string> }> | null }>(`/workflows/${workflowId}`);
	return saved.staticData?.[`node:${node}`]?.rememberedPrices?.[productCode];
}

export interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
}

export async function executionsOf(workflowId: string, limit = 250) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return await rest<{ results: ExecutionSummary[]; count: number }>(`/executions?filter=${filter}&limit=${limit}`);
}

export async function nodeTypes(): Promise<Array<{ name: string }>> {
	const response = await fetch(`${n8nUrl()}/types/nodes.json`, { headers: session() });
	return (await response.json()) as Array<{ name: string }>;
}

/** Polls until `probe` returns a value. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

/** The items each of the given nodes output in the execution. */
export function outputsOf(execution: { data: string }, nodeNames: string[]) {
	const runData = (parse(execution.data) as { resultData: { runData: Record<string, NodeRun[]> } }).resultData.runData;
	return Object.fromEntries(nodeNames.map((name) => [name, runData[name]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? null]));
}
