import { WebhookContext } from 'n8n-core';
import type { IDataObject, INodeType, IRunExecutionData, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { startLoopbackServer, stopServer, urlOf } from '../../sandbox/loopbackServer';
import { executeTestWorkflow, startingWith } from '../../scripts/n8nCore/runNode';
import type { NodeRun, NodeRunRequest } from '../../scripts/n8nCore/runNode';
import { answerOnReceipt, expressLikeResponse } from './triggerServer';
import { testWorkflow } from '../../scripts/n8nCore/testWorkflow';
import type { TestWorkflow } from '../../scripts/n8nCore/testWorkflow';

/**
 * A node run that puts its execution to wait, and the part of n8n that resumes it: a server on
 * 127.0.0.1 at the execution's resume URLs (`/webhook-waiting/<execution>/<suffix>`). As n8n 2.x
 * does, it refuses a request whose `signature` is not the execution's resume token (401), hands a
 * valid one to the node's webhook method, and continues the execution with what the webhook
 * returns; `timeOut()` continues it as n8n's wait tracker does when the wait time has passed.
 */
export class WaitingRun {
	/** Every request to the resume URLs, with n8n's answer. */
	readonly resumeRequests: Array<{ path: string; status: number }> = [];
	private server?: Server;
	private setup?: TestWorkflow;
	private runExecutionData?: IRunExecutionData;
	private resolveResumed: (run: NodeRun) => void = () => {};
	/** Settles with the continued run once a callback resumed the execution. */
	readonly resumed = new Promise<NodeRun>((resolve) => (this.resolveResumed = resolve));

	constructor(private readonly request: NodeRunRequest) {}

	get baseUrl(): string {
		return urlOf(this.server, 'resume server');
	}

	async start(): Promise<NodeRun> {
		this.server = await startLoopbackServer((request, response) => void this.handle(request, response));
		this.setup = testWorkflow({ ...this.request, webhookBaseUrl: this.baseUrl });
		this.runExecutionData = startingWith(this.setup, this.request.items);
		return await executeTestWorkflow(this.setup, this.runExecutionData);
	}

	async stop(): Promise<void> {
		await stopServer(this.server);
	}

	get isWaiting(): boolean {
		return this.runExecutionData?.waitTill !== undefined;
	}

	/** Continues the execution as if its wait time had passed. */
	async timeOut(): Promise<NodeRun> {
		return await executeTestWorkflow(this.setup!, this.runExecutionData!);
	}

	private arrivals?: { expected: number; arrived: number; allArrived: Promise<void>; release: () => void };

	/**
	 * Holds the next `count` requests until all of them have arrived and read the execution as
	 * waiting, then lets them on together: simultaneous callbacks as n8n meets them, when each
	 * reads the execution from its database before any of them has resumed it.
	 */
	holdUntilArrived(count: number): void {
		let release = () => {};
		const allArrived = new Promise<void>((resolve) => (release = resolve));
		this.arrivals = { expected: count, arrived: 0, allArrived, release };
	}

	private async arrive(): Promise<void> {
		const arrivals = this.arrivals;
		if (!arrivals) return;
		if (++arrivals.arrived >= arrivals.expected) {
			this.arrivals = undefined;
			arrivals.release();
		}
		await arrivals.allArrived;
	}

	private answer(response: ServerResponse, path: string, status: number, body: unknown) {
		this.resumeRequests.push({ path, status });
		response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		// n8n reads the execution from its database for each request and hands the node that copy;
		// only when it starts the run does it switch the execution from waiting to running, atomically.
		const readOnArrival = this.isWaiting ? structuredClone(this.runExecutionData!) : undefined;
		await this.arrive();
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const url = new URL(request.url ?? '/', this.baseUrl);
		const setup = this.setup!;
		const runExecutionData = this.runExecutionData!;
		const [, prefix, executionId, suffix] = url.pathname.split('/');
		if (prefix !== 'webhook-waiting' || executionId !== setup.executionId) {
			return this.answer(response, url.pathname, 404, { message: 'No execution is waiting here' });
		}
		// n8n 2.x answers a request for an execution that runs or has finished with a ConflictError.
		if (!readOnArrival) {
			return this.answer(response, url.pathname, 409, { code: 409, message: `The execution "${executionId}" is running already.` });
		}
		if (url.searchParams.get('signature') !== readOnArrival.resumeToken) {
			return this.answer(response, url.pathname, 401, { error: 'Invalid token' });
		}
		const nodeType = setup.workflow.nodeTypes.getByNameAndVersion(setup.node.type, setup.node.typeVersion) as INodeType;
		const description = nodeType.description.webhooks?.find(
			(webhook) => webhook.restartWebhook && webhook.path === suffix && webhook.httpMethod === request.method,
		);
		if (!description) return this.answer(response, url.pathname, 404, { message: 'No waiting webhook with this path' });

		const rawBody = Buffer.concat(chunks);
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			return this.answer(response, url.pathname, 400, { message: 'Failed to parse request body' });
		}
		const webhookData: IWebhookData = {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: setup.node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: setup.workflow.id,
			workflowExecuteAdditionalData: setup.additionalData,
		};
		const additionalData = {
			...setup.additionalData,
			httpRequest: {
				method: request.method,
				url: request.url,
				path: url.pathname,
				headers: request.headers,
				query: Object.fromEntries(url.searchParams) as IDataObject,
				params: {},
				body,
				rawBody,
			},
			httpResponse: expressLikeResponse(response),
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(setup.workflow, setup.node, additionalData, 'webhook', webhookData, [], readOnArrival);
		const result = await nodeType.webhook!.call(context);
		if (result.workflowData && !this.isWaiting) {
			// Another request resumed the execution meanwhile: n8n's switch to running fails
			// (ExecutionAlreadyResumingError) and n8n answers 500.
			return this.answer(response, url.pathname, 500, { code: 0, message: 'There was a problem executing the workflow' });
		}
		this.resumeRequests.push({ path: url.pathname, status: response.headersSent ? response.statusCode : 200 });
		if (!result.noWebhookResponse && !response.headersSent) answerOnReceipt(response, description, result);
		if (!result.workflowData) return;

		// What n8n does to resume: the waiting node is not run again but passes the webhook's
		// data on, through every output.
		const [waiting] = runExecutionData.executionData!.nodeExecutionStack;
		waiting.node.disabled = true;
		waiting.data = { main: result.workflowData };
		waiting.metadata = { ...waiting.metadata, forwardAllOutputs: true };
		runExecutionData.waitTill = undefined;
		runExecutionData.resultData.runData[setup.node.name]?.pop();
		this.resolveResumed(await executeTestWorkflow(setup, runExecutionData));
	}
}
