import { WorkflowExecute } from 'n8n-core';
import { createRunExecutionData } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import type { PackageCredentialsHelper } from './credentialsHelper';
import { testWorkflow } from './testWorkflow';
import type { TestNodeSpec } from './testWorkflow';

export interface NodeRun {
	/** The node's output items, per output. */
	outputs: INodeExecutionData[][];
	/** The items of the first output, as plain JSON. */
	json: IDataObject[];
	/** The error that stopped the run, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	credentialsHelper: PackageCredentialsHelper;
}

export interface NodeRunRequest extends TestNodeSpec {
	/** Input items (plain JSON); one empty item when left out. */
	items?: IDataObject[];
}

/**
 * Runs one node of the package through n8n-core's WorkflowExecute, exactly as n8n runs a node
 * whose input arrives from a previous node: declarative nodes go through n8n's RoutingNode,
 * custom operations through their own code, and credentials through the package's definitions.
 */
export async function runNode(request: NodeRunRequest): Promise<NodeRun> {
	const { node, workflow, hooks, additionalData, credentialsHelper } = testWorkflow(request);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveRun(fullRunData));

	const items = (request.items ?? [{}]).map((json, index) => ({ json, pairedItem: { item: index } }));
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output: INodeExecutionData[] | null) => output ?? []);
	return {
		outputs,
		json: (outputs[0] ?? []).map((item: INodeExecutionData) => item.json),
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
		run,
		credentialsHelper,
	};
}
