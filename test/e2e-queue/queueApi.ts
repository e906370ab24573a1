/**
 * The running queue-mode stack of these tests (see startQueueMode.js): production webhooks go to
 * the webhook processor, the REST API to main, and the workers' logs and the database say which
 * process ran an execution and what became of every callback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { callWorkflow as callWorkflowAt, executionsOf, until } from '../e2e/n8nApi';

const { queryDatabase } = require('../../scripts/queueMode.js') as {
	queryDatabase: (stack: QueueStack, sql: string) => string[][];
};

export interface QueueStack {
	folder: string;
	mainPort: number;
	webhookPort: number;
	workerPorts: number[];
	postgresPort: number;
	redisPort: number;
	logs: string;
}

export const stack = (): QueueStack => JSON.parse(process.env.QUEUE_E2E_STACK as string) as QueueStack;

export const webhookUrl = () => process.env.E2E_WEBHOOK_URL as string;

export const workerRoles = () => stack().workerPorts.map((_, index) => `worker-${index + 1}`);

/** POSTs JSON to a production webhook at the webhook processor. */
export const callWorkflow = (path: string, body: unknown) => callWorkflowAt(path, body, webhookUrl());

/** The n8n processes (main, webhook, worker-N) whose log says "Worker started execution <id> (job …)", once per start. */
export function processesThatStarted(executionId: string): string[] {
	return ['main', 'webhook', ...workerRoles()].flatMap((role) => {
		const log = readFileSync(join(stack().logs, `${role}.log`), 'utf8');
		const starts = log.split(`Worker started execution ${executionId} (job `).length - 1;
		return Array.from({ length: starts }, () => role);
	});
}

/** Rows of a query against the stack's Postgres, each an array of its columns as text. */
export const sql = (query: string) => queryDatabase(stack(), query);

/** The newest execution of a workflow once there are more than `before`, finished or not. */
export async function nextExecution(workflowId: string, before: number) {
	return await until(async () => {
		const { results, count } = await executionsOf(workflowId);
		return count > before ? results[0] : undefined;
	}, 60_000);
}
