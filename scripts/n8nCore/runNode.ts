import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IRun, IRunExecutionData } from 'n8n-workflow';

import type { PackageCredentialsHelper } from './credentialsHelper';
import { testWorkflow } from './testWorkflow';
import type { TestNodeSpec, TestWorkflow } from './testWorkflow';

export interface NodeRun {
	/** The node's output items, per output. */
	outputs: INodeExecutionData[][];
	/** The items of the first output, as plain JSON. */
	json: IDataObject[];
	/** The error that stopped the run, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	credentialsHelper: PackageCredentialsHelper;
	/**
	 * The static data n8n would save with the workflow after this run: what n8n-core hands the
	 * workflowExecuteAfter hook when a node changed it, unless the run is manual (n8n's
	 * hookFunctionsSave skips saving for mode "manual"); undefined when nothing would be saved.
	 */
	savedStaticData?: IDataObject;
	/** What n8n-core hands the workflowExecuteAfter hook, in any mode: the static data when a node changed it. */
	changedStaticData?: IDataObject;
}

export interface NodeRunRequest extends TestNodeSpec {
	/** Input items (plain JSON); one empty item when left out. */
	items?: IDataObject[];
	/** Input items with binary data, when the node reads files; they replace `items`. */
	binaryItems?: INodeExecutionData[];
}

/**
 * Runs (or, for a waiting execution, continues) `runExecutionData` through n8n-core's
 * WorkflowExecute, and reads the node's last run from the result.
 */
export async function executeTestWorkflow(setup: TestWorkflow, runExecutionData: IRunExecutionData): Promise<NodeRun> {
	const { node, workflow, workflowData, executionId, mode, additionalData, credentialsHelper } = setup;
	// Fresh hooks per pass, as n8n creates them for each start or resume of an execution.
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	additionalData.hooks = hooks;
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	let changedStaticData: IDataObject | undefined;
	hooks.addHandler('workflowExecuteAfter', (fullRunData, newStaticData) => {
		// As n8n saves it: JSON, without the flag that marks it changed.
		if (newStaticData !== undefined) {
			const { __dataChanged: _changed, ...data } = JSON.parse(JSON.stringify(newStaticData)) as IDataObject;
			changedStaticData = data;
		}
		resolveRun(fullRunData);
	});

	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.at(-1);
	const outputs = (taskData?.data?.main ?? []).map((output: INodeExecutionData[] | null) => output ?? []);
	return {
		outputs,
		json: (outputs[0] ?? []).map((item: INodeExecutionData) => item.json),
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
		run,
		credentialsHelper,
		changedStaticData,
		savedStaticData: mode === 'manual' ? undefined : changedStaticData,
	};
}

/** The execution data n8n starts a node's run with: the items on its input. */
export function startingWith(setup: TestWorkflow, items: IDataObject[] = [{}], binaryItems?: INodeExecutionData[]): IRunExecutionData {
	const inputItems = binaryItems ?? items.map((json, index) => ({ json, pairedItem: { item: index } }));
	return createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: setup.node, data: { main: [inputItems] }, source: null }] },
	});
}

/**
 * Runs one node of the package through n8n-core's WorkflowExecute, exactly as n8n runs a node
 * whose input arrives from a previous node: declarative nodes go through n8n's RoutingNode,
 * custom operations through their own code, and credentials through the package's definitions.
 */
export async function runNode(request: NodeRunRequest): Promise<NodeRun> {
	const setup = testWorkflow(request);
	return await executeTestWorkflow(setup, startingWith(setup, request.items, request.binaryItems));
}
