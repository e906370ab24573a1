import { appendFileSync } from 'node:fs';

import type { IRun, IWorkflowBase } from 'n8n-workflow';

/**
 * An n8n external hook file (EXTERNAL_HOOK_FILES) for the peers-in-n8n bench: after every
 * execution it appends one line of JSON to BENCH_PEERS_REPORT with what n8n measured: its
 * startedAt and stoppedAt, each node's executionTime summed over its runs and the items of its
 * last run's first output. The workflows save nothing on success, so n8n does not write 100,000
 * items to its database after every run, and the bench reads no large execution back.
 */

export interface ExecutionReport {
	workflowId: string;
	executionId: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
	error?: string;
	nodes: Record<string, { runs: number; executionTime: number; lastOutputItems: number }>;
}

async function report(this: unknown, run: IRun, workflow: IWorkflowBase, executionId: string): Promise<void> {
	const { runData, error } = run.data.resultData;
	const nodes: ExecutionReport['nodes'] = {};
	for (const [name, runs] of Object.entries(runData)) {
		nodes[name] = {
			runs: runs.length,
			executionTime: runs.reduce((sum, { executionTime }) => sum + executionTime, 0),
			lastOutputItems: runs.at(-1)?.data?.main?.[0]?.length ?? 0,
		};
	}
	const line: ExecutionReport = {
		workflowId: String(workflow.id),
		executionId,
		status: run.status,
		startedAt: new Date(run.startedAt).toISOString(),
		stoppedAt: run.stoppedAt ? new Date(run.stoppedAt).toISOString() : undefined,
		error: error?.message,
		nodes,
	};
	appendFileSync(process.env.BENCH_PEERS_REPORT as string, `${JSON.stringify(line)}\n`);
}

export const workflow = { postExecute: [report] };
