/**
 * MasStack callbacks fired at the webhook processor, each with its own service id, and the
 * database's account of them: which execution each became, if any.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sql, stack, webhookUrl } from './queueApi';

/** A workflow of MasStack Trigger callbacks: its id and the trigger's webhook id. */
export interface CallbackWorkflow {
	id: string;
	webhookId: string;
}

/** The bench's MasStack Trigger alone, answering Immediately. */
export const LOAD_WORKFLOW: CallbackWorkflow = { id: 'e2eMasStackLoad', webhookId: 'e2e00000-0000-4000-8000-00000000005f' };

/** A service id per callback: `prefix` and the index, nine digits as MasStack's lines. */
export const serviceIdOf = (prefix: number, index: number) => `${prefix}${String(index).padStart(8, '0')}`;

const callbackUrlOf = (workflow: CallbackWorkflow) => `${webhookUrl()}/webhook/${workflow.webhookId}/masstack/service/success`;

/** POSTs the callback of `index` once: its status, body and time to answer, or the error of one that got no answer. */
async function postCallback(url: string, prefix: number, index: number, timeoutMs?: number) {
	const sentAt = Date.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'Request-Correlation-Id': `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
		body: JSON.stringify({ code: 'OK', title: 'Service created', service_id: serviceIdOf(prefix, index) }),
		signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
	}).catch((error: Error & { cause?: Error }) => `${error.message}: ${error.cause?.message ?? ''}`);
	if (typeof response === 'string') return { status: response, body: '', seconds: (Date.now() - sentAt) / 1000 };
	const body = await response.text();
	return { status: response.status, body, seconds: (Date.now() - sentAt) / 1000 };
}

/**
 * POSTs `total` MasStack callbacks `concurrency` at a time to the load workflow's trigger at the
 * webhook processor; `onProgress` hears how many were answered. Returns each callback's status,
 * or the error of one that got no answer.
 */
export async function fireCallbacks(
	prefix: number,
	total: number,
	concurrency: number,
	onProgress: (answered: number) => void = () => {},
	workflow: CallbackWorkflow = LOAD_WORKFLOW,
) {
	const url = callbackUrlOf(workflow);
	const statuses: Array<number | string> = [];
	for (let start = 0; start < total; start += concurrency) {
		const wave = Array.from({ length: Math.min(concurrency, total - start) }, async (_, offset) => (await postCallback(url, prefix, start + offset)).status);
		statuses.push(...(await Promise.all(wave)));
		onProgress(statuses.length);
	}
	return statuses;
}

/** One delivery attempt of a callback by the retrying partner. */
export interface Attempt {
	index: number;
	status: number | string;
	body: string;
	seconds: number;
}

/**
 * A partner that delivers each of `total` callbacks until it gets a 2xx, `concurrency` deliveries
 * in flight: it sends again, after `pauseMs`, on a 5xx and on no answer (a connection error, or
 * none within `timeoutMs`); a 4xx is final. `onProgress` hears how many callbacks are delivered.
 * Returns every attempt.
 */
export async function deliverWithRetries(
	workflow: CallbackWorkflow,
	prefix: number,
	total: number,
	{ concurrency, timeoutMs, pauseMs = 1_000, onProgress = () => {} }: { concurrency: number; timeoutMs: number; pauseMs?: number; onProgress?: (delivered: number) => void },
) {
	const url = callbackUrlOf(workflow);
	const attempts: Attempt[] = [];
	let next = 0;
	let delivered = 0;
	const deliverer = async () => {
		for (let index = next++; index < total; index = next++) {
			for (;;) {
				const attempt = { index, ...(await postCallback(url, prefix, index, timeoutMs)) };
				attempts.push(attempt);
				if (typeof attempt.status === 'number' && attempt.status < 500) break;
				await new Promise((resolve) => setTimeout(resolve, pauseMs));
			}
			onProgress(++delivered);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, deliverer));
	return attempts;
}

/** The workflow's executions whose callback carried a service id starting with `prefix`: id, status, service id. */
export function executionsOfCallbacks(prefix: number, workflow: CallbackWorkflow = LOAD_WORKFLOW) {
	return sql(
		`SELECT e.id, e.status, substring(d.data from '"(${prefix}[0-9]{8})"') AS service_id
		 FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
		 WHERE e."workflowId" = '${workflow.id}' AND d.data ~ '"${prefix}[0-9]{8}"'`,
	).map(([id, status, serviceId]) => ({ id, status, serviceId }));
}

/** For the callbacks `0 … total-1`: those without an execution, and those with more than one. */
export function lostAndDuplicated(prefix: number, total: number, executions: Array<{ serviceId: string }>) {
	const seen = new Map<string, number>();
	for (const { serviceId } of executions) seen.set(serviceId, (seen.get(serviceId) ?? 0) + 1);
	const expected = Array.from({ length: total }, (_, index) => serviceIdOf(prefix, index));
	return {
		lost: expected.filter((serviceId) => !seen.has(serviceId)),
		duplicated: [...seen].filter(([, count]) => count > 1).map(([serviceId]) => serviceId),
	};
}

/** How many executions of the workflow are not finished yet (new or running). */
export const unfinishedCount = (workflow: CallbackWorkflow = LOAD_WORKFLOW) =>
	Number(sql(`SELECT count(*) FROM execution_entity WHERE "workflowId" = '${workflow.id}' AND status IN ('new', 'running')`)[0][0]);

/**
 * The executions after `afterId` that a worker's log says it started and has not (yet) finished:
 * n8n's job processor logs "Worker started execution N (job M)" and "Worker finished execution N
 * (job M)" at info. Read after the worker was killed, these are the executions it held.
 */
export function executionsHeldBy(role: string, afterId: number): string[] {
	const log = readFileSync(join(stack().logs, `${role}.log`), 'utf8');
	const started = [...log.matchAll(/Worker started execution (\d+) \(job/g)].map(([, id]) => id);
	const finished = new Set([...log.matchAll(/Worker finished execution (\d+) \(job/g)].map(([, id]) => id));
	return started.filter((id) => Number(id) > afterId && !finished.has(id));
}

const { killRole, recordedProcesses, stackRedis, startRole } = require('../../scripts/queueMode.js') as {
	killRole: (stack: unknown, role: string) => number;
	recordedProcesses: (stack: unknown) => Record<string, number>;
	stackRedis: (stack: unknown, args: string[]) => string;
	startRole: (stack: unknown, role: string) => Promise<unknown>;
};

export const redis = (...args: string[]) => stackRedis(stack(), args);

/**
 * The jobs Bull failed of executions after `afterId`, with the execution each carried and the
 * reason Bull gave (the stack keeps the last 1,000 failed jobs, N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED).
 */
export function failedJobs(afterId: number) {
	const ids = redis('ZRANGE', 'bull:jobs:failed', '0', '-1').split('\n').filter(Boolean);
	return ids
		.map((jobId) => ({
			jobId,
			executionId: (JSON.parse(redis('HGET', `bull:jobs:${jobId}`, 'data')) as { executionId: string }).executionId,
			failedReason: redis('HGET', `bull:jobs:${jobId}`, 'failedReason'),
		}))
		.filter(({ executionId }) => Number(executionId) > afterId);
}

function isAlive(pid: number | undefined) {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Starts a worker again if a test before killed it, so that each killing test begins with two workers. */
export async function restartIfKilled(role: string) {
	if (!isAlive(recordedProcesses(stack())[role])) await startRole(stack(), role);
}

/** Waits until a killed process is gone, so that its log is complete. */
export async function untilDead(pid: number) {
	while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The killed-worker tests: 1,000 callbacks, 50 in flight; worker-1 is killed once 300 are answered and it is seen running executions of the test. */
export const KILLED_WORKER_RUN = { callbacks: 1_000, concurrency: 50, killAfter: 300, role: 'worker-1' };

/**
 * Kills worker-1 with SIGKILL at the first progress report, from `killAfter` callbacks on, at
 * which its log shows it running executions after `afterId`: it dies holding jobs of the test,
 * whatever the machine's speed. `held()` waits until it is gone and reads its complete log.
 */
export function killerOfWorkerOnceBusy(afterId: number) {
	const { role, killAfter } = KILLED_WORKER_RUN;
	let killed: { pid: number; progress: number; seenHolding: string[] } | undefined;
	return {
		onProgress(progress: number) {
			if (killed || progress < killAfter) return;
			const seenHolding = executionsHeldBy(role, afterId);
			if (seenHolding.length > 0) killed = { pid: killRole(stack(), role), progress, seenHolding };
		},
		get killed() {
			return killed;
		},
		async held() {
			if (!killed) throw new Error(`${role} was never seen running executions of this test, so it was not killed`);
			await untilDead(killed.pid);
			return executionsHeldBy(role, afterId);
		},
	};
}
