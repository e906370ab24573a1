import { HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import { resolveWebhookDescriptionField } from 'n8n-workflow';
import type { INodePropertyOptions } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { startLoopbackServer, stopServer, urlOf } from '../../sandbox/loopbackServer';
import { testWorkflow } from '../../scripts/n8nCore/testWorkflow';
import type { TestNodeSpec, TestWorkflow } from '../../scripts/n8nCore/testWorkflow';

/** The slice of Express's response that webhook nodes use. */
export function expressLikeResponse(response: ServerResponse) {
	const wrapper = {
		get headersSent() {
			return response.headersSent;
		},
		status(code: number) {
			response.statusCode = code;
			return wrapper;
		},
		setHeader(name: string, value: string) {
			response.setHeader(name, value);
			return wrapper;
		},
		json(body: unknown) {
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify(body));
			return wrapper;
		},
		send(body?: string | Buffer) {
			response.end(body);
			return wrapper;
		},
		end(body?: string | Buffer) {
			response.end(body);
			return wrapper;
		},
	};
	return wrapper;
}

/**
 * Answers a webhook of response mode `onReceived` the way n8n 2.x does once it has started the run
 * (n8n's extractWebhookOnReceivedResponse): the description's `responseData`, which defaults to
 * `firstEntryJson` and is then sent as that text; `noData` sends nothing; when it is empty, the
 * webhook's `webhookResponse`, else `{"message": "Workflow was started"}`. A text goes out as text,
 * anything else as JSON.
 */
export function answerOnReceipt(response: ServerResponse, description: IWebhookDescription, result: IWebhookResponseData): void {
	const responseData = description.responseData === undefined ? 'firstEntryJson' : description.responseData;
	let body: unknown;
	if (responseData === 'noData') body = undefined;
	else if (responseData) body = responseData;
	else if (result.webhookResponse !== undefined) body = result.webhookResponse;
	else body = { message: 'Workflow was started' };
	if (body === undefined) {
		response.writeHead(200).end();
	} else if (typeof body === 'string') {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
	} else {
		response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	}
}

/**
 * Answers a webhook of response mode `lastNode` the way n8n 2.x does once the run has finished
 * (n8n's executeWebhook and extractWebhookLastNodeResponse): a failed run gets 500
 * `{"message": "Error in workflow"}`; a run that succeeded gets the last node's data as
 * `responseData` says: nothing for `noData`, the first item's JSON for `firstEntryJson`, every
 * item's JSON otherwise. Here the trigger is the last node, so its items are the run's output.
 */
export function answerWhenRunFinished(response: ServerResponse, responseData: unknown, items: INodeExecutionData[], runFailed: boolean): void {
	const json = (status: number, body: unknown) =>
		response.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
	if (runFailed) json(500, { message: 'Error in workflow' });
	else if (responseData === 'noData') json(200, undefined);
	else if (responseData === 'firstEntryJson') json(200, items[0]?.json);
	else json(200, items.map((item) => item.json));
}

/**
 * Serves a trigger node's webhook on 127.0.0.1 the way n8n's webhook server does: it parses the
 * body, hands request and response to the node through n8n-core's WebhookContext, and records
 * each workflow run the node starts. `activate`/`deactivate` run the node's webhook lifecycle.
 */
export class TriggerServer {
	/** The items of each workflow run the trigger started. */
	readonly runs: INodeExecutionData[][] = [];
	/** Whether the runs the trigger starts fail (what a `lastNode` webhook then answers). */
	runsFail = false;
	private server?: Server;
	private setup?: TestWorkflow;

	constructor(private readonly spec: TestNodeSpec) {}

	get baseUrl(): string {
		return urlOf(this.server, 'trigger server');
	}

	/** The production URL the node hands out (its first webhook's). */
	get webhookUrl(): string {
		return this.webhookContextFor().getNodeWebhookUrl('default') as string;
	}

	/** The production URL of the node's webhook with this path, as n8n builds it. */
	webhookUrlFor(path: string): string {
		return `${this.baseUrl}/webhook/${this.workflow.node.webhookId}/${path}`;
	}

	/** The trigger node as the workflow (and every execution n8n saves of it) holds it. */
	get savedNode() {
		return this.workflow.node;
	}

	get staticData() {
		return this.workflow.workflow.staticData;
	}

	private get workflow(): TestWorkflow {
		if (!this.setup) throw new Error('The trigger server is not started');
		return this.setup;
	}

	private get nodeType(): INodeType {
		const { workflow, node } = this.workflow;
		return workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	}

	async start(): Promise<this> {
		this.server = await startLoopbackServer((request, response) => void this.handle(request, response));
		this.setup = testWorkflow({ ...this.spec, webhookBaseUrl: this.baseUrl });
		return this;
	}

	async stop(): Promise<void> {
		await stopServer(this.server);
		this.server = undefined;
	}

	/** Activates the workflow: n8n calls checkExists, then create when it says false. */
	async activate(): Promise<void> {
		const lifecycle = this.nodeType.webhookMethods?.default;
		if (!lifecycle) throw new Error('The node has no webhook lifecycle');
		const context = this.hookContext('activate');
		if (!(await lifecycle.checkExists.call(context))) await lifecycle.create.call(context);
	}

	async deactivate(): Promise<void> {
		await this.nodeType.webhookMethods?.default?.delete.call(this.hookContext('activate'));
	}

	/** Runs one of the node's `loadOptions` methods, as the editor does to fill a dropdown. */
	async loadOptions(method: string, parameterPath: string): Promise<INodePropertyOptions[]> {
		const { workflow, node, additionalData } = this.workflow;
		const loader = this.nodeType.methods?.loadOptions?.[method];
		if (!loader) throw new Error(`The node has no loadOptions method ${method}`);
		return await loader.call(new LoadOptionsContext(workflow, node, additionalData, parameterPath));
	}

	/**
	 * A field of a webhook description as n8n 2.x evaluates it per request (WebhookExecutionContext):
	 * natively when the description declares a resolver for it and the node's parameters are
	 * static, with the expression engine otherwise.
	 */
	evaluateWebhookDescription(description: IWebhookDescription, field: string, defaultValue: string): unknown {
		const { workflow, node } = this.workflow;
		const workflowNode = workflow.nodes[node.name];
		const native = resolveWebhookDescriptionField(workflowNode, description, field);
		if (native.resolved) return native.value;
		return workflow.expression.getComplexParameterValue(workflowNode, description[field], 'webhook', {}, undefined, defaultValue);
	}

	async isRegistered(): Promise<boolean> {
		return (await this.nodeType.webhookMethods?.default?.checkExists.call(this.hookContext('activate'))) ?? false;
	}

	private webhookData(
		additionalData: IWorkflowExecuteAdditionalData,
		description = this.nodeType.description.webhooks![0],
	): IWebhookData {
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.workflow.node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: this.workflow.workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
	}

	private hookContext(activation: 'activate' | 'update') {
		const { workflow, node, additionalData } = this.workflow;
		return new HookContext(workflow, node, additionalData, 'trigger', activation, this.webhookData(additionalData));
	}

	private webhookContextFor(
		additionalData = this.workflow.additionalData,
		description = this.nodeType.description.webhooks![0],
	) {
		const { workflow, node } = this.workflow;
		const webhookData = this.webhookData(additionalData, description);
		return new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(request.url ?? '/', this.baseUrl);
		const description = this.nodeType.description.webhooks!.find(
			(webhook) =>
				url.pathname === new URL(this.webhookUrlFor(String(webhook.path))).pathname &&
				request.method === webhook.httpMethod,
		);
		if (!description) {
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ message: `No webhook registered for ${request.method} ${url.pathname}` }));
			return;
		}
		let body: unknown = {};
		if (String(request.headers['content-type'] ?? '').includes('json') && rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				// n8n's body parser refuses malformed JSON before any node sees it.
				response.writeHead(400, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: 'Failed to parse request body' }));
				return;
			}
		}
		const expressRequest = {
			method: request.method,
			url: request.url,
			path: url.pathname,
			headers: request.headers,
			query: Object.fromEntries(url.searchParams),
			params: {},
			body,
			rawBody,
		};
		const additionalData = {
			...this.workflow.additionalData,
			httpRequest: expressRequest,
			httpResponse: expressLikeResponse(response),
		} as unknown as IWorkflowExecuteAdditionalData;
		try {
			const result = await this.nodeType.webhook!.call(this.webhookContextFor(additionalData, description));
			if (result.workflowData) this.runs.push(result.workflowData[0]);
			if (result.noWebhookResponse || response.headersSent) return;
			const responseData = this.evaluateWebhookDescription(description, 'responseData', 'firstEntryJson');
			if (this.evaluateWebhookDescription(description, 'responseMode', 'onReceived') === 'lastNode' && result.workflowData) {
				answerWhenRunFinished(response, responseData, result.workflowData[0], this.runsFail);
			} else {
				answerOnReceipt(response, { ...description, responseData: responseData as string }, result);
			}
		} catch (error) {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ message: (error as Error).message }));
		}
	}
}
